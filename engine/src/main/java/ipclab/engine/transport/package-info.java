/**
 * The seam between a planned channel and its mechanism (shm ring, msgq, stream or datagram
 * socket, FIFO): the supervisor creates and removes the channel's kernel objects and files
 * ({@link ipclab.engine.transport.ChannelObjects}), a worker opens its end of the channel and gets
 * ports ({@link ipclab.engine.transport.Endpoint}). It sits above {@code channel} and its
 * mechanism subpackages, which it chooses between, and below the roles. A live channel is read
 * for people by {@link ipclab.engine.transport.ChannelInspector} into a
 * {@link ipclab.engine.transport.ChannelLook} (API: the REPL's {@code /show}).
 */
package ipclab.engine.transport;

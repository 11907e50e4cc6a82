/**
 * The seam between a planned channel and its mechanism: one {@link ipclab.engine.transport.Transport}
 * per mechanism (shm ring, msgq, stream socket, datagram socket, FIFO) holds the supervisor's
 * creation and removal of the channel's kernel objects and files and the worker's open of its end,
 * chosen once by the planned channel's type; what it made is a sealed
 * {@link ipclab.engine.protocol.ChannelHandle} record per mechanism. It sits above {@code channel}
 * and its mechanism subpackages, which it chooses between, and below the roles.
 *
 * <h2>API</h2>
 * {@link ipclab.engine.transport.ChannelKit} (what a run does to its channels' objects; tests bring
 * their own), {@link ipclab.engine.transport.ChannelObjects} (the real one, per run) and
 * {@link ipclab.engine.transport.Endpoint} (a worker's end); {@link ipclab.engine.transport.ChannelLook}, what a
 * live channel's objects hold, read for people (the REPL's {@code /show}) by {@code ChannelInspector}.
 *
 * <h2>Internal</h2>
 * The transports ({@code ShmRingTransport}, {@code MsgqTransport}, {@code StreamSocketTransport},
 * {@code DatagramSocketTransport}, {@code FifoTransport}), and the two places every object passes:
 * {@link ipclab.engine.transport.Creation} (each System V object and file made, timed and logged:
 * wrap it to change how objects are recorded) and {@link ipclab.engine.transport.Removal}.
 *
 * <p>Adding a mechanism: a {@code ChannelHandle} record (and its wire form in {@code HandleJson}), a
 * {@code Transport} implementation, its line in {@code Transport.of}, and the planner's rules.
 */
package ipclab.engine.transport;

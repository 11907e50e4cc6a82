/**
 * The file-descriptor ports: stream sockets (unix, tcp) and FIFOs, and datagram sockets (unix,
 * udp). Internal: opened through {@code ipclab.engine.transport}.
 */
package ipclab.engine.channel.stream;

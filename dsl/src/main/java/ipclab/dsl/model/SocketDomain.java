package ipclab.dsl.model;

/** Socket kind: AF_UNIX stream or datagram, TCP or UDP on loopback. YAML spelling: {@link Names#yaml}. */
public enum SocketDomain {
    UNIX,
    UNIX_DGRAM,
    TCP,
    UDP
}

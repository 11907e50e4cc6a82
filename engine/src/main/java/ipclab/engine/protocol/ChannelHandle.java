package ipclab.engine.protocol;

import java.util.OptionalInt;

/**
 * The kernel objects and addresses behind one channel, as the supervisor created them: one
 * record per mechanism, each with only the fields that mechanism has. The supervisor's transport
 * for the planned channel's type makes it; the worker's open of the same transport reads it.
 */
public sealed interface ChannelHandle {
    /** The channel's name in the plan. */
    String channel();

    /**
     * System V shared memory: the segment, and the semaphore set when {@code sync: semaphore}.
     *
     * @param semaphores the semaphore set's id, empty without one
     */
    record ShmRing(String channel, int shmId, OptionalInt semaphores) implements ChannelHandle {
        /** The semaphore set's id, or -1 without one (the ring ports' and the counter's convention). */
        public int semId() {
            return semaphores.orElse(-1);
        }
    }

    /**
     * A System V message queue and its semaphore set of two, [senders still running, end token].
     */
    record Msgq(String channel, int msqId, int semId) implements ChannelHandle {}

    /** A stream socket (unix or tcp) at the address its receiver binds. */
    record StreamSocket(String channel, Address address) implements Socket {}

    /**
     * A datagram socket (unix or udp) at the address its receiver binds; a pinger binds
     * {@link Address#back()} for the echoes.
     */
    record DatagramSocket(String channel, Address address) implements Socket {}

    /** A socket of either kind: its receiver's address. */
    sealed interface Socket extends ChannelHandle {
        Address address();
    }

    /** A FIFO in a private directory; a pinger/echo pair also uses {@code path + ".back"}. */
    record Fifo(String channel, String path) implements ChannelHandle {}

    /** Where a socket channel's receiver binds: a path in a private directory, or a loopback port. */
    sealed interface Address {
        /** The return address of a pinger/echo pair: path + ".back", or port + 1. */
        Address back();
    }

    /** A unix-domain socket file. */
    record UnixPath(String path) implements Address {
        @Override
        public Address back() {
            return new UnixPath(path + ".back");
        }
    }

    /** A loopback (127.0.0.1) port, tcp or udp. */
    record LoopbackPort(int port) implements Address {
        @Override
        public Address back() {
            return new LoopbackPort(port + 1);
        }
    }
}

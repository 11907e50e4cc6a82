package ipclab.engine.transport;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Sync;
import ipclab.engine.channel.shm.RingDescriptor;
import ipclab.engine.inspect.ProcNetSockets;
import ipclab.engine.sys.MsqInfo;
import java.util.List;

/**
 * What one channel's kernel objects hold right now, read from the objects themselves (the
 * supervisor's attachment of the segment, msgctl, semctl, {@code /proc/net}), never from the
 * engine's bookkeeping. Made by {@link ChannelInspector}; one {@link Part} per object.
 */
public record ChannelLook(String channel, ChannelType type, List<Part> parts) {
    public ChannelLook {
        parts = List.copyOf(parts);
    }

    /** One kernel object of the channel, or why it cannot be read. */
    public sealed interface Part permits Ring, Counter, Queue, Semaphores, Sockets, Unreadable {}

    /**
     * A shared-memory ring, decoded through {@link ipclab.engine.channel.shm.RingDescriptor}.
     *
     * @param magic   the control block's magic (0x49504352 'IPCR' when formatted)
     * @param shmDest the segment is marked for removal (IPC_RMID once every worker attached)
     */
    public record Ring(
            int shmId,
            int magic,
            int version,
            int slots,
            long slotBytes,
            int writers,
            int readers,
            Sync sync,
            Fanout fanout,
            long segmentBytes,
            boolean shmDest,
            int attached,
            List<Lane> lanes)
            implements Part {
        public Ring {
            lanes = List.copyOf(lanes);
        }

        /** What a slot's sequence word says in this ring ("published 3", "free for 4"). */
        public String sequenceMeaning(long sequence) {
            return RingDescriptor.sequenceMeaning(sync, sequence);
        }
    }

    /**
     * One lane of a ring (lane 1 is a pinger/echo pair's way back).
     *
     * @param readerCursors broadcast: the next position each reader reads
     */
    public record Lane(
            int lane, long writeCursor, long readCursor, int writersDone, List<Long> readerCursors, List<Slot> slots) {
        public Lane {
            readerCursors = List.copyOf(readerCursors);
            slots = List.copyOf(slots);
        }
    }

    /**
     * One slot and the message header in it.
     *
     * @param sequence  the slot's sequence word ({@link Ring#sequenceMeaning})
     * @param remaining broadcast: readers still to read it
     * @param msgSeq    the message header's sequence (-1: end of stream)
     * @param offset    where the slot starts in the segment
     */
    public record Slot(
            int index,
            long offset,
            long sequence,
            int remaining,
            long msgSeq,
            int msgWriter,
            int msgLength,
            long checksum) {}

    /** An incrementer channel's segment: the shared counter and the spin lock word. */
    public record Counter(int shmId, int incrementers, Sync sync, long value, long lock, boolean shmDest, int attached)
            implements Part {}

    /**
     * A System V message queue: its IPC_STAT and the messages waiting (peeked with MSG_COPY, not taken).
     *
     * @param messages   the first messages waiting, oldest first (at most {@link ChannelInspector#MAX_PEEK})
     * @param unpeekable null, or why the messages could not be looked at without taking them
     */
    public record Queue(int msqId, MsqInfo stat, List<Message> messages, String unpeekable) implements Part {
        public Queue {
            messages = List.copyOf(messages);
        }
    }

    /** A message waiting in a queue; {@code seq} and {@code writer} from its ipclab header, or -1 if it has none. */
    public record Message(int index, long mtype, long size, long seq, int writer) {}

    /** A System V semaphore set, each semaphore with what it stands for. */
    public record Semaphores(int semId, List<Sem> sems) implements Part {
        public Semaphores {
            sems = List.copyOf(sems);
        }
    }

    /**
     * One semaphore: GETVAL, GETNCNT (waiting for it to grow), GETZCNT (waiting for zero), GETPID.
     *
     * @param role what ipclab uses it for: {@code mutex of writers}, {@code empty}, {@code end token}...
     */
    public record Sem(int num, String role, int value, int ncnt, int zcnt, int lastPid) {}

    /** A socket channel's queues as {@code /proc/net} tells them. */
    public record Sockets(String address, List<ProcNetSockets.Row> rows) implements Part {
        public Sockets {
            rows = List.copyOf(rows);
        }
    }

    /** An object that could not be read, and why. */
    public record Unreadable(String what, String why) implements Part {}
}

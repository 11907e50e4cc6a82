package ipclab.engine.channel;

import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Memory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Checks a received message as its channel's {@code verify} says, in place and without
 * allocating. In every mode the length must be within [{@link MessageHeader#BYTES}, maxLength],
 * so that a receiver never reads past the message.
 *
 * <ul>
 *   <li>{@link Verify#FULL}: every byte. Payloads are deterministic ({@link Payload}: the
 *       scenario's seed, the writer's index and the message length), so the receiver makes the
 *       pattern of each writer that can reach it once, at start, and compares the payload's middle
 *       with it ({@link Memory#equal}: a vectorised compare, as the C yardstick's {@code memcpy}
 *       out reads every line); the header's checksum against the CRC32C of that writer's middle
 *       (precomputed) mixed with the header's fields; and the seals at both ends ({@link
 *       MessageHeader#sealed}). A message from a writer index that cannot reach this receiver, or
 *       of another length than its writer's, is corrupt.
 *   <li>{@link Verify#ENDS}: the header's checksum against {@link MessageHeader#mix} of its fields
 *       (the sender writes no CRC into it) and the seals, the per-message check of {@code
 *       bench/native/ipcbase.c}.
 *   <li>{@link Verify#NONE}: the length only.
 * </ul>
 */
public final class Verifier {
    private final Verify mode;
    /** {@link Verify#FULL}: by writer index, the message as that writer's {@link Payload} writes it (header bytes unused). */
    private final MemorySegment[] patterns;
    /** By writer index, the writer's message length; 0 (never a length) for an index that cannot reach here. */
    private final int[] lengths;
    /** By writer index, the CRC32C of the writer's payload middle, as its header's checksum holds it. */
    private final int[] crcs;

    /**
     * How many bytes of patterns a receiver keeps: beyond them a writer's payload is checked against
     * its CRC32C instead (a reader of 32 writers of 64 MiB messages would otherwise hold 2 GiB of
     * patterns). Every case of the bench and the library stays far below it.
     */
    static final long PATTERN_BUDGET = 64L << 20;

    /**
     * A verifier for messages from {@code senders} (each its index and its message size), made with
     * {@code seed}; the patterns ({@link Verify#FULL} only) live in {@code arena}.
     */
    public Verifier(Verify mode, long seed, List<PlannedProcess> senders, Arena arena) {
        this(mode, seed, senders, arena, PATTERN_BUDGET);
    }

    /** As above, keeping at most {@code budget} bytes of patterns (the rest are checked by CRC32C). */
    Verifier(Verify mode, long seed, List<PlannedProcess> senders, Arena arena, long budget) {
        this.mode = mode;
        int slots = mode == Verify.FULL
                ? senders.stream().mapToInt(PlannedProcess::index).max().orElse(-1) + 1
                : 0;
        this.patterns = new MemorySegment[slots];
        this.lengths = new int[slots];
        this.crcs = new int[slots];
        if (mode != Verify.FULL) return;
        long kept = 0;
        for (PlannedProcess p : senders) {
            boolean keep = kept + p.size() <= budget;
            try (Arena scratch = Arena.ofConfined()) { // a pattern over the budget is made only for its CRC
                Payload expected = new Payload(seed, p.index(), p.size(), Verify.FULL, keep ? arena : scratch);
                patterns[p.index()] = keep ? expected.pattern() : null;
                lengths[p.index()] = expected.length();
                crcs[p.index()] = expected.payloadCrc();
            }
            if (keep) kept += p.size();
        }
    }

    /**
     * The verifier of a receiver (reader, echo, or a pinger for its replies): messages come from
     * the processes on its channel that originate messages (writers, pingers), see {@link
     * WorkerSpec#peers()}.
     */
    public static Verifier of(WorkerSpec spec, Arena arena) {
        List<PlannedProcess> senders =
                spec.peers().stream().filter(p -> p.role().originates()).toList();
        return new Verifier(spec.channel().verify(), spec.seed(), senders, arena);
    }

    public Verify mode() {
        return mode;
    }

    /** True when the message at {@code at} of {@code s} passes. */
    public boolean verify(MemorySegment s, long at, long maxLength) {
        return switch (mode) {
            case FULL -> full(s, at, maxLength);
            case ENDS -> ends(s, at, maxLength);
            case NONE -> {
                int length = MessageHeader.length(s, at);
                yield length >= MessageHeader.BYTES && length <= maxLength;
            }
        };
    }

    private boolean full(MemorySegment s, long at, long maxLength) {
        int length = MessageHeader.length(s, at);
        int writer = MessageHeader.writer(s, at);
        // an unknown writer, or another length than its writer's: no pattern, corrupt (lengths hold 0 for none)
        if (length > maxLength || writer < 0 || writer >= lengths.length || lengths[writer] != length) return false;
        long seq = MessageHeader.seq(s, at);
        if (!MessageHeader.sealed(s, at, seq, writer, length)) return false;
        if (MessageHeader.checksum(s, at)
                != MessageHeader.checksum(crcs[writer], seq, writer, length, MessageHeader.timestamp(s, at))) {
            return false;
        }
        long from = MessageHeader.sealedFrom(length), to = MessageHeader.sealedTo(length);
        MemorySegment pattern = patterns[writer];
        return pattern != null
                ? Memory.equal(s, at + from, pattern, from, to - from)
                : crc(s, at + from, at + to) == crcs[writer];
    }

    /**
     * CRC32C of [from, to) of {@code s}, for a writer whose pattern is over the budget: a view and a
     * checksum per call, negligible beside summing such a message (tens of MiB).
     */
    private static int crc(MemorySegment s, long from, long to) {
        CRC32C sum = new CRC32C();
        sum.update(
                (s.isNative() ? Memory.global(s) : s).asSlice(from, to - from).asByteBuffer());
        return (int) sum.getValue();
    }

    private static boolean ends(MemorySegment s, long at, long maxLength) {
        int length = MessageHeader.length(s, at);
        if (length < MessageHeader.BYTES || length > maxLength) return false;
        long seq = MessageHeader.seq(s, at);
        if (MessageHeader.checksum(s, at)
                != MessageHeader.mix(seq, MessageHeader.writer(s, at), length, MessageHeader.timestamp(s, at))) {
            return false;
        }
        return MessageHeader.sealed(s, at, seq, MessageHeader.writer(s, at), length);
    }
}

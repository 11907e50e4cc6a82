package ipclab.engine.channel;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The header every ipclab message starts with, on every channel (shm slot, msgq mtext, socket,
 * FIFO). Little-endian, 8-byte aligned fields; the payload follows. Streams (TCP, unix stream,
 * FIFO) are framed by the {@code length} field.
 *
 * <pre>
 *   0                   8         12        16                  24                  32
 *   +-------------------+---------+---------+-------------------+-------------------+------------
 *   | seq (long)        | writer  | length  | timestamp (long)  | checksum (long)   | payload ...
 *   +-------------------+---------+---------+-------------------+-------------------+------------
 *   seq       the writer's sequence number, 0-based; {@link #END_SEQ} marks an end-of-stream marker;
 *             bit 62 ({@link #WARMUP_FLAG}) marks an unmeasured warm-up message (its own count below it)
 *   writer    the writer's PlannedProcess.index (an end marker from the supervisor side: the target reader)
 *   length    the whole message in bytes, header included ({@link #BYTES} at least)
 *   timestamp System.nanoTime() at send (CLOCK_MONOTONIC: comparable across processes)
 *   checksum  CRC32C of the payload's middle [sealedFrom, sealedTo) XOR {@link #mix} of seq, writer, length, timestamp
 *   payload   with at least {@link #SEALED_PAYLOAD} bytes, its first and last 8 bytes are the message's
 *             {@link #seal} (of seq and writer): messages of one writer differ, and one torn between two
 *             of them fails; shorter payloads are all checksummed and not sealed
 * </pre>
 */
public final class MessageHeader {
    private MessageHeader() {}

    /** The header as the struct drawn above: the size and offsets below are read from it, not typed again. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("seq"),
            ValueLayout.JAVA_INT.withName("writer"),
            ValueLayout.JAVA_INT.withName("length"),
            ValueLayout.JAVA_LONG.withName("timestamp"),
            ValueLayout.JAVA_LONG.withName("checksum"));

    /** Header size, and the smallest message ipclab can send. */
    public static final int BYTES = (int) LAYOUT.byteSize();

    public static final long SEQ_OFFSET = offsetOf("seq");
    public static final long WRITER_OFFSET = offsetOf("writer");
    public static final long LENGTH_OFFSET = offsetOf("length");
    public static final long TIMESTAMP_OFFSET = offsetOf("timestamp");
    public static final long CHECKSUM_OFFSET = offsetOf("checksum");
    /** seq of an end-of-stream marker. */
    public static final long END_SEQ = -1L;

    /**
     * Set in the seq of a writer's warm-up message: it is checked (checksum) but not measured or
     * recorded in the sequence ledger; the measured messages' seq start at 0 after it.
     */
    public static final long WARMUP_FLAG = 1L << 62;

    /**
     * Whether the message of {@code seq} (without {@link #WARMUP_FLAG}) is one whose one-way latency
     * is measured on a channel with {@code sample}: every sample-th message of each writer (the
     * sample-th, the 2 sample-th...; all with {@code sample: 1}). Its writer stamps its send time;
     * the others carry 0, and their readers read no clock for them.
     */
    public static boolean sampled(long seq, int sample) {
        return (seq + 1) % sample == 0;
    }

    /** 1 unless {@link #sampled}, else 0: the same rule as arithmetic, for a loop that must not branch on it. */
    public static long skipped(long seq, int sample) {
        return -((seq + 1) % sample) >>> 63;
    }

    /** True for the seq of a warm-up message (not an end marker). */
    public static boolean warmup(long seq) {
        return seq >= 0 && (seq & WARMUP_FLAG) != 0;
    }

    private static long offsetOf(String field) {
        return ipclab.engine.sys.Structs.offset(LAYOUT, field); // not LAYOUT.byteOffset: see there why
    }

    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    public static long seq(MemorySegment s, long at) {
        return s.get(LONG, at + SEQ_OFFSET);
    }

    public static int writer(MemorySegment s, long at) {
        return s.get(INT, at + WRITER_OFFSET);
    }

    public static int length(MemorySegment s, long at) {
        return s.get(INT, at + LENGTH_OFFSET);
    }

    public static long timestamp(MemorySegment s, long at) {
        return s.get(LONG, at + TIMESTAMP_OFFSET);
    }

    public static long checksum(MemorySegment s, long at) {
        return s.get(LONG, at + CHECKSUM_OFFSET);
    }

    /** Payloads at least this long carry seals at both ends. */
    public static final int SEALED_PAYLOAD = 16;

    /** The seal of a message: what the first and last 8 bytes of its payload hold. */
    public static long seal(long seq, int writer) {
        return (seq ^ 0x5DEE_CE66_DA3C_A5A5L) * 0x9E37_79B9_7F4A_7C15L + writer;
    }

    /** Where the checksummed middle of a payload starts (relative to the message). */
    public static long sealedFrom(int length) {
        return length - BYTES >= SEALED_PAYLOAD ? BYTES + 8 : BYTES;
    }

    /** Where the checksummed middle of a payload ends (relative to the message). */
    public static long sealedTo(int length) {
        return length - BYTES >= SEALED_PAYLOAD ? length - 8L : length;
    }

    /** Writes the seals of a message of {@code length} bytes (nothing when its payload is too short to carry them). */
    public static void writeSeals(MemorySegment s, long at, long seq, int writer, int length) {
        if (length - BYTES < SEALED_PAYLOAD) return;
        long seal = seal(seq, writer);
        s.set(LONG, at + BYTES, seal);
        s.set(LONG, at + length - 8, seal);
    }

    /** True when both seals of the message are its own (or its payload is too short to carry them). */
    public static boolean sealed(MemorySegment s, long at, long seq, int writer, int length) {
        if (length - BYTES < SEALED_PAYLOAD) return true;
        long seal = seal(seq, writer);
        return s.get(LONG, at + BYTES) == seal && s.get(LONG, at + length - 8) == seal;
    }

    /** Writes the header; {@code payloadCrc} is the CRC32C of the payload's middle already in place. */
    public static void write(
            MemorySegment s, long at, long seq, int writer, int length, long timestamp, int payloadCrc) {
        s.set(LONG, at + SEQ_OFFSET, seq);
        s.set(INT, at + WRITER_OFFSET, writer);
        s.set(INT, at + LENGTH_OFFSET, length);
        s.set(LONG, at + TIMESTAMP_OFFSET, timestamp);
        s.set(LONG, at + CHECKSUM_OFFSET, checksum(payloadCrc, seq, writer, length, timestamp));
    }

    /** Writes an end-of-stream marker of {@link #BYTES} bytes. */
    public static void writeEnd(MemorySegment s, long at, int writer) {
        write(s, at, END_SEQ, writer, BYTES, 0L, 0);
    }

    public static long checksum(int payloadCrc, long seq, int writer, int length, long timestamp) {
        return (payloadCrc & 0xFFFF_FFFFL) ^ mix(seq, writer, length, timestamp);
    }

    /** A 64-bit mix (murmur3 fmix64 over a multiply-xor) of the header fields. */
    public static long mix(long seq, int writer, int length, long timestamp) {
        long h = seq * 0x9E37_79B9_7F4A_7C15L;
        h ^= (((long) writer << 32) | (length & 0xFFFF_FFFFL)) * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= timestamp * 0x1656_67B1_9E37_79F9L;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }
}

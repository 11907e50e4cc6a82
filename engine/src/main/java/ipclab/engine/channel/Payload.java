package ipclab.engine.channel;

import ipclab.dsl.model.Verify;
import ipclab.engine.sys.Memory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/**
 * One writer's payload: bytes derived from the scenario's seed, the writer's index and the message
 * length, made once (the one home of how they are made: a receiver that checks every byte makes
 * the same {@code Payload} to compare with, {@link Verifier});
 * each message copies them behind its header and stamps seq, timestamp and checksum, and seals
 * both ends of the payload with its sequence ({@link MessageHeader#seal}), so that two messages of
 * one writer differ and a message torn between two of them (the header or one end of one, the
 * rest of another) fails its check. The CRC of the constant middle is computed once, so a send
 * costs a copy and a few stores. The copy is libc's {@code memcpy} for payloads of
 * {@link Memory#NATIVE_FROM} bytes and more ({@link Memory}: on a ring it writes the slot's cache
 * lines without first fetching them from the reader's CPU). Only the middle is copied (the seals
 * and the header are stored over the rest anyway), from a copy of the pattern that starts at the
 * same offset within a cache line as the message ({@link #write}): {@code rep movsb} moves whole
 * lines when source and destination are aligned alike.
 *
 * <p>For a channel that verifies the ends only ({@link Verify#ENDS}, {@link Verify#NONE}) the
 * header's checksum is {@link MessageHeader#mix} of its fields alone (no CRC): the header and the
 * two seals are what {@link Verifier} checks, the work per message of {@code bench/native/ipcbase.c}.
 */
public final class Payload {
    private static final long CACHE_LINE = 64;

    /** The pattern's room: the message's length and a cache line, so that {@link #pattern} can start anywhere in one. */
    private final MemorySegment room;
    /** The message as the pattern has it (header bytes unused), at {@code room}'s offset {@link #shift}. */
    private MemorySegment pattern;
    /** Where {@link #pattern} starts in {@link #room}: the cache-line offset of the last destination. */
    private long shift;
    /** The bytes {@link #write} copies: the payload between its seals (all of it when too short for seals). */
    private final long copyFrom;

    private final long copyLength;
    private final int length;
    private final int writer;
    private final int payloadCrc;

    /**
     * @param length the whole message length, header included (at least {@link MessageHeader#BYTES})
     */
    public Payload(long seed, int writer, long length, Arena arena) {
        this(seed, writer, length, Verify.FULL, arena);
    }

    /**
     * @param length the whole message length, header included (at least {@link MessageHeader#BYTES})
     * @param verify what the channel's receivers check (see the class comment)
     */
    public Payload(long seed, int writer, long length, Verify verify, Arena arena) {
        if (length < MessageHeader.BYTES || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("size=" + length + " must be at least " + MessageHeader.BYTES
                    + " bytes (the message header) and below 2 GiB");
        }
        this.length = (int) length;
        this.writer = writer;
        this.room = arena.allocate(length + CACHE_LINE, CACHE_LINE);
        this.pattern = room.asSlice(0, length);
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E37_79B9L * (writer + 1)));
        for (long i = MessageHeader.BYTES; i + 8 <= length; i += 8)
            pattern.set(MessageHeader.LONG, i, random.nextLong());
        for (long i = length & ~7L; i < length; i++)
            pattern.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) random.nextInt());
        this.payloadCrc = verify != Verify.FULL
                ? 0
                : new Crc(pattern).of(MessageHeader.sealedFrom(this.length), MessageHeader.sealedTo(this.length));
        this.copyFrom = MessageHeader.sealedFrom(this.length);
        this.copyLength = MessageHeader.sealedTo(this.length) - copyFrom;
    }

    public int length() {
        return length;
    }

    public int writer() {
        return writer;
    }

    /**
     * The message as this payload writes it, header bytes aside (unused): what a receiver compares
     * a message of this writer with ({@link Verifier}). A receiver's own {@code Payload} never
     * writes, so its pattern stays where it is; not to be written to.
     */
    public MemorySegment pattern() {
        return pattern;
    }

    /** The CRC32C of the payload's middle, as the header's checksum holds it ({@link Verify#FULL}; 0 otherwise). */
    public int payloadCrc() {
        return payloadCrc;
    }

    /** Copies the payload to {@code at} and writes the header; returns the message length. */
    public int write(MemorySegment dst, long at, long seq, long timestamp) {
        long line = (dst.address() + at) & (CACHE_LINE - 1);
        if (line != shift) align(line); // once per destination buffer (a ring's slots all start alike)
        Memory.copy(pattern, copyFrom, dst, at + copyFrom, copyLength);
        MessageHeader.writeSeals(dst, at, seq, writer, length);
        MessageHeader.write(dst, at, seq, writer, length, timestamp, payloadCrc);
        return length;
    }

    /**
     * Moves the pattern to start at cache-line offset {@code line}, the destination's: glibc's
     * {@code rep movsb} between buffers aligned alike writes whole lines (issue 12, session 5).
     */
    private void align(long line) {
        MemorySegment moved = room.asSlice(line, length);
        MemorySegment.copy(pattern, 0, moved, 0, length); // overlapping: copy handles it as memmove
        pattern = moved;
        shift = line;
    }

    /** Rewrites only the header (a retried send gets a fresh timestamp). */
    public void restamp(MemorySegment dst, long at, long seq, long timestamp) {
        MessageHeader.writeSeals(dst, at, seq, writer, length);
        MessageHeader.write(dst, at, seq, writer, length, timestamp, payloadCrc);
    }
}

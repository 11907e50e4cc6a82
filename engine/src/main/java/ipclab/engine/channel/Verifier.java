package ipclab.engine.channel;

import ipclab.dsl.model.Verify;
import java.lang.foreign.MemorySegment;

/**
 * Checks a received message as its channel's {@code verify} says, in place and without
 * allocating. {@link Verify#FULL}: the CRC32C of the payload against the header's checksum
 * and the seals ({@link Crc#verify}). {@link Verify#ENDS}: the header's checksum against
 * {@link MessageHeader#mix} of its fields (the sender writes no CRC into it) and the seals at both
 * ends of the payload ({@link MessageHeader#sealed}), the per-message check of {@code bench/native/ipcbase.c}.
 * {@link Verify#NONE}: the length only. In every mode the length must be within
 * [{@link MessageHeader#BYTES}, maxLength], so that a receiver never reads past the message.
 */
public final class Verifier {
    private final Verify mode;
    private final Crc crc;

    /** A verifier for messages that arrive in {@code buffer} (the receive port's buffer or ring). */
    public Verifier(Verify mode, MemorySegment buffer) {
        this.mode = mode;
        this.crc = mode == Verify.FULL ? new Crc(buffer) : null;
    }

    public Verify mode() {
        return mode;
    }

    /** True when the message at {@code at} of {@code s} (the buffer given at construction) passes. */
    public boolean verify(MemorySegment s, long at, long maxLength) {
        return switch (mode) {
            case FULL -> crc.verify(s, at, maxLength);
            case ENDS -> ends(s, at, maxLength);
            case NONE -> {
                int length = MessageHeader.length(s, at);
                yield length >= MessageHeader.BYTES && length <= maxLength;
            }
        };
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

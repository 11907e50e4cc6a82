package ipclab.repl.app;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text a user hands ipclab (a Java scenario, a shell script) must be UTF-8: where it is not, the
 * first offending byte is named by line, column and offset, the way a YAML scenario's is, instead
 * of the decoder's "Input length = 1".
 */
public final class TextFiles {
    private TextFiles() {}

    /**
     * The first byte that is not UTF-8.
     *
     * @param line   from 1
     * @param column from 1, in bytes
     * @param offset from 0
     * @param value  the byte, 0-255
     */
    public record NotUtf8(int line, int column, int offset, int value) {
        /** {@code byte 0xe9 at offset 95 is not UTF-8}. */
        public String describe() {
            return "byte 0x%02x at offset %d is not UTF-8".formatted(value, offset);
        }
    }

    /** The first byte of {@code bytes} that is not UTF-8, or null when all of them are. */
    public static NotUtf8 firstNotUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = d.decode(in, CharBuffer.allocate(bytes.length), true);
        if (!r.isError()) return null;
        int at = in.position(), line = 1, lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new NotUtf8(line, at - lineStart + 1, at, bytes[at] & 0xff);
    }
}

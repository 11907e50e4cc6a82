package ipclab.repl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StyleTest {
    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(Style.forOutput(true, null, StandardCharsets.UTF_8).color());
        assertTrue(Style.forOutput(true, "", StandardCharsets.UTF_8).color(), "NO_COLOR set but empty does not count");
        assertFalse(Style.forOutput(true, "1", StandardCharsets.UTF_8).color());
        assertFalse(Style.forOutput(false, null, StandardCharsets.UTF_8).color(), "a pipe or a file gets no colour");
    }

    @Test
    void marksFallBackToAsciiWhereTheCharsetLacksThem() {
        Style ascii = Style.forOutput(false, null, StandardCharsets.US_ASCII);
        assertEquals("ok", ascii.pass());
        assertEquals("FAIL", ascii.fail());
        Style utf8 = Style.forOutput(false, null, StandardCharsets.UTF_8);
        assertEquals("\u2713", utf8.pass());
        assertEquals("\u2717", utf8.fail());
        assertEquals("x", utf8.paint(Style.Tone.BAD, "x"), "no colour, no escapes");
    }
}

package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress of a sweep, on a clock the test turns by hand. */
class ProgressPrinterTest {
    private final AtomicLong now = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private ProgressPrinter printer(ProgressPrinter.Mode mode) {
        return new ProgressPrinter(new PrintWriter(text, true), mode, false, now::get);
    }

    @Test
    void onATerminalOneBarIsRedrawnWithElapsedTimeAndAnEstimate() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.BAR);
        p.runStarting(1, 4, Map.of("channels.link.type", "msgq"));
        now.set(10_000_000_000L);
        p.runStarting(2, 4, Map.of("channels.link.type", "pipe"));
        now.set(40_000_000_000L);
        p.finished(4);
        assertEquals(
                "\r\u001b[2K[........................] 1/4  0s  channels.link.type=msgq"
                        + "\r\u001b[2K[######..................] 2/4  10s, about 30s left  channels.link.type=pipe"
                        + "\r\u001b[2K[########################] 4/4  40s\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void withoutATerminalPlainLinesAndWithQuietNothing() {
        ProgressPrinter p = printer(ProgressPrinter.Mode.LINES);
        p.runStarting(1, 2, Map.of("processes.w.size", "64"));
        p.runStarting(2, 2, Map.of("processes.w.size", "1KiB"));
        p.finished(2);
        assertEquals(
                "run 1/2: processes.w.size=64\nrun 2/2: processes.w.size=1KiB\n",
                text.toString().replace(System.lineSeparator(), "\n"));
        StringWriter quiet = new StringWriter();
        ProgressPrinter q =
                new ProgressPrinter(new PrintWriter(quiet, true), ProgressPrinter.Mode.QUIET, false, now::get);
        q.runStarting(1, 2, Map.of());
        q.finished(2);
        assertEquals("", quiet.toString());
    }

    @Test
    void theEstimateAssumesTheRunsLeftTakeAsLongAsThoseDone() {
        assertEquals("0s", ProgressPrinter.timing(0, 10, 0));
        assertEquals("1m30s, about 1m30s left", ProgressPrinter.timing(5, 10, 90_000_000_000L));
    }
}

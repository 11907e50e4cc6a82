package ipclab.repl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.repl.report.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTableTest {
    /** A line with the sample's column widths: its longest claim (63), verdict (21) and summary (87). */
    private static String line(String mark, String claim, String verdict, String summary, String figure) {
        return String.format("%-1s  %-63s  %-21s  %-87s  %s", mark, claim, verdict, summary, figure)
                .stripTrailing();
    }

    @Test
    void oneLinePerClaimWithTheFigureThatDecidesIt() {
        List<String> lines = VerdictTable.render(SampleComparison.build().verdicts(), new Style(false, true));
        assertEquals(8, lines.size());
        assertEquals(line("", "claim", "verdict", "on this machine", "deciding figure"), lines.get(0));
        assertEquals(
                line(
                        "~",
                        "shm-sem beats msgq in throughput",
                        "holds only in a range",
                        "holds only from 4KiB up",
                        "shm-sem is better above ≈ 1.31 KiB (between 1.10 KiB and 1.56 KiB), msgq below"),
                lines.get(2));
        assertEquals(
                line(
                        "✓",
                        "msgq.syscallsPerMessage == 2",
                        "confirmed",
                        "holds at 64B",
                        "64B: msgq.syscallsPerMessage = 2.00 (2.00–2.01)"),
                lines.get(3));
        assertEquals(
                line(
                        "✓",
                        "msgq beats shm-sem in latency up to 4KiB",
                        "confirmed",
                        "holds at every size from 64B to 4KiB",
                        "shm-sem is better above ≈ 4.90 KiB (between 3.79 KiB and 6.19 KiB), msgq below"),
                lines.get(5));
        assertEquals(
                line(
                        "?",
                        "unix beats msgq in throughput at 1KiB",
                        "inconclusive",
                        "noisy at 1KiB (spread over 10% of the median): no verdict drawn there",
                        "1KiB: unix 52 MiB/s (40–75, noisy) vs msgq 50 MiB/s (48.5–52)  (noisy: undecided)"),
                lines.get(7));
    }

    @Test
    void withoutUnicodeTheMarksAreWords() {
        List<String> lines = VerdictTable.render(SampleComparison.build().verdicts(), new Style(false, false));
        assertEquals("ok", lines.get(3).substring(0, 2));
    }
}

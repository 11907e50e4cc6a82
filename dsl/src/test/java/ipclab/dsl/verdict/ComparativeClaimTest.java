package ipclab.dsl.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.expect.Operator;
import org.junit.jupiter.api.Test;

class ComparativeClaimTest {
    @Test
    void beatsWithARange() throws Exception {
        String text = "shm-sem beats msgq in throughput from 16KiB up";
        assertEquals(
                new ComparativeClaim.Beats(text, "shm-sem", "msgq", Figure.THROUGHPUT, new SizeRange(16384L, null)),
                ComparativeClaim.parse(text));
    }

    @Test
    void everyRangeForm() throws Exception {
        assertEquals(
                SizeRange.ALL,
                ComparativeClaim.parse("msgq beats shm in latency").range());
        assertEquals(
                new SizeRange(null, 4096L),
                ComparativeClaim.parse("msgq beats shm in latency up to 4KiB").range());
        assertEquals(
                new SizeRange(1024L, 65536L),
                ComparativeClaim.parse("msgq beats shm in latency from 1KiB to 64KiB")
                        .range());
        assertEquals(
                new SizeRange(64L, 64L),
                ComparativeClaim.parse("msgq beats shm in latency at 64B").range());
        assertEquals("from 1KiB to 64KiB", new SizeRange(1024L, 65536L).toString());
        assertEquals("at 64B", new SizeRange(64L, 64L).toString());
    }

    @Test
    void boundsWithAndWithoutUnits() throws Exception {
        assertEquals(
                new ComparativeClaim.Bound(
                        "msgq.syscallsPerMessage == 2",
                        "msgq",
                        Figure.SYSCALLS_PER_MESSAGE,
                        Operator.EQ,
                        2,
                        SizeRange.ALL),
                ComparativeClaim.parse("msgq.syscallsPerMessage == 2"));
        assertEquals(
                20_000, ((ComparativeClaim.Bound) ComparativeClaim.parse("shm-spin.latency<20us up to 4KiB")).value());
        assertEquals(2048, ((ComparativeClaim.Bound) ComparativeClaim.parse("shm.throughput >= 2GiB/s")).value());
    }

    @Test
    void payback() throws Exception {
        assertEquals(
                new ComparativeClaim.Payback(
                        "shm setup pays for itself after 10000 messages", "shm", 10_000, null, SizeRange.ALL),
                ComparativeClaim.parse("shm setup pays for itself after 10000 messages"));
        assertEquals(
                new ComparativeClaim.Payback(
                        "shm setup pays for itself after 10k messages against msgq at 1MiB",
                        "shm",
                        10_000,
                        "msgq",
                        new SizeRange(1048576L, 1048576L)),
                ComparativeClaim.parse("shm setup pays for itself after 10k messages against msgq at 1MiB"));
    }

    @Test
    void errorsNameTheColumn() {
        error(
                "shm beats msgq in throughpt",
                19,
                "unknown figure 'throughpt'; figures are throughput, latency, syscallsPerMessage, setup, perMessage, lostUpdates, retriesPerMessage, lost, leaks; did you mean 'throughput'?");
        error("msgq.syscallsPerMessage = 2", 25, "'=' is not a comparison; write '=='");
        error("shm beats msgq in throughput from 16KiB", 40, "the claim ends too early; expected 'up' or 'to SIZE'");
        error("shm-sem beats msgq in throughput from 16KB up", 39, "'16KB' is not a size; write 64, 64B, 4KiB or 1MiB");
        error("shm.latency < 20MiB/s", 17, "unit 'MiB/s' does not fit latency; its units are ns, us, ms, s");
        error(
                "shm wins over msgq",
                5,
                "expected 'beats', 'setup pays for itself' or a figure such as 'shm.throughput', found 'wins'");
        error("shm beats shm in latency", 11, "a system cannot beat itself; name two different systems");
        error(
                "shm beats msgq in latency below 4KiB",
                27,
                "unexpected 'below'; a claim may end with a size range: 'from 16KiB up', 'up to 4KiB', 'from 1KiB to 64KiB' or 'at 64B'");
        error("shm beats msgq in latency from 64KiB to 4KiB", 41, "the range ends (4KiB) before it starts (64KiB)");
        error(
                "  ",
                1,
                "the claim is empty; write 'A beats B in FIGURE', 'A.FIGURE OP NUMBER' or 'A setup pays for itself after N messages'");
    }

    private static void error(String claim, int column, String message) {
        ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> ComparativeClaim.parse(claim));
        assertEquals(message, e.getMessage());
        assertEquals(column, e.column(), "column of: " + message);
    }
}

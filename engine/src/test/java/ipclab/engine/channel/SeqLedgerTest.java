package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ipclab.dsl.model.Role;
import ipclab.engine.protocol.ReceivedSeqs;
import ipclab.engine.protocol.WorkerReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeqLedgerTest {
    private static SeqLedger ledger(long messages) {
        return new SeqLedger(List.of(
                new ipclab.dsl.plan.PlannedProcess(
                        "w", "w", 1, 0, Role.WRITER, "c", messages, 0, 64, 0, 0, 0, 0, List.of()),
                ChannelAccountingTest.proc("r", 1, Role.READER)));
    }

    /** What the ledger tells the worker's report. */
    private static WorkerReport filled(SeqLedger l) {
        WorkerReport r = new WorkerReport();
        l.fill(r);
        return r;
    }

    @Test
    void millionsInOrderStayInTheWindowAndHashToTheFullSet() {
        long n = 3_000_000;
        SeqLedger l = ledger(Long.MAX_VALUE);
        for (long s = 0; s < n; s++) l.record(0, s);
        assertEquals(new ReceivedSeqs(n, 0, ReceivedSeqs.hashOfFirst(n)), l.of(0));
        assertEquals(n, l.received());
        assertEquals(0, filled(l).duplicatedLocally);
        assertEquals(0, filled(l).reordered);
    }

    @Test
    void aDuplicateWithinTheWindowIsCountedExactly() {
        SeqLedger l = ledger(100_000);
        for (long s = 0; s < 50_000; s++) l.record(0, s);
        l.record(0, 50_000 - SeqLedger.WINDOW / 2); // still in the window
        assertEquals(1, filled(l).duplicatedLocally);
        assertEquals(50_000, l.of(0).distinct());
        assertEquals(1, filled(l).reordered);
    }

    @Test
    void anArrivalBelowTheWindowIsOutOfWindowAndSaidSo() {
        SeqLedger l = ledger(100_000);
        l.record(0, 0);
        l.record(0, 2 * SeqLedger.WINDOW); // jumps: the window moves past 0 and the gap
        l.record(0, 1); // a late first arrival, or not: below the window, nobody here can say
        ReceivedSeqs s = l.of(0);
        assertEquals(2, s.distinct());
        assertEquals(1, s.outOfWindow());
        assertEquals(ReceivedSeqs.mix(0) + ReceivedSeqs.mix(1) + ReceivedSeqs.mix(2 * SeqLedger.WINDOW), s.hash());
        WorkerReport r = new WorkerReport();
        l.fill(r);
        assertEquals(1L, r.events.get("ledger-out-of-window"));
        assertEquals(s, r.receivedSeqs.get(0));
    }

    /**
     * A jump of less than a window slides it by the words it leaves and clears only those: what
     * was seen in the words it keeps is still a duplicate, what is below it is out of the window.
     */
    @Test
    void aShortJumpKeepsTheWordsStillInTheWindow() {
        SeqLedger l = ledger(100_000);
        for (long s = 0; s < 1000; s++) l.record(0, s);
        l.record(0, SeqLedger.WINDOW + 500); // the window's base moves to 512
        l.record(0, 600); // seen, still in the window: a duplicate
        l.record(0, 500); // below the window: out of it
        l.record(0, 1500); // never seen, in the window: a first arrival
        ReceivedSeqs s = l.of(0);
        assertEquals(1002, s.distinct());
        assertEquals(1, s.outOfWindow());
        assertEquals(1, filled(l).duplicatedLocally);
    }

    @Test
    void aSequenceOrWriterNotOfTheChannelIsCorrupted() {
        SeqLedger l = ledger(10);
        assertFalse(l.record(0, 10));
        assertFalse(l.record(1, 0)); // a reader's index
        assertFalse(l.record(7, 0));
        assertFalse(l.record(0, -1));
        assertEquals(4, filled(l).corrupted);
        assertEquals(0, l.received());
        WorkerReport r = new WorkerReport();
        l.fill(r);
        assertNull(r.receivedSeqs.get(1));
    }
}

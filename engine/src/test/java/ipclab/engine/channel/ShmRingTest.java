package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.engine.protocol.ReceivedSeqs;
import ipclab.engine.protocol.WorkerReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShmRingTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SEMAPHORE, SHARED", "SEMAPHORE, BROADCAST", "SPIN, SHARED", "SPIN, BROADCAST"})
    void twoWritersThreeReadersGetEveryMessage(Sync sync, Fanout fanout) throws Exception {
        everyMessageArrivesOnce(sync, fanout, 8, 3, 4000, 3000);
    }

    /**
     * One slot: a spinning ring must still tell "published, not yet read" from "read and free for the
     * next position", or the writer overwrites what the reader has not read (it never waits) and a
     * reader's release undoes a publish. Two writers and two readers make the writers race for the slot.
     * Few messages: four spinners on two busy CPUs hand one slot over slowly (broadcast: up to ~7 ms a
     * message); on the undoubled ring every spinning case hung within them.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SPIN, SHARED", "SPIN, BROADCAST", "ATOMIC, SHARED", "SEMAPHORE, SHARED", "SEMAPHORE, BROADCAST"})
    void aRingOfOneSlotLosesNothing(Sync sync, Fanout fanout) throws Exception {
        everyMessageArrivesOnce(sync, fanout, 1, 2, 100, 100);
    }

    /**
     * Two writers ({@code first} messages of 64 B, {@code second} of 200 B) and {@code readers}
     * readers on a ring of {@code slots} slots: each message arrives once (at every reader with
     * broadcast), intact and in its writer's order.
     */
    private static void everyMessageArrivesOnce(Sync sync, Fanout fanout, int slots, int readers, int first, int second)
            throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.shm("ring", sync, fanout, slots, 256))
                .add("w1", Role.WRITER, first, 64, 0)
                .add("w2", Role.WRITER, second, 200, 0);
        for (int r = 1; r <= readers; r++) lab.add("r" + r, Role.READER, 0, 64, 0);
        lab.run(60);
        ChannelTotals f = lab.figures;
        long sent = first + second;
        long copies = fanout == Fanout.BROADCAST ? readers : 1;
        assertEquals(sent, f.counts().sent());
        assertEquals(sent * copies, f.counts().received(), "received " + f);
        assertEquals(0, f.counts().lost());
        assertEquals(0, f.counts().duplicated());
        assertEquals(0, f.counts().corrupted());
        assertEquals(0, f.counts().reordered(), "each writer's messages arrive in order at each reader");
        if (fanout == Fanout.BROADCAST) {
            for (int r = 1; r <= readers; r++) assertEquals(sent, lab.report("r" + r).received, "r" + r);
        }
    }

    /**
     * A stream reader's latencies with {@code sample: 1}: one per measured message and nothing
     * else (its histogram starts with two primed extremes, taken out again at its close).
     */
    @Test
    void aReadersLatenciesAreItsMeasuredMessagesOnly() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.shm("lat", Sync.SPIN, Fanout.SHARED, 8, 256))
                .add("w", Role.WRITER, 3000, 200, 0)
                .add("r", Role.READER, 0, 200, 0)
                .run(60);
        WorkerReport r = lab.report("r");
        assertEquals(3000, r.received);
        assertEquals(3000, r.latency.getTotalCount());
        assertTrue(r.latency.getMinNonZeroValue() > 1, "min " + r.latency.getMinNonZeroValue());
        assertTrue(r.latency.getMaxValue() < 60_000_000_000L, "max " + r.latency.getMaxValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHARED", "BROADCAST"})
    void syncNoneCountsWhatItLosesAndTheLedgerAddsUp(Fanout fanout) throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.shm("racy", Sync.NONE, fanout, 4, 128))
                .add("w1", Role.WRITER, 20000, 64, 0)
                .add("w2", Role.WRITER, 20000, 64, 0)
                .add("r1", Role.READER, 0, 64, 0)
                .add("r2", Role.READER, 0, 64, 0)
                .run(60);
        ChannelTotals f = lab.figures;
        System.out.println("sync none " + fanout + ": sent=" + f.counts().sent() + " received="
                + f.counts().received() + " lost="
                + f.counts().lost() + " duplicated=" + f.counts().duplicated() + " corrupted="
                + f.counts().corrupted() + " reordered="
                + f.counts().reordered());
        assertTrue(f.lossExpected());
        assertTrue(f.ok());
        int copies = fanout == Fanout.BROADCAST ? 2 : 1;
        // allowed outcomes: any loss in [0, sent*copies]; the ledger adds up
        assertEquals(
                f.counts().sent() * copies,
                f.counts().received() - f.counts().duplicated() + f.counts().lost(),
                f.toString());
        // A damaged or duplicated message records no latency: each reader holds one per message its
        // ledger took (64 bytes each).
        for (WorkerReport r : lab.reports) {
            if (r.name.startsWith("r")) assertEquals(r.bytesReceived / 64, r.latency.getTotalCount(), r.name);
        }
        if (fanout == Fanout.BROADCAST) {
            for (WorkerReport r : lab.reports) {
                if (!r.name.startsWith("r")) continue;
                long distinct = 0;
                for (ReceivedSeqs s : r.receivedSeqs.values()) distinct += s.distinct() + s.outOfWindow();
                assertEquals(distinct, r.received - r.duplicatedLocally);
            }
        }
    }
}

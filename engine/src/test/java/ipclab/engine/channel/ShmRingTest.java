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
        ChannelLab lab = new ChannelLab(ChannelLab.shm("ring", sync, fanout, 8, 256))
                .add("w1", Role.WRITER, 4000, 64, 0)
                .add("w2", Role.WRITER, 3000, 200, 0)
                .add("r1", Role.READER, 0, 64, 0)
                .add("r2", Role.READER, 0, 64, 0)
                .add("r3", Role.READER, 0, 64, 0)
                .run(60);
        ChannelTotals f = lab.figures;
        int copies = fanout == Fanout.BROADCAST ? 3 : 1;
        assertEquals(7000, f.counts().sent());
        assertEquals(7000L * copies, f.counts().received(), "received " + f);
        assertEquals(0, f.counts().lost());
        assertEquals(0, f.counts().duplicated());
        assertEquals(0, f.counts().corrupted());
        assertEquals(0, f.counts().reordered(), "each writer's messages arrive in order at each reader");
        if (fanout == Fanout.BROADCAST) {
            for (String r : new String[] {"r1", "r2", "r3"}) assertEquals(7000, lab.report(r).received, r);
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

package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.ReceivedSeqs;
import ipclab.engine.protocol.WorkerReport;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ChannelAccountingTest {
    static PlannedProcess proc(String name, int index, Role role) {
        return new PlannedProcess(name, name, 1, index, role, "c", 10, 0, 64, 0, 0, 0, 0, List.of());
    }

    static WorkerReport report(String name, long sent, long received, long... seqsOfWriter0) {
        WorkerReport r = new WorkerReport();
        r.name = name;
        r.sent = sent;
        r.received = received;
        if (seqsOfWriter0.length > 0) {
            long distinct = java.util.Arrays.stream(seqsOfWriter0).distinct().count();
            long hash = java.util.Arrays.stream(seqsOfWriter0)
                    .distinct()
                    .map(ReceivedSeqs::mix)
                    .sum();
            r.receivedSeqs.put(0, new ReceivedSeqs(distinct, 0, hash));
        }
        return r;
    }

    @Test
    void sharedReadersAddUpTheirSummariesForLossAndDuplicates() {
        PlannedChannel ch = ChannelLab.shm("c", Sync.SEMAPHORE, Fanout.SHARED, 4, 128);
        List<PlannedProcess> procs =
                List.of(proc("w", 0, Role.WRITER), proc("r1", 1, Role.READER), proc("r2", 2, Role.READER));
        WorkerReport w = report("w", 10, 0);
        w.firstOpNanos = 1_000_000_000L;
        w.syscalls.put("semop", 20L);
        WorkerReport r1 = report("r1", 0, 5, 0, 1, 2, 3, 4);
        WorkerReport r2 = report("r2", 0, 4, 4, 5, 6, 7); // 4 also read by r1: a duplicate; 8 and 9 lost
        r2.lastOpNanos = 2_000_000_000L;
        r2.bytesReceived = 1024 * 1024;
        r1.syscalls.put("semop", 10L);
        r2.latency = new Histogram(3_600_000_000_000L, 3);
        r2.latency.recordValue(1000);
        ChannelTotals f = ChannelAccounting.merge(ch, procs, List.of(w, r1, r2));
        assertEquals(10, f.counts().sent());
        assertEquals(9, f.counts().received());
        // 8 and 9 lost, 4 twice: shared readers' sums show 9 distinct of 10, the least loss that explains them
        assertEquals(1, f.counts().lost());
        assertEquals(0, f.counts().duplicated());
        assertEquals(
                f.counts().sent(),
                f.counts().received() - f.counts().duplicated() + f.counts().lost());
        assertEquals(1_000_000_000L, f.windowNanos());
        assertEquals(9.0, f.msgsPerSec(), 1e-9);
        assertEquals(1.0, f.mibPerSec(), 1e-9);
        assertEquals(3.0, f.syscallsPerMessage(), 1e-9);
        assertEquals(1000, f.p50(), 1);
        assertFalse(f.ok());
        assertFalse(f.lossExpected());
    }

    @Test
    void sharedReadersThatSplitEveryMessageOnceProveNoneLostNoneDuplicated() {
        ChannelTotals f = twoReadersOfTen(new long[] {0, 2, 4, 6, 8}, new long[] {1, 3, 5, 7, 9});
        assertEquals(0, f.counts().lost());
        assertEquals(0, f.counts().duplicated());
        assertTrue(f.ok());
    }

    @Test
    void sameCountOtherMessagesIsOneLostAndOneDuplicatedAtLeast() {
        // 4 arrived at both readers, 9 at none: ten deliveries, as many as sent
        ChannelTotals f = twoReadersOfTen(new long[] {0, 2, 4, 6, 8}, new long[] {1, 3, 4, 5, 7});
        assertEquals(1, f.counts().lost());
        assertEquals(1, f.counts().duplicated());
        assertEquals(
                f.counts().sent(),
                f.counts().received() - f.counts().duplicated() + f.counts().lost());
        assertFalse(f.ok());
    }

    /** A writer that sent ten messages on a queue, and what its two readers got of them. */
    private static ChannelTotals twoReadersOfTen(long[] r1, long[] r2) {
        PlannedChannel ch = ChannelLab.msgq("c", ipclab.dsl.model.QueueMode.BLOCKING, 0);
        List<PlannedProcess> procs =
                List.of(proc("w", 0, Role.WRITER), proc("r1", 1, Role.READER), proc("r2", 2, Role.READER));
        return ChannelAccounting.merge(
                ch, procs, List.of(report("w", 10, 0), report("r1", 0, r1.length, r1), report("r2", 0, r2.length, r2)));
    }

    @Test
    void lateArrivalsBelowTheWindowCountAsDuplicatesUnlessTheSumsSayTheyFilledGaps() {
        ChannelAccounting.Loss filled = ChannelAccounting.loss(3, new ReceivedSeqs(2, 1, ReceivedSeqs.hashOfFirst(3)));
        assertEquals(new ChannelAccounting.Loss(0, 0), filled);
        // 0 and 1 in the window, one late arrival that was 0 again: 2 is lost, the late one a duplicate
        ChannelAccounting.Loss again =
                ChannelAccounting.loss(3, new ReceivedSeqs(2, 1, ReceivedSeqs.mix(0) * 2 + ReceivedSeqs.mix(1)));
        assertEquals(new ChannelAccounting.Loss(1, 1), again);
    }

    @Test
    void broadcastCountsLossPerReader() {
        PlannedChannel ch = ChannelLab.shm("c", Sync.NONE, Fanout.BROADCAST, 4, 128);
        List<PlannedProcess> procs =
                List.of(proc("w", 0, Role.WRITER), proc("r1", 1, Role.READER), proc("r2", 2, Role.READER));
        WorkerReport r1 = report("r1", 0, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        WorkerReport r2 = report("r2", 0, 7, 0, 1, 2, 3, 4, 5);
        r2.duplicatedLocally = 1;
        ChannelTotals f = ChannelAccounting.merge(ch, procs, List.of(report("w", 10, 0), r1, r2));
        assertEquals(17, f.counts().received());
        assertEquals(4, f.counts().lost());
        assertEquals(1, f.counts().duplicated());
        assertEquals(
                2 * f.counts().sent(),
                f.counts().received() - f.counts().duplicated() + f.counts().lost());
        assertTrue(f.lossExpected());
        assertTrue(f.ok());
    }

    @Test
    void counterFigures() {
        WorkerReport a = new WorkerReport(), b = new WorkerReport();
        a.increments = 1000;
        b.increments = 1000;
        CounterFigures c =
                ChannelAccounting.counter(ChannelLab.shm("n", Sync.NONE, Fanout.SHARED, 1, 64), 1234, List.of(a, b));
        assertEquals(new CounterFigures("n", 1234, 2000, 766), c);
    }
}

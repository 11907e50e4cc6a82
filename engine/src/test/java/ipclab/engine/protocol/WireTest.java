package ipclab.engine.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The control protocol's lines survive the trip. */
class WireTest {
    @Test
    void specRoundTrips() {
        PlannedProcess w = new PlannedProcess(
                "producer-1",
                "producer",
                1,
                0,
                Role.WRITER,
                "jobs",
                Long.MAX_VALUE,
                5_000_000_000L,
                128,
                1000,
                -3,
                0,
                0,
                List.of());
        PlannedProcess r =
                new PlannedProcess("consumer", "consumer", 1, 1, Role.READER, "jobs", 0, 0, 128, 0, 0, 0, 0, List.of());
        PlannedChannel c = new PlannedChannel(
                "jobs",
                ChannelType.SHM,
                65536,
                16,
                4096,
                Sync.SPIN,
                Fanout.BROADCAST,
                QueueMode.NOWAIT,
                16384,
                SocketDomain.UDP,
                128,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
        for (ChannelHandle h : List.of(
                new ChannelHandle.ShmRing("jobs", 5, java.util.OptionalInt.of(6)),
                new ChannelHandle.ShmRing("jobs", 5, java.util.OptionalInt.empty()),
                new ChannelHandle.Msgq("jobs", 7, 8),
                new ChannelHandle.StreamSocket("jobs", new ChannelHandle.UnixPath("/tmp/x y\"z")),
                new ChannelHandle.DatagramSocket("jobs", new ChannelHandle.LoopbackPort(4242)),
                new ChannelHandle.Fifo("jobs", "/tmp/x y\"z"))) {
            WorkerSpec s = new WorkerSpec(w, c, h, List.of(w, r), -99, true);
            assertEquals(s, Wire.spec(Wire.parse(Wire.spec(s))));
        }
    }

    @Test
    void reportRoundTripsWithHistogramAndLedgers() {
        WorkerReport r = new WorkerReport();
        r.name = "consumer";
        r.received = 3;
        r.receivedSeqs.put(0, new ReceivedSeqs(3, 1, -42L));
        r.latency = new Histogram(3);
        r.latency.recordValue(1234);
        r.latency.recordValue(99_000);
        r.syscalls.put("msgrcv", 4L);
        r.setupNanos.put("shmat", 1000L);
        r.event("ENOMSG", 2);
        WorkerReport b = Wire.report(Wire.parse(Wire.report(r)));
        assertEquals(3, b.received);
        assertEquals(new ReceivedSeqs(3, 1, -42L), b.receivedSeqs.get(0));
        assertEquals(2, b.latency.getTotalCount());
        assertEquals(r.latency.getMaxValue(), b.latency.getMaxValue());
        assertEquals(4L, b.syscalls.get("msgrcv"));
        assertEquals(1000L, b.setupNanos.get("shmat"));
        assertEquals(2L, b.events.get("ENOMSG"));
    }

    @Test
    void aStepOutcomeRoundTripsWithOnlyTheFieldsThatApply() {
        StepOutcome o =
                new StepOutcome(StepOp.MSGRCV, "jobs", StepResult.OK, StepOutcome.NONE, 1, 7, 2, 64, StepOutcome.NONE);
        String line = Wire.stepped(o);
        assertEquals(
                "{\"type\":\"stepped\",\"op\":\"msgrcv\",\"channel\":\"jobs\",\"result\":\"ok\",\"writer\":1,"
                        + "\"seq\":7,\"mtype\":2,\"size\":64}",
                line);
        assertEquals(o, Wire.stepped(Wire.parse(line)));
        StepOutcome blocked = StepOutcome.of(StepOp.SLOT_CLAIM, "ring", StepResult.WOULD_BLOCK);
        assertEquals(blocked, Wire.stepped(Wire.parse(Wire.stepped(blocked))));
        assertEquals(
                "{\"type\":\"pending\",\"op\":\"slot-claim\",\"channel\":\"ring\"}",
                Wire.pending(StepOp.SLOT_CLAIM, "ring"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepOp.ofWire("cas"));
        assertEquals(
                "unknown step operation cas (expected one of [msgsnd, msgrcv, semop, slot-claim, slot-publish, slot-read,"
                        + " slot-release, cursor-load, cursor-store, send, recv, write, read, load, store, lock-cas, lock-release,"
                        + " atomic-add, end])",
                e.getMessage());
    }

    @Test
    void aBadLineSaysWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wire.parse("[1]"));
        assertEquals("not a JSON object: [1]", e.getMessage());
    }

    /** "ready" is written by hand (no Jackson before a worker is ready): it parses to what the supervisor reads. */
    @Test
    void theReadyLineIsJson() {
        String line = Wire.ready(123_456_789_012L);
        assertEquals("{\"type\":\"ready\",\"setupNs\":123456789012}", line);
        assertEquals("ready", Wire.str(Wire.parse(line), "type"));
        assertEquals(123_456_789_012L, Wire.num(Wire.parse(line), "setupNs"));
    }
}

package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PingEchoTest {
    static Stream<PlannedChannel> channels() {
        return Stream.of(
                ChannelLab.msgq("q", QueueMode.BLOCKING, 0),
                ChannelLab.pipe("p"),
                ChannelLab.socket("u", SocketDomain.UNIX),
                ChannelLab.socket("t", SocketDomain.TCP),
                ChannelLab.socket("d", SocketDomain.UNIX_DGRAM),
                ChannelLab.shm("s", Sync.SEMAPHORE, Fanout.SHARED, 8, 256),
                ChannelLab.shm("x", Sync.SPIN, Fanout.SHARED, 8, 256),
                // one slot a lane: the echo's claim of its next reply's slot, made before it waits for
                // the next message, waits until the pinger has taken the last reply (spin: only since
                // the ring's sequences are doubled, see RingDescriptor; OneSlotPingEchoLoopTest loops it)
                ChannelLab.shm("s1", Sync.SEMAPHORE, Fanout.SHARED, 2, 256),
                ChannelLab.shm("x1", Sync.SPIN, Fanout.SHARED, 2, 256));
    }

    @ParameterizedTest
    @MethodSource("channels")
    void pingerTimesWholeRoundTripsAfterWarmup(PlannedChannel ch) throws Exception {
        ChannelLab lab = new ChannelLab(ch)
                .addPinger("ping", 300, 50, 128)
                .add("echo", Role.ECHO, 0, 128, 0)
                .run(60);
        // one counting rule: the 50 warm-up round trips are checked but counted nowhere
        assertEquals(300, lab.report("ping").sent);
        assertEquals(300, lab.report("ping").received);
        assertEquals(300, lab.report("ping").latency.getTotalCount(), "warm-up round trips are not measured");
        assertEquals(300, lab.report("echo").received);
        assertEquals(300, lab.report("echo").sent);
        assertEquals(50L, lab.report("echo").events.get("warmup"));
        assertEquals(0, lab.figures.counts().lost());
        assertEquals(0, lab.figures.counts().corrupted());
    }
}

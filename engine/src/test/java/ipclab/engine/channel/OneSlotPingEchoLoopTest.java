package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PingEchoTest's one-slot cases, looped: with Vyukov's undoubled sequences a spinning lane of one
 * slot could not tell the pinger's publish of message p + 1 from the echo's release of message p,
 * and an echo that released after sending its reply (its early claim) wrote p + 1 over the publish
 * of p + 1, which then never arrived (2 of 3 runs hung within a few loops, a {@code yes} hog
 * beside them; issue 12, session 8). Long: {@value #LOOPS} runs of 300 round trips each.
 */
@Tag("long")
class OneSlotPingEchoLoopTest {
    static final int LOOPS = 200;

    @ParameterizedTest
    @EnumSource(
            value = Sync.class,
            names = {"SPIN", "SEMAPHORE"})
    void oneSlotRoundTripsNeverHang(Sync sync) throws Exception {
        for (int i = 0; i < LOOPS; i++) {
            ChannelLab lab;
            try {
                lab = new ChannelLab(ChannelLab.shm("one", sync, Fanout.SHARED, 2, 256))
                        .addPinger("ping", 300, 50, 128)
                        .add("echo", Role.ECHO, 0, 128, 0)
                        .run(60);
            } catch (AssertionError e) {
                throw new AssertionError("loop " + i + " of " + LOOPS + ": " + e.getMessage(), e);
            }
            assertEquals(300, lab.report("ping").received, "loop " + i);
            assertEquals(300, lab.report("echo").sent, "loop " + i);
            assertEquals(0, lab.figures.counts().lost(), "loop " + i);
            assertEquals(0, lab.figures.counts().corrupted(), "loop " + i);
        }
    }
}

package ipclab.engine.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.engine.channel.ChannelAccounting;
import ipclab.engine.channel.ChannelLab;
import ipclab.engine.channel.CounterFigures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncrementerTest {
    static final int N = 100_000;

    /**
     * Outcomes allowed (jcstress style), two incrementers of N each: with sync none the counter is in
     * [1, 2N] (lost updates = 2N - counter, usually > 0 on two cores); with semaphore, spin and atomic
     * it is exactly 2N.
     */
    @ParameterizedTest
    @EnumSource(Sync.class)
    void countsLostUpdatesOnlyWithoutSync(Sync sync) throws Exception {
        int n = sync == Sync.SEMAPHORE ? N / 10 : N;
        ChannelLab lab = new ChannelLab(ChannelLab.shm("counter", sync, Fanout.SHARED, 1, 64))
                .add("a", Role.INCREMENTER, n, 0, 0)
                .add("b", Role.INCREMENTER, n, 0, 0)
                .run(60);
        CounterFigures c = ChannelAccounting.counter(lab.channel, lab.counter, lab.reports);
        System.out.println("incrementers " + sync + ": " + c);
        assertEquals(2L * n, c.expected());
        assertEquals(c.expected() - c.finalValue(), c.lostUpdates());
        if (sync == Sync.NONE) {
            assertTrue(c.finalValue() >= 1 && c.finalValue() <= 2L * n, c.toString());
        } else {
            assertEquals(2L * n, c.finalValue(), c.toString());
            assertEquals(0, c.lostUpdates());
        }
    }
}

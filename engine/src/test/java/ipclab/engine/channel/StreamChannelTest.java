package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.engine.sys.Syscalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamChannelTest {
    @ParameterizedTest
    @EnumSource(SocketDomain.class)
    void everySocketKindCarriesEveryMessage(SocketDomain domain) throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.socket("sock", domain))
                .add("w", Role.WRITER, 3000, 256, 0)
                .add("r", Role.READER, 0, 256, 0)
                .run(60);
        ChannelTotals f = lab.figures;
        assertEquals(3000, f.counts().sent());
        assertEquals(0, f.counts().corrupted());
        assertEquals(0, f.counts().duplicated());
        if (domain == SocketDomain.UDP) {
            assertTrue(f.lossExpected());
            assertEquals(f.counts().sent(), f.counts().received() + f.counts().lost(), f.toString());
        } else {
            assertEquals(3000, f.counts().received(), f.toString());
            assertEquals(0, f.counts().lost());
            assertEquals(0, f.counts().reordered());
        }
    }

    @Test
    void datagramsFromTwoWritersEndWhenBothSentTheirMarker() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.socket("dg", SocketDomain.UNIX_DGRAM))
                .add("w1", Role.WRITER, 1000, 100, 0)
                .add("w2", Role.WRITER, 1500, 64, 0)
                .add("r", Role.READER, 0, 100, 0)
                .run(60);
        assertEquals(2500, lab.figures.counts().received());
        assertEquals(0, lab.figures.counts().lost());
    }

    @Test
    void fifoCarriesEveryMessage() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.pipe("fifo"))
                .add("w", Role.WRITER, 3000, 1000, 0)
                .add("r", Role.READER, 0, 1000, 0)
                .run(60);
        assertEquals(3000, lab.figures.counts().received());
        assertEquals(0, lab.figures.counts().lost());
        assertEquals(3000L * 1000, lab.figures.counts().bytes());
        assertTrue(lab.log.contains("-file"), "the FIFO and its directory are removed: " + lab.log);
    }

    /**
     * One send per message, as a C program makes, and at most one receive per message (the plan
     * fixes the size, so the reader receives whole messages; one that falls behind takes all that
     * wait with one call); the writer's 300 warm-up messages (10% of 3000) go first and are counted
     * as such, not as messages.
     */
    @ParameterizedTest
    @EnumSource(
            value = SocketDomain.class,
            names = {"UNIX", "TCP"})
    void aStreamMessageTakesAtMostOneCallEachSideAndTheWarmupIsApart(SocketDomain domain) throws Exception {
        long sends0 = Syscalls.count("sendto"), recvs0 = Syscalls.count("recvfrom");
        ChannelLab lab = new ChannelLab(ChannelLab.socket("sock", domain))
                .add("w", Role.WRITER, 3000, 4096, 0)
                .add("r", Role.READER, 0, 4096, 0)
                .run(60);
        assertEquals(3300, Syscalls.count("sendto") - sends0);
        long recvs = Syscalls.count("recvfrom") - recvs0;
        assertTrue(
                recvs >= 2 && recvs <= 3300 + 1, recvs + " recvs: at most one per message and one for the end of file");
        assertEquals(3000, lab.figures.counts().sent());
        assertEquals(3000, lab.figures.counts().received());
        assertEquals(3000L * 4096, lab.figures.counts().bytes());
        assertEquals(0, lab.figures.counts().lost());
        assertEquals(300L, lab.report("w").events.get("warmup"));
        assertEquals(300L, lab.report("r").events.get("warmup"));
        // (both roles run in this one JVM, so each one's warm-up marks see the other's calls too:
        // ScenarioRunsTest checks the warm-up calls of real worker processes)
        assertEquals(300L, lab.report("w").warmupSyscalls.get("sendto"));
    }

    @Test
    void aFifoMessageTakesOneReadWhenThePipeHoldsIt() throws Exception {
        long reads0 = Syscalls.count("read"), writes0 = Syscalls.count("write");
        ChannelLab lab = new ChannelLab(ChannelLab.pipe("fifo"))
                .add("w", Role.WRITER, 2000, 512, 0)
                .add("r", Role.READER, 0, 512, 0)
                .run(60);
        assertEquals(2200, Syscalls.count("write") - writes0);
        // 512 bytes divide the 64 KiB pipe buffer: no message is ever split, so one read each (+ end of file)
        assertEquals(2200 + 1, Syscalls.count("read") - reads0);
        assertEquals(2000, lab.figures.counts().received());
    }

    @Test
    void theWarmupIsThePlansWhenItSetsOne() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.socket("sock", SocketDomain.UNIX));
        lab.procs.add(new ipclab.dsl.plan.PlannedProcess(
                "w", "w", 1, 0, Role.WRITER, "sock", 500, 0, 64, 0, 0, 7, 0, java.util.List.of()));
        lab.add("r", Role.READER, 0, 64, 0).run(60);
        assertEquals(7L, lab.report("r").events.get("warmup"));
        assertEquals(500, lab.figures.counts().received());
        assertEquals(0, lab.figures.counts().lost());
    }

    /**
     * The default warm-up (a negative plan count: at least that many, then until the JIT compiler
     * is quiet) never leaks into the measured figures: the measured messages are exactly the plan's,
     * the reader saw as many warm-up messages as the writer sent, and the report says how the
     * warm-up ended.
     */
    @Test
    void anOpenEndedWarmupIsCountedApartAndExplained() throws Exception {
        long sends0 = Syscalls.count("sendto");
        ChannelLab lab = new ChannelLab(ChannelLab.socket("sock", SocketDomain.UNIX));
        lab.procs.add(new ipclab.dsl.plan.PlannedProcess(
                "w", "w", 1, 0, Role.WRITER, "sock", 800, 0, 256, 0, 0, -100, 0, java.util.List.of()));
        lab.add("r", Role.READER, 0, 256, 0).run(60);
        long warmup = lab.report("w").events.get("warmup");
        assertTrue(warmup >= 100 && warmup <= 10 * 800 + 256, () -> "warm-up " + warmup);
        assertEquals(warmup, lab.report("r").events.get("warmup"));
        assertEquals(800 + warmup, Syscalls.count("sendto") - sends0);
        assertEquals(800, lab.figures.counts().sent());
        assertEquals(800, lab.figures.counts().received());
        assertEquals(800L * 256, lab.figures.counts().bytes());
        assertEquals(0, lab.figures.counts().lost());
        var events = lab.report("w").events;
        assertTrue(events.containsKey("warmup-ms"), () -> "" + events);
        assertTrue(events.containsKey("warmup-capped") ^ events.containsKey("warmup-quiet-ms"), () -> "" + events);
    }
}

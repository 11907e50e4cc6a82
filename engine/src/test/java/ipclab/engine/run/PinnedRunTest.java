package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.sys.CpuSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers pin themselves to the CPUs their scenario names before they report ready, and the
 * report says where each ran; a ring verified by its ends and a sampled queue still conserve every message.
 */
@Timeout(300)
class PinnedRunTest {
    @TempDir
    Path state;

    @Test
    void workersRunOnTheirCpusAndEqualWorkConserves() throws Exception {
        String last = Integer.toString(CpuSet.online().length() - 1); // 1 on a 2-CPU machine
        String yaml = """
                name: pinned
                channels:
                  q: {type: msgq, verify: ends, sample: 16}
                  ring: {type: shm, sync: spin, slots: 8, verify: none}
                processes:
                  w: {role: writer, channel: q, cpu: 0, messages: 3000, size: 512}
                  r: {role: reader, channel: q, cpus: [LAST]}
                  p: {role: pinger, channel: ring, messages: 500, size: 256}
                  e: {role: echo, channel: ring}
                """.replace("LAST", last);
        Plan plan = ScenarioLoader.fromYaml(yaml, "pinned.yaml").plans().getFirst();
        RunReport r = Engine.run(plan, RunOptions.defaults().with(set -> set.stateDir = state));
        assertTrue(r.leaks().isEmpty(), () -> "leaks: " + r.leaks());
        assertTrue(r.ok(), () -> "failed: " + r.failures());
        Map<String, RunReport.ProcessFigures> by =
                r.processes().stream().collect(Collectors.toMap(RunReport.ProcessFigures::name, Function.identity()));
        assertEquals("0", by.get("w").cpus());
        assertTrue(by.get("w").pinned());
        assertEquals(last, by.get("r").cpus());
        assertFalse(by.get("p").pinned());
        assertEquals(CpuSet.online().toString(), by.get("p").cpus(), "unpinned: the set it inherited");
        RunReport.ChannelFigures q = r.channels().stream()
                .filter(c -> c.name().equals("q"))
                .findFirst()
                .orElseThrow();
        assertEquals(3000, q.counts().received());
        assertEquals(0, q.counts().corrupted() + q.counts().lost());
        assertTrue(q.throughput().mibPerSec() > 0, "the window is timed with sampled clock reads");
        assertTrue(q.latencyNs().p50() > 0, "sampled latencies");
    }
}

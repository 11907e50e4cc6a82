package ipclab.dsl.plan;

import static ipclab.dsl.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.Limits;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.CpuList;
import ipclab.dsl.model.Verify;
import ipclab.dsl.yaml.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cpu}/{@code cpus} on processes and {@code verify}/{@code sample} on channels, from YAML to the plan. */
class PinningAndVerifyTest {
    static final String PINNED = """
            name: pinned
            channels:
              q: {type: msgq, verify: ends, sample: 64}
            processes:
              w: {role: writer, channel: q, cpu: 0}
              r: {role: reader, channel: q, cpus: [1, 0]}
              s: {role: reader, channel: q, cpus: "0-0"}
            """;

    @Test
    void pinsAndChecksReachThePlanAndRoundTrip() throws ScenarioException {
        var loaded = ScenarioLoader.fromYaml(PINNED, "pinned.yaml", Limits.DEFAULT);
        Plan p = loaded.plans().getFirst();
        assertEquals(List.of(0), p.processes().get(0).cpus());
        assertEquals(List.of(0, 1), p.processes().get(1).cpus(), "sorted");
        assertEquals(List.of(0), p.processes().get(2).cpus());
        assertEquals(Verify.ENDS, p.channel("q").verify());
        assertEquals(64, p.channel("q").sample());
        String yaml = ScenarioWriter.toYaml(loaded.scenario());
        assertTrue(yaml.contains("cpus: [0, 1]"), yaml);
        assertTrue(yaml.contains("verify: ends"), yaml);
        assertEquals(loaded.scenario(), ScenarioLoader.parse(yaml, "again.yaml"));
    }

    @Test
    void unpinnedAndFullByDefault() throws ScenarioException {
        Plan p = PlannerTest.only(scenario("d")
                .channel(msgq("q"))
                .process(writer("w").channel("q"))
                .process(reader("r").channel("q"))
                .build());
        assertTrue(p.processes().stream().noneMatch(PlannedProcess::pinned));
        assertEquals(Verify.FULL, p.channel("q").verify());
        assertEquals(1, p.channel("q").sample());
    }

    @Test
    void builderTakesTheSameKeys() throws ScenarioException {
        Plan p = PlannerTest.only(scenario("b")
                .channel(msgq("q").verify(Verify.NONE).sample(8))
                .process(writer("w").channel("q").cpu(0))
                .process(reader("r").channel("q").cpus(0))
                .build());
        assertEquals(List.of(0), p.processes().get(1).cpus());
        assertEquals(Verify.NONE, p.channel("q").verify());
    }

    @Test
    void badCpusAreExplainedWithTheirPlace() {
        String bad = PINNED.replace("cpu: 0}", "cpu: 8000}");
        String m = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromYaml(bad, "bad.yaml", Limits.DEFAULT))
                .getMessage();
        if (OnlineCpus.current().known()) {
            assertTrue(m.contains("bad.yaml:5:"), m);
            assertTrue(m.contains("cpu=8000: CPU 8000 is not online; this machine runs processes on CPUs "), m);
        }
        String both = PINNED.replace("cpu: 0}", "cpu: 0, cpus: [0]}");
        m = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromYaml(both, "both.yaml", Limits.DEFAULT))
                .getMessage();
        assertTrue(m.contains("give cpu (one CPU) or cpus (a list), not both"), m);
        String word = PINNED.replace("cpus: [1, 0]", "cpus: [1, x]");
        m = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromYaml(word, "word.yaml", Limits.DEFAULT))
                .getMessage();
        assertTrue(m.contains("word.yaml:6:") && m.contains("'x' is not a CPU number"), m);
        String down = PINNED.replace("\"0-0\"", "\"3-1\"");
        m = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromYaml(down, "down.yaml", Limits.DEFAULT))
                .getMessage();
        assertTrue(m.contains("the range 3-1 goes downwards"), m);
        String verify = PINNED.replace("verify: ends", "verify: crc");
        m = assertThrows(ScenarioException.class, () -> ScenarioLoader.fromYaml(verify, "v.yaml", Limits.DEFAULT))
                .getMessage();
        assertTrue(m.contains("v.yaml:3:") && m.contains("full") && m.contains("ends"), m);
    }

    @Test
    void onlineCpusAreReadInTheKernelsListFormat(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("online");
        Files.writeString(f, "0-2,5\n");
        OnlineCpus online = OnlineCpus.read(f);
        BitSet expected = new BitSet();
        expected.set(0, 3);
        expected.set(5);
        assertEquals(expected, online.cpus());
        assertEquals(-1, online.firstOffline(CpuList.of(0, 5)));
        assertEquals(3, online.firstOffline(CpuList.of(2, 3, 4)));
        assertEquals(-1, OnlineCpus.read(dir.resolve("absent")).firstOffline(CpuList.of(4000)), "unknown: not checked");
    }
}

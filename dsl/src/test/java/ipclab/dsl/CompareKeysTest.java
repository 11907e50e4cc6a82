package ipclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repeat:} and {@code compare:} in YAML, and a file of several scenarios (the parts of a comparison). */
class CompareKeysTest {
    private static final String PART = """
            name: %s
            repeat: %s
            channels:
              q: {type: msgq}
            processes:
              w: {role: writer, channel: q}
              r: {role: reader, channel: q}
            sweep:
              channels.q.type: [msgq, shm-spin]
            compare:
              - %s
            """;

    @Test
    void repeatAndCompareRoundTrip() throws ScenarioException {
        Scenario s = ScenarioLoader.fromYaml(
                        PART.formatted("a", 3, "shm-spin beats msgq in latency"), "a.yaml", Limits.DEFAULT)
                .scenario();
        assertEquals(3, s.repeats());
        assertEquals(List.of("shm-spin beats msgq in latency"), s.compare());
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "again.yaml"));
    }

    @Test
    void aClaimThatDoesNotParseAndARepeatOutOfRangeAreNamedAtTheirPlace() {
        ScenarioException e = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.fromYaml(
                        PART.formatted("a", 101, "msgq beats shm-spin in speed"), "a.yaml", Limits.DEFAULT));
        assertEquals("""
                a.yaml:2:9: repeat: repeat=101 must be from 1 to 100, e.g. 3
                a.yaml:11:5: compare[0]: unknown figure 'speed'; figures are throughput, latency, syscallsPerMessage, setup, perMessage, \
                lostUpdates, retriesPerMessage, lost, leaks (at column 24 of the claim)""", e.getMessage());
    }

    @Test
    void aFileOfSeveralDocumentsIsSeveralScenariosWithTheFilesLineNumbers(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("parts.yaml");
        Files.writeString(
                f,
                "# two parts\n---\n" + PART.formatted("one", 1, "msgq.syscallsPerMessage == 2") + "---\n"
                        + PART.formatted("two", 2, "msgq beats nobody in"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(f, Limits.DEFAULT));
        assertEquals(
                f + ":25:5: compare[0]: the claim ends too early; expected a figure ("
                        + ipclab.dsl.verdict.Figure.names() + ") (at column 21 of the claim)",
                e.getMessage());
        Files.writeString(
                f,
                "# two parts\n---\n" + PART.formatted("one", 1, "msgq.syscallsPerMessage == 2") + "---\n"
                        + PART.formatted("two", 2, "msgq beats shm-spin in throughput"));
        List<ScenarioLoader.Loaded> all = ScenarioLoader.loadAll(f, Limits.DEFAULT);
        assertEquals(
                List.of("one", "two"),
                all.stream().map(l -> l.scenario().name()).toList());
        assertEquals(2, all.get(1).scenario().repeats());
    }
}

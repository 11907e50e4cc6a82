package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.engine.protocol.MessageCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON shapes that are a contract: counters' "final", a sweep's {scenario, runs: [{params, ...}]}, exit codes. */
class ReportJsonTest {
    static RunReport report(Map<String, String> params, List<RunReport.Failure> failures, boolean claim) {
        return new RunReport(
                "race",
                7,
                failures.isEmpty() && claim,
                12,
                Figures.host(),
                List.of(),
                List.of(),
                Map.of("counter", new RunReport.Counter(39000, 40000, 1000)),
                List.of(),
                List.of(new RunReport.ExpectationResult("counter.lostUpdates == 0", claim, "counter.lostUpdates=1000")),
                failures,
                params,
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void aSweepIsScenarioAndRunsEachWithItsParams() throws Exception {
        String json = ReportJson.toJson(List.of(
                report(Map.of("channels.counter.sync", "none"), List.of(), true),
                report(Map.of("channels.counter.sync", "semaphore"), List.of(), true)));
        JsonNode t = new ObjectMapper().readTree(json);
        assertEquals("race", t.get("scenario").asText());
        assertEquals(2, t.get("runs").size());
        assertEquals(
                "semaphore",
                t.get("runs").get(1).get("params").get("channels.counter.sync").asText());
        JsonNode c = t.get("runs").get(0).get("counters").get("counter");
        assertEquals(39000, c.get("final").asLong());
        assertEquals(40000, c.get("expected").asLong());
        assertEquals(1000, c.get("lostUpdates").asLong());
        assertTrue(t.get("runs").get(0).get("trace") == null, "no trace key for a free run");
    }

    /** The counts shared with ChannelTotals are written unwrapped: the same keys, in the same order, as before. */
    @Test
    void aChannelsCountsAreKeysOfTheChannelAndReadBack() throws Exception {
        RunReport.ChannelFigures c = new RunReport.ChannelFigures(
                "jobs",
                "msgq",
                new MessageCounts(10, 9, 1, 0, 2, 3, 576),
                1500,
                new RunReport.Throughput(1000.5, 0.25),
                new RunReport.Latency(1, 2, 3, 4, 5),
                2.5,
                false,
                Map.of("msgget", 1500L),
                Map.of());
        ObjectMapper json = new ObjectMapper();
        String written = json.writeValueAsString(c);
        assertEquals(
                "{\"name\":\"jobs\",\"type\":\"msgq\",\"sent\":10,\"received\":9,\"lost\":1,\"duplicated\":0,"
                        + "\"corrupted\":2,\"reordered\":3,\"bytes\":576,\"setupNs\":1500,"
                        + "\"throughput\":{\"msgsPerSec\":1000.5,\"mibPerSec\":0.25},"
                        + "\"latencyNs\":{\"p50\":1,\"p90\":2,\"p99\":3,\"p999\":4,\"max\":5},"
                        + "\"syscallsPerMessage\":2.5,\"lossExpected\":false,\"setup\":{\"msgget\":1500},\"teardown\":{}}",
                written);
        assertEquals(c, json.readValue(written, RunReport.ChannelFigures.class));
    }

    @Test
    void exitCodes() {
        RunReport.Failure died =
                new RunReport.Failure(FailureKind.DIED, "w", "w (pid 1) was killed by SIGKILL", 5, List.of());
        assertEquals(Outcome.OK, report(Map.of(), List.of(), true).outcome());
        assertEquals(Outcome.REFUTED, report(Map.of(), List.of(), false).outcome());
        assertEquals(Outcome.FAILED, report(Map.of(), List.of(died), false).outcome());
        assertEquals(
                Outcome.FAILED,
                Outcome.worst(List.of(report(Map.of(), List.of(), false), report(Map.of(), List.of(died), true))));
        assertEquals(
                Outcome.REFUTED,
                Outcome.worst(List.of(report(Map.of(), List.of(), true), report(Map.of(), List.of(), false))));
    }
}

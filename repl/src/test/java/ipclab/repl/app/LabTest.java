package ipclab.repl.app;

import static ipclab.dsl.Scenarios.msgq;
import static ipclab.dsl.Scenarios.reader;
import static ipclab.dsl.Scenarios.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.model.Scenario;
import ipclab.engine.run.Outcome;
import ipclab.engine.run.RunEvent;
import ipclab.engine.run.RunReport;
import ipclab.repl.StateDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The application layer as the REPL will use it: a Scenario object or YAML text in, typed results out. */
@SuppressWarnings("try") // a StateDir works by being open
class LabTest {
    private final Lab lab = new Lab();

    @Test
    void aScenarioObjectLoadsRunsAndGivesTypedResults() throws Exception {
        Scenario s = Scenario.named("lab")
                .channel(msgq("q"))
                .process(writer("producer").channel("q").messages(50))
                .process(reader("consumer").channel("q"))
                .expect("consumer.received == producer.sent")
                .build();
        try (StateDir state = new StateDir()) {
            LoadedScenario loaded = lab.load(s, "snippet 1");
            assertEquals("snippet 1", loaded.label());
            assertEquals("2 processes, 1 channel", loaded.summary());
            List<String> events = new ArrayList<>();
            ScenarioResult r = lab.run(loaded, RunSettings.defaults().withProgress(new Progress() {
                @Override
                public void event(long atMs, String process, RunEvent what, String detail) {
                    synchronized (events) {
                        events.add(what.label());
                    }
                }
            }));
            assertEquals(Outcome.OK, r.outcome(), r.json());
            RunReport report = r.report();
            assertEquals(50, report.channels().getFirst().counts().received());
            assertTrue(r.kept().isEmpty());
            synchronized (events) {
                assertTrue(events.contains("spawned"), events.toString());
            }
            JsonNode json = new ObjectMapper().readTree(Lab.json(List.of(r)));
            assertEquals("lab", json.get("scenario").asText());
            assertEquals(50, json.get("channels").get(0).get("received").asLong());
        }
    }

    @Test
    void aSweepRunsEachCombinationAndSaysWhichIsNext() throws Exception {
        LoadedScenario loaded = lab.loadYaml("""
                name: lab-sweep
                channels:
                  q: {type: msgq}
                processes:
                  producer: {role: writer, channel: q, messages: 10}
                  consumer: {role: reader, channel: q}
                sweep:
                  processes.producer.size: [64, 128]
                expect:
                  - consumer.received == 11
                """, "lab-sweep.yaml");
        assertTrue(loaded.isSweep());
        try (StateDir state = new StateDir()) {
            List<String> starts = new ArrayList<>();
            ScenarioResult r = lab.run(loaded, RunSettings.defaults().withProgress(new Progress() {
                @Override
                public void runStarting(int index, int count, Map<String, String> params) {
                    starts.add(index + "/" + count + " " + params);
                }
            }));
            assertEquals(List.of("1/2 {processes.producer.size=64}", "2/2 {processes.producer.size=128}"), starts);
            assertEquals(2, r.runs().size());
            assertEquals(Outcome.REFUTED, r.outcome());
            JsonNode json = new ObjectMapper().readTree(r.json());
            assertEquals(2, json.get("runs").size());
        }
    }

    @Test
    void aSteppedRunIsTheCallersToDrive() throws Exception {
        LoadedScenario loaded = lab.loadYaml("""
                name: lab-step
                channels:
                  q: {type: msgq}
                processes:
                  producer: {role: writer, channel: q, messages: 5, warmup: 0}
                  consumer: {role: reader, channel: q}
                """, "lab-step.yaml");
        try (StateDir state = new StateDir()) {
            ipclab.engine.run.Run run = lab.startStepping(loaded, 0, RunSettings.defaults());
            try {
                assertEquals(loaded.plans().getFirst(), run.plan());
                assertEquals(
                        List.of("producer", "consumer"),
                        run.processes().stream().map(p -> p.name()).toList());
                run.runFree();
                RunReport report = run.await();
                assertEquals(Outcome.OK, Outcome.of(report), report.failures().toString());
                assertEquals(5, report.channels().getFirst().counts().received());
            } finally {
                if (!run.isDone()) run.stop();
            }
        }
    }

    @Test
    void anInvalidScenarioIsRefusedWithItsPlace() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> lab.loadYaml("""
                name: bad
                channels:
                  q: {type: msgq}
                processes:
                  w: {role: writter, channel: q}
                """, "bad.yaml"));
        assertTrue(
                e.diagnostics().getFirst().toString().startsWith("bad.yaml:5:"),
                e.diagnostics().toString());
    }

    @Test
    void aFileLoadsLikeTheCommandLineLoadsIt() throws Exception {
        List<LoadedScenario> all = lab.load(Path.of("../scenarios/hello.yaml"));
        assertEquals(1, all.size());
        assertEquals("../scenarios/hello.yaml", all.getFirst().label());
        assertEquals("hello", all.getFirst().scenario().name());
    }
}

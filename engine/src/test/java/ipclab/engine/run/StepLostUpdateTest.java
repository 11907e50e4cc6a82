package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Step mode with the real incrementer: load, load, store, store loses exactly one update, every time. */
@Timeout(120)
class StepLostUpdateTest {
    @TempDir
    Path state;

    static final String SCENARIO = """
            name: lost-update
            channels:
              counter:
                type: shm
                size: 4KiB
                sync: none
            processes:
              adder:
                role: incrementer
                channel: counter
                replicas: 2
                messages: 1
            """;

    @RepeatedTest(3)
    void loadLoadStoreStoreLosesExactlyOneUpdate() throws Exception {
        Plan plan =
                ScenarioLoader.fromYaml(SCENARIO, "lost-update.yaml").plans().getFirst();
        Run run = Engine.start(plan, RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.step = true;
        }));
        assertTrue(
                run.stepper().awaitSettled(Duration.ofSeconds(60)),
                () -> run.stepper().snapshot().toString());
        assertEquals(
                List.of("load", "load"),
                run.processes().stream().map(ProcessView::op).toList());

        assertEquals("store", run.grant("adder-1").op());
        assertEquals("store", run.grant("adder-2").op());
        run.grant("adder-1");
        ProcessView last = run.grant("adder-2");
        RunReport r = run.await();

        assertTrue(r.ok(), () -> "failures: " + r.failures());
        RunReport.Counter c = r.counters().get("counter");
        assertEquals(2, c.expected());
        assertEquals(1, c.finalValue());
        assertEquals(1, c.lostUpdates());
        assertEquals(
                List.of("adder-1:load", "adder-2:load", "adder-1:store", "adder-2:store"),
                run.trace().stream()
                        .map(t -> t.process() + ":" + t.op() + (t.channel().equals("counter") ? "" : "?"))
                        .toList());
        assertTrue(last.state() == ProcessState.EXITED || last.state() == ProcessState.RUNNING, last.toString());
    }

    @RepeatedTest(1)
    void storeBeforeTheOtherLoadLosesNothing() throws Exception {
        Plan plan =
                ScenarioLoader.fromYaml(SCENARIO, "lost-update.yaml").plans().getFirst();
        Run run = Engine.start(plan, RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.step = true;
        }));
        assertTrue(
                run.stepper().awaitSettled(Duration.ofSeconds(60)),
                () -> run.stepper().snapshot().toString());
        run.grant("adder-1");
        run.grant("adder-1");
        run.grant("adder-2");
        run.grant("adder-2");
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(new RunReport.Counter(2, 2, 0), r.counters().get("counter"));
    }
}

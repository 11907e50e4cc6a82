package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.engine.run.RunReport.ExpectationResult;
import ipclab.engine.run.RunReport.Failure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule for ok, refuted and failed, and that a sweep takes its worst run. */
class OutcomeTest {
    private static RunReport report(
            boolean ok, List<String> leaks, List<ExpectationResult> claims, List<Failure> failures) {
        return new RunReport(
                "s", 1, ok, 10, null, List.of(), List.of(), Map.of(), leaks, claims, failures, Map.of(), List.of(),
                List.of(), List.of());
    }

    private static final ExpectationResult HELD = new ExpectationResult("a == 1", true, "a=1");
    private static final ExpectationResult REFUTED = new ExpectationResult("a == 2", false, "a=1");
    private static final Failure DIED = new Failure(FailureKind.DIED, "w", "killed by SIGKILL", 5, List.of());

    @Test
    void eachCase() {
        assertEquals(Outcome.OK, Outcome.of(report(true, List.of(), List.of(HELD), List.of())));
        assertEquals(Outcome.REFUTED, Outcome.of(report(false, List.of(), List.of(HELD, REFUTED), List.of())));
        assertEquals(
                Outcome.FAILED,
                Outcome.of(report(false, List.of(), List.of(REFUTED), List.of(DIED))),
                "a failure beats a refuted claim");
        assertEquals(
                Outcome.FAILED,
                Outcome.of(report(true, List.of("shm id=3"), List.of(), List.of())),
                "a leak fails the run");
        assertEquals(
                Outcome.FAILED,
                Outcome.of(report(false, List.of(), List.of(), List.of())),
                "not ok without a reason still fails");
    }

    @Test
    void aSweepIsItsWorstRun() {
        RunReport ok = report(true, List.of(), List.of(HELD), List.of());
        RunReport refuted = report(false, List.of(), List.of(REFUTED), List.of());
        RunReport failed = report(false, List.of(), List.of(), List.of(DIED));
        assertEquals(Outcome.OK, Outcome.worst(List.of(ok, ok)));
        assertEquals(Outcome.REFUTED, Outcome.worst(List.of(ok, refuted)));
        assertEquals(Outcome.FAILED, Outcome.worst(List.of(refuted, failed, ok)));
    }
}

package ipclab.engine.run;

import ipclab.dsl.model.Names;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Expectation;
import ipclab.dsl.plan.PlannedChannel;
import java.util.List;
import java.util.Locale;

/**
 * Pass or fail. A run passes when nothing failed and every claim of the scenario held. Loss is
 * a failure only where it is not expected (not for sync none or UDP, not for an unsynchronised
 * counter) and only when nothing else failed first: a dead worker explains its missing messages.
 */
final class Verdict {
    private Verdict() {}

    /** A "loss" failure for a channel that lost, duplicated or corrupted messages it should not have; null if none. */
    static RunReport.Failure channelLoss(
            PlannedChannel c,
            RunReport.ChannelFigures f,
            boolean incrementers,
            List<RunReport.Failure> failuresSoFar,
            long atMs) {
        if (incrementers || f.lossExpected() || !failuresSoFar.isEmpty()) return null;
        if (f.counts().lost() == 0 && f.counts().duplicated() == 0 && f.counts().corrupted() == 0) return null;
        return new RunReport.Failure(
                FailureKind.LOSS,
                null,
                String.format(
                        Locale.ROOT,
                        "channel %s: %d lost, %d duplicated, %d corrupted of %d sent",
                        c.name(),
                        f.counts().lost(),
                        f.counts().duplicated(),
                        f.counts().corrupted(),
                        f.counts().sent()),
                atMs,
                List.of());
    }

    /** A "loss" failure for a synchronised counter that lost updates; null if none. */
    static RunReport.Failure counterLoss(
            PlannedChannel c, RunReport.Counter k, List<RunReport.Failure> failuresSoFar, long atMs) {
        if (k.lostUpdates() == 0 || c.sync() == Sync.NONE || !failuresSoFar.isEmpty()) return null;
        return new RunReport.Failure(
                FailureKind.LOSS,
                null,
                "counter " + c.name() + ": " + k.lostUpdates() + " lost updates with sync " + Names.yaml(c.sync()),
                atMs,
                List.of());
    }

    /** The scenario's claim checked against the figures. */
    static RunReport.ExpectationResult check(Expectation e, Expectation.Metrics metrics) {
        Expectation.Result r = e.evaluate(metrics);
        return new RunReport.ExpectationResult(e.text(), r.ok(), r.actual());
    }

    /** The run passed: no failure, every claim held. */
    static boolean ok(List<RunReport.Failure> failures, List<RunReport.ExpectationResult> claims) {
        return failures.isEmpty() && claims.stream().allMatch(RunReport.ExpectationResult::ok);
    }
}

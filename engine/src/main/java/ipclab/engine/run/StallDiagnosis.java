package ipclab.engine.run;

import ipclab.dsl.model.Role;
import java.util.List;
import java.util.Locale;

/**
 * Who is stuck where. While a free run goes, each running worker is sampled in /proc to see
 * since when it sits in the same IPC call; when the run passes its timeout, each worker still
 * there is reported as blocked in a call (and for how long, and whether its counterparts are
 * gone) or as merely still running.
 */
final class StallDiagnosis {
    /** How often running workers are sampled. */
    static final long SAMPLE_NANOS = 250_000_000L;

    /**
     * How long after "go" the first sample is taken. A sample reads /proc/PID/task/TID/syscall of
     * every thread of every worker; the first, still interpreted, took ~2.7 ms of the coordinator's
     * thread and then 1-3 ms of the supervisor's JIT compilers, on the pinned workers' CPUs (a
     * 2-CPU machine has no other). At 250 ms it fell into the measured window of a short run
     * (st-shm-spin-4096: warm-up ~250 ms, window ~25 ms) in half of the fast runs and took 4 ms of
     * the spinners' time (ftrace; issue 12, session 8). A run that ends sooner needs no diagnosis;
     * one stuck longer is still seen, and one stuck from the start is reported as stuck since "go"
     * ({@link #timedOut}).
     */
    static final long FIRST_SAMPLE_NANOS = 2_000_000_000L;

    private final RunState state;

    StallDiagnosis(RunState state) {
        this.state = state;
    }

    /** Tracks since when each running worker sits in the same IPC call. */
    void sample(long now) {
        for (Worker w : state.snapshot()) {
            String b;
            synchronized (state) {
                if (w.state != ProcessState.RUNNING) {
                    w.blockedIn = null;
                    continue;
                }
            }
            b = Proc.blockedIn(w.pid);
            synchronized (state) {
                if (b == null) w.blockedIn = null;
                else if (!b.equals(w.blockedIn)) {
                    w.blockedIn = b;
                    w.blockedSince = now;
                }
            }
        }
    }

    /** The run is past its timeout: say who is stuck where. Called holding the state's lock. */
    void timedOut(long now) {
        String limit = seconds(state.timeout().toNanos());
        for (Worker w : state.workers) {
            if (w.exited()) continue;
            String b = w.state == ProcessState.RUNNING ? Proc.blockedIn(w.pid) : null;
            String msg;
            if (b != null) {
                long since = b.equals(w.blockedIn) ? w.blockedSince : Math.max(state.goNanos, state.freeSinceNanos);
                msg = w.name() + " blocked in " + b + "(" + w.process.channel() + ") for " + seconds(now - since)
                        + peersGone(w);
                state.failures.add(new RunReport.Failure(FailureKind.BLOCKED, w.name(), msg, state.ms(now), List.of()));
            } else {
                msg = w.name() + " still "
                        + w.state.name().toLowerCase(Locale.ROOT).replace('_', '-') + " after the run's timeout of "
                        + limit + " (not blocked in an IPC call)";
                state.failures.add(new RunReport.Failure(FailureKind.TIMEOUT, w.name(), msg, state.ms(now), List.of()));
            }
            state.event(w.name(), RunEvent.BLOCKED, msg);
        }
    }

    /**
     * "; all writers exited" when w waits for messages whose every producer is gone (or the
     * reverse). Writers and pingers start the traffic, readers and echoes answer it: a pinger
     * also receives, but what it waits for is its echo, so the split is by who starts
     * ({@link Role#originates()}, {@link Role#consumes()}), not by {@link Role#sends()}.
     */
    private String peersGone(Worker w) {
        Role r = w.process.role();
        boolean receiver = r.consumes();
        boolean sender = r.originates();
        if (!receiver && !sender) return "";
        boolean any = false, allGone = true;
        for (Worker o : state.workers) {
            if (o == w || !o.process.channel().equals(w.process.channel())) continue;
            Role or = o.process.role();
            boolean counterpart = receiver ? or.originates() : or.consumes();
            if (!counterpart) continue;
            any = true;
            allGone &= o.exited();
        }
        if (!any || !allGone) return "";
        return receiver ? "; all writers exited" : "; all readers exited";
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s >= 10 ? String.format(Locale.ROOT, "%.0fs", s) : String.format(Locale.ROOT, "%.1fs", s);
    }
}

package ipclab.repl.app;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.EngineException;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.Explorer;
import ipclab.engine.schedule.ReplayScheduler;
import ipclab.engine.schedule.ScheduledRun;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.engine.trace.TraceFile;
import ipclab.engine.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a front end does with traces (issue 8), on behalf of its {@link Lab} ({@link Lab#traces()}):
 * {@link #record} runs freely or under a scheduler and keeps the trace ({@link #kept()} lists
 * them); {@link #read} and {@link #replay} check and replay one; {@link #explore} runs many
 * schedules and saves each failure shrunk; {@link #save} records what a front end stepped itself.
 */
public final class Traces {
    private final Lab lab;

    Traces(Lab lab) {
        this.lab = lab;
    }

    /**
     * Runs a scenario and keeps its trace among every run's ({@link #kept()}), and at
     * {@code recordTo} when given. Free: each sweep combination in turn, as {@link Lab#run}; stepped
     * ({@code schedule} random or pct): one run driven to its end by that scheduler.
     *
     * @throws IllegalArgumentException a stepped schedule for a sweep (a trace steps one run)
     * @throws IOException              the trace could not be written to {@code recordTo} (the run itself is over and
     *                                  clean); a trace that could not be kept among every run's is no error
     *                                  ({@link RecordedRun#notKept()} says why)
     */
    public RecordedRun record(LoadedScenario scenario, RunSettings settings, SchedulerSpec schedule, Path recordTo)
            throws InterruptedException, IOException {
        List<RunReport> reports;
        ScenarioResult result;
        List<StepEvent> steps = List.of();
        if (schedule.stepped()) {
            if (scenario.plans().size() > 1) { // a sweep narrowed to one combination (-p) steps fine
                throw new IllegalArgumentException(
                        "--schedule steps one run, and " + scenario.label() + " is a sweep of "
                                + scenario.plans().size()
                                + " runs; remove its sweep:, pick one combination with -p (e.g. -p channels.counter.sync=none),"
                                + " or run it without --schedule");
            }
            Plan plan = scenario.plans().getFirst();
            ScheduledRun.Result r = scheduled(plan, settings, schedule.create(Lab.expectedSteps(plan)));
            reports = List.of(r.report());
            steps = r.steps();
            result = new ScenarioResult(scenario, reports);
        } else {
            result = lab.run(scenario, settings); // with its notes, warnings and whether it was interrupted
            reports = result.runs();
        }
        Trace t = Recording.trace(scenario, schedule, steps, reports);
        Path kept = null;
        String notKept = null;
        try {
            kept = TraceStore.standard().save(t);
        } catch (IOException e) {
            notKept = "the trace could not be kept in " + dir() + ": " + e.getMessage();
        }
        if (recordTo != null) TraceFile.write(t, recordTo);
        return new RecordedRun(result, schedule, steps, kept, recordTo, notKept);
    }

    /** A stepped run under a scheduler, to its end; the settings' stop signal stops it. */
    private static ScheduledRun.Result scheduled(
            Plan plan, RunSettings settings, ipclab.engine.schedule.Scheduler scheduler) throws InterruptedException {
        StopSignal stop = settings.stop() == null ? new StopSignal() : settings.stop();
        try {
            return ScheduledRun.run(plan, Lab.options(settings), scheduler, stop::started);
        } finally {
            stop.ended();
        }
    }

    /** Records steps a front end made itself (the REPL's grants) as a trace, at {@code to} or among every run's when null. */
    public Path save(
            LoadedScenario scenario, SchedulerSpec schedule, List<StepEvent> steps, List<RunReport> reports, Path to)
            throws IOException {
        Trace t = Recording.trace(scenario, schedule, steps, reports);
        if (to == null) return TraceStore.standard().save(t);
        TraceFile.write(t, to);
        return to;
    }

    /** The trace of steps a front end made itself, as {@link #save} would write it (for drawing the run so far). */
    public Trace trace(
            LoadedScenario scenario, SchedulerSpec schedule, List<StepEvent> steps, List<RunReport> reports) {
        return Recording.trace(scenario, schedule, steps, reports);
    }

    /** Every kept trace, oldest first; {@link TraceStore#defaultDir()} says where. */
    public List<TraceStore.Entry> kept() throws IOException {
        return TraceStore.standard().list();
    }

    /** Where every run's trace is kept. */
    public Path dir() {
        return TraceStore.defaultDir();
    }

    /**
     * Reads and checks a trace: {@code file}, or the newest kept one when null.
     *
     * @throws TraceException none kept, unreadable, not a trace, another version, edited or cut short (one line each)
     */
    public Trace read(Path file) throws TraceException {
        if (file == null) {
            TraceStore.Entry latest;
            try {
                latest = TraceStore.standard().latest();
            } catch (IOException e) {
                throw new TraceException(
                        TraceException.Kind.UNREADABLE, "cannot list the traces in " + dir() + ": " + e.getMessage());
            }
            if (latest == null) {
                throw new TraceException(
                        TraceException.Kind.NONE_RECORDED,
                        "no trace is kept in " + dir()
                                + " yet: run a scenario first (ipclab run FILE), or name a trace");
            }
            file = latest.path();
        }
        return TraceFile.read(file, Version.ipclab());
    }

    /**
     * Replays a trace. Stepped: the same schedule, every outcome checked; the result says where it
     * first differs. Free: the same scenario and payloads, run again (its interleaving is the kernel's).
     *
     * @throws TraceException the trace's scenario cannot run on this machine (kernel limits, an object refused)
     */
    public ReplayResult replay(Trace trace, RunSettings settings) throws TraceException, InterruptedException {
        ScenarioLoader.Loaded loaded;
        try {
            loaded = ScenarioLoader.fromYaml(
                    trace.scenario().yaml(), trace.scenario().name() + ".yaml (in the trace)");
        } catch (ScenarioException e) {
            throw new TraceException(
                    TraceException.Kind.CANNOT_RUN,
                    "the trace's scenario cannot run on this machine: "
                            + e.diagnostics().getFirst());
        }
        try {
            if (trace.stepped()) {
                ScheduledRun.Result r = scheduled(
                        loaded.plans().getFirst(), settings, new ReplayScheduler(trace.steps(), trace.scheduler()));
                return new ReplayResult(trace, List.of(r.report()), r.steps(), r.divergence());
            }
            return new ReplayResult(
                    trace,
                    lab.run(LoadedScenario.of(trace.scenario().source(), loaded), settings)
                            .runs(),
                    List.of(),
                    null);
        } catch (EngineException e) {
            throw new TraceException(
                    TraceException.Kind.CANNOT_RUN,
                    "the trace's scenario cannot run on this machine: " + e.getMessage());
        }
    }

    /**
     * Runs the scenario under {@code explore.runs()} schedules; every failure is shrunk and its
     * trace saved (in {@code dir}, or among every run's when null) before the listener hears of it.
     */
    public Exploration explore(
            LoadedScenario scenario,
            Explorer.Settings explore,
            RunSettings settings,
            Path dir,
            Exploration.Listener listener)
            throws InterruptedException {
        if (scenario.plans().size() > 1) {
            throw new IllegalArgumentException("explore steps one run at a time, and " + scenario.label()
                    + " is a sweep of " + scenario.plans().size() + " runs; remove its sweep:");
        }
        TraceStore store = dir == null ? TraceStore.standard() : new TraceStore(dir, Integer.MAX_VALUE);
        Map<Integer, Path> saved = new HashMap<>();
        StopSignal stop = settings.stop() == null ? new StopSignal() : settings.stop();
        Explorer.Listener engineListener = new Explorer.Listener() {
            @Override
            public void started(Run run) {
                stop.started(run);
            }

            @Override
            public boolean stopped() {
                return stop.requested();
            }

            @Override
            public void ran(int run, ScheduledRun.Result r) {
                listener.ran(run, r);
            }

            @Override
            public void failed(Explorer.Failure f) {
                Path p = saved.get(f.sameAs());
                if (p == null) {
                    ScheduledRun.Result s = f.shrunk();
                    try {
                        p = store.save(Recording.trace(scenario, s.scheduler(), s.steps(), List.of(s.report())));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(
                                "cannot save the trace of run " + f.run() + ": " + e.getMessage(), e);
                    }
                }
                saved.put(f.run(), p);
                listener.failed(f, p);
            }
        };
        try {
            return new Exploration(
                    Explorer.explore(scenario.plans().getFirst(), Lab.options(settings), explore, engineListener),
                    saved);
        } finally {
            stop.ended();
        }
    }
}

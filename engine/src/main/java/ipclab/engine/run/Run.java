package ipclab.engine.run;

import ipclab.dsl.model.Role;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ChannelHandle;
import ipclab.engine.worker.StepOp;
import ipclab.engine.worker.StepOutcome;
import ipclab.engine.worker.Wire;
import ipclab.engine.worker.WorkerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a plan, from {@link Engine#start}: the supervisor's side of the workers.
 *
 * <pre>
 *   create objects (registry first) -> spawn workers -> spec to each -> all "ready"
 *   -> allAttached (shm IPC_RMID) -> "go" to all -> [step: grants] -> reports, exits
 *   -> figures -> remove objects -> leak check -> report
 * </pre>
 *
 * With {@link RunOptions#keep()}, "remove objects" only detaches and deletes files: the System V
 * objects stay, are listed in the report's {@code kept}, and the registry file stays marked kept.
 *
 * A free run ends by itself ({@link #await()}). A stepped run waits for {@link #grant} calls
 * until every worker has exited, or {@link #runFree()}, or {@link #stop()}. A worker that dies,
 * or a run past its timeout, stops the run: survivors get "stop", then are killed after the
 * grace period; the report names who died or blocked, how and when. All methods are thread-safe.
 */
public final class Run {
    private static final long SAMPLE_NANOS = 250_000_000L;

    private final Plan plan;
    private final RunOptions opts;
    private final ChannelKit kit;
    private final RunListener listener;
    private final long startNanos = System.nanoTime();
    private final Map<String, ChannelHandle> handles = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> setupNanos = new LinkedHashMap<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<TraceEntry> trace = new ArrayList<>();
    private final List<RunReport.Failure> failures = new ArrayList<>();
    private final CompletableFuture<RunReport> done = new CompletableFuture<>();
    /** Step mode's bookkeeping and API (enabled, blocked, outcomes); see {@link Stepper}. */
    private final Stepper stepper;
    private RunRecord record;
    private Thread hook;

    private long goNanos;
    private long endNanos;
    private boolean free;
    private long freeSinceNanos;
    private boolean stopping;
    private boolean cleaned;

    Run(Plan plan, RunOptions opts) {
        this.plan = plan;
        this.opts = opts;
        this.kit = opts.channels() != null ? opts.channels() : new RealChannels();
        this.listener = opts.listener() == null ? RunListener.NONE : opts.listener();
        this.free = !opts.step();
        Map<String, String> channels = new LinkedHashMap<>();
        for (PlannedProcess p : plan.processes()) channels.put(p.name(), p.channel());
        this.stepper = new Stepper(channels, this::sendGrant);
    }

    // ------------------------------------------------------------------ start

    void launch() {
        try {
            record = new RunRecord(opts.resolvedStateDir().resolve("runs"), plan.scenario().name());
            hook = new Thread(() -> abort("ipclab was interrupted (SIGINT/SIGTERM)"), "ipclab-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            for (PlannedChannel c : plan.channels()) {
                ChannelHandle h;
                try {
                    h = kit.create(c, plan, record);
                } catch (Exception e) {
                    throw new EngineException("cannot create channel " + c.name() + ": " + e.getMessage(), e);
                }
                synchronized (this) {
                    handles.put(c.name(), h);
                    setupNanos.put(c.name(), kit.setupNanos(h));
                }
            }
            WorkerCommand wc = WorkerCommand.forThisJvm(opts.resolvedStateDir());
            List<String> cmd = wc.command(opts.aot(), opts.agentFactory());
            for (PlannedProcess p : plan.processes()) spawn(p, cmd);
        } catch (RuntimeException e) {
            failLaunch(e);
            throw e instanceof EngineException ee ? ee : new EngineException("cannot start the run: " + e.getMessage(), e);
        }
        Thread t = new Thread(this::coordinate, "ipclab-run-" + plan.scenario().name());
        t.setDaemon(false);
        t.start();
    }

    private void spawn(PlannedProcess p, List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        Process proc;
        long t0 = System.nanoTime();
        try {
            proc = pb.start();
        } catch (java.io.IOException e) {
            throw new EngineException("cannot start a JVM for process " + p.name() + " (" + cmd.getFirst() + "): " + e.getMessage(), e);
        }
        Worker w = new Worker(p, proc, t0);
        synchronized (this) { workers.add(w); }
        record.worker(p.name(), w.pid);
        w.startReaders(this::onLine, this::onEnd);
        WorkerSpec spec = new WorkerSpec(p, plan.channel(p.channel()), handles.get(p.channel()), plan.processesOn(p.channel()),
                plan.seed(), opts.step());
        w.send(Wire.spec(spec));
        event(p.name(), "spawned", "pid " + w.pid);
    }

    private void failLaunch(RuntimeException cause) {
        synchronized (this) { stopping = true; }
        for (Worker w : snapshot()) w.proc.destroyForcibly();
        for (Worker w : snapshot()) {
            try { w.proc.waitFor(5, TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
        removeObjects(new ArrayList<>());
        if (record != null && record.objects().isEmpty()) record.delete();
        removeHook();
    }

    // ------------------------------------------------------------------ worker events

    private void onLine(Worker w, String line) {
        Map<String, Object> m;
        try {
            m = Wire.parse(line);
        } catch (IllegalArgumentException e) {
            w.logLine("supervisor: " + e.getMessage());
            return;
        }
        String type = String.valueOf(m.get("type"));
        synchronized (this) {
            switch (type) {
                case "ready" -> {
                    w.readyNanos = System.nanoTime();
                    w.workerSetupNanos = ((Number) m.getOrDefault("setupNs", 0L)).longValue();
                    if (w.state == ProcessState.STARTING) w.state = ProcessState.READY;
                }
                case "pending" -> {
                    w.op = String.valueOf(m.get("op"));
                    w.opChannel = String.valueOf(m.get("channel"));
                    w.state = ProcessState.WAITING_FOR_GRANT;
                }
                case "stepped" -> { }
                case "report" -> w.report = Wire.report(m);
                case "error" -> w.error = String.valueOf(m.get("message"));
                default -> w.logLine("supervisor: unknown message " + line);
            }
            notifyAll();
        }
        switch (type) {
            case "pending" -> stepper.pending(w.name(), StepOp.ofWire(String.valueOf(m.get("op"))), String.valueOf(m.get("channel")));
            case "stepped" -> {
                StepOutcome o = Wire.stepped(m);
                stepper.stepped(w.name(), o);
                event(w.name(), "stepped", o.toString());
            }
            default -> { }
        }
        switch (type) {
            case "ready" -> event(w.name(), "ready", String.format(Locale.ROOT, "%.0f ms after spawn", (w.readyNanos - w.spawnNanos) / 1e6));
            case "pending" -> event(w.name(), "pending", w.op + "(" + w.opChannel + ")");
            case "error" -> event(w.name(), "error", w.error);
            default -> { }
        }
    }

    /** Its stdout closed: wait for the exit status. */
    private void onEnd(Worker w) {
        int code;
        try {
            if (!w.proc.waitFor(opts.grace().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                w.logLine("supervisor: closed its stdout but did not exit; killed");
                w.proc.destroyForcibly();
                w.proc.waitFor();
            }
            code = w.proc.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // stderr may still be draining: give it a moment so the failure shows the last lines
        try { Thread.sleep(20); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        String failure = null;
        synchronized (this) {
            w.exitCode = code;
            w.exitNanos = System.nanoTime();
            w.state = ProcessState.EXITED;
            if (!stopping && (code != 0 || w.report == null)) {
                failure = describeDeath(w, code);
                failures.add(new RunReport.Failure("died", w.name(), failure, ms(w.exitNanos), w.log()));
            }
            notifyAll();
        }
        stepper.exited(w.name());
        event(w.name(), "exited", failure != null ? failure : "status " + code);
    }

    private String describeDeath(Worker w, int code) {
        String when = String.format(Locale.ROOT, "%d ms into the run", ms(w.exitNanos));
        String how;
        if (code > 128 && code < 128 + 65) how = "was killed by " + Signals.name(code - 128) + " (exit status " + code + ")";
        else if (code == 0) how = "exited without a report";
        else how = "exited with status " + code;
        String phase = w.readyNanos == 0 ? " before it was ready" : "";
        String err = w.error != null ? ": " + w.error : "";
        return w.name() + " (pid " + w.pid + ") " + how + phase + " " + when + err;
    }

    // ------------------------------------------------------------------ coordinator

    private void coordinate() {
        try {
            if (awaitReady()) {
                openBarrier();
                runUntilEnd();
            }
        } catch (Throwable t) {
            synchronized (this) {
                failures.add(new RunReport.Failure("engine", null, "internal error: " + t, ms(System.nanoTime()), List.of()));
            }
        }
        RunReport report;
        try {
            windDown();
            report = finish();
        } catch (Throwable t) {
            done.completeExceptionally(t);
            return;
        }
        done.complete(report);
    }

    private synchronized boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + opts.readyTimeout().toNanos();
        while (true) {
            if (!failures.isEmpty() || stopping) return false;
            boolean all = true;
            for (Worker w : workers) all &= w.state == ProcessState.READY;
            if (all) return true;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                for (Worker w : workers) if (w.state == ProcessState.STARTING) {
                    failures.add(new RunReport.Failure("timeout", w.name(), w.name() + " was not ready after "
                            + opts.readyTimeout().toSeconds() + "s (its JVM is still starting or attaching)", ms(System.nanoTime()), w.log()));
                }
                return false;
            }
            wait(Math.max(1, Math.min(100, left / 1_000_000)));
        }
    }

    private void openBarrier() throws Exception {
        for (ChannelHandle h : handlesSnapshot()) kit.allAttached(h);
        synchronized (this) {
            goNanos = System.nanoTime();
            if (free) freeSinceNanos = goNanos;
            for (Worker w : workers) if (w.state == ProcessState.READY) w.state = ProcessState.RUNNING;
        }
        for (Worker w : snapshot()) w.send(Wire.command("go"));
        event(null, "go", workers.size() + " workers released together");
    }

    private void runUntilEnd() throws Exception {
        long nextSample = System.nanoTime() + SAMPLE_NANOS;
        while (true) {
            synchronized (this) {
                if (!failures.isEmpty() || stopping) return;
                boolean all = true;
                for (Worker w : workers) all &= w.exited();
                if (all) return;
            }
            long now = System.nanoTime();
            // a stepped worker never sleeps in the kernel: only free runs are sampled
            if (free && now >= nextSample) { sampleBlocked(now); nextSample = now + SAMPLE_NANOS; }
            synchronized (this) {
                if (free && now - freeSinceNanos > timeout().toNanos()) {
                    timedOut(now);
                    return;
                }
                wait(50);
            }
        }
    }

    private Duration timeout() {
        if (opts.timeout() != null) return opts.timeout();
        return plan.timeout() != null ? plan.timeout() : Duration.ofMinutes(5);
    }

    /** Tracks since when each running worker sits in the same IPC call. */
    private void sampleBlocked(long now) {
        for (Worker w : snapshot()) {
            String b;
            synchronized (this) { if (w.state != ProcessState.RUNNING) { w.blockedIn = null; continue; } }
            b = Proc.blockedIn(w.pid);
            synchronized (this) {
                if (b == null) w.blockedIn = null;
                else if (!b.equals(w.blockedIn)) { w.blockedIn = b; w.blockedSince = now; }
            }
        }
    }

    /** The run is past its timeout: say who is stuck where. Called holding the lock. */
    private void timedOut(long now) {
        String limit = seconds(timeout().toNanos());
        for (Worker w : workers) {
            if (w.exited()) continue;
            String b = w.state == ProcessState.RUNNING ? Proc.blockedIn(w.pid) : null;
            String msg;
            if (b != null) {
                long since = b.equals(w.blockedIn) ? w.blockedSince : Math.max(goNanos, freeSinceNanos);
                msg = w.name() + " blocked in " + b + "(" + w.process.channel() + ") for " + seconds(now - since) + peersGone(w);
                failures.add(new RunReport.Failure("blocked", w.name(), msg, ms(now), List.of()));
            } else {
                msg = w.name() + " still " + w.state.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " after the run's timeout of " + limit + " (not blocked in an IPC call)";
                failures.add(new RunReport.Failure("timeout", w.name(), msg, ms(now), List.of()));
            }
            event(w.name(), "blocked", msg);
        }
    }

    private String peersGone(Worker w) {
        Role r = w.process.role();
        boolean receiver = r == Role.READER || r == Role.ECHO;
        boolean sender = r == Role.WRITER || r == Role.PINGER;
        if (!receiver && !sender) return "";
        boolean any = false, allGone = true;
        for (Worker o : workers) {
            if (o == w || !o.process.channel().equals(w.process.channel())) continue;
            Role or = o.process.role();
            boolean counterpart = receiver ? (or == Role.WRITER || or == Role.PINGER) : (or == Role.READER || or == Role.ECHO);
            if (!counterpart) continue;
            any = true;
            allGone &= o.exited();
        }
        if (!any || !allGone) return "";
        return receiver ? "; all writers exited" : "; all readers exited";
    }

    /** Stops whoever still runs: "stop", then the grace period, then SIGKILL. */
    private void windDown() throws InterruptedException {
        List<Worker> alive = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            for (Worker w : workers) if (!w.exited()) alive.add(w);
        }
        stepper.end("the run is over; no more grants");
        if (!alive.isEmpty()) event(null, "stopping", alive.size() + " workers still running");
        for (Worker w : alive) { w.stopSent = true; w.send(Wire.command("stop")); }
        long deadline = System.nanoTime() + opts.grace().toNanos();
        for (Worker w : alive) {
            long left = deadline - System.nanoTime();
            if (left > 0) w.proc.waitFor(left, TimeUnit.NANOSECONDS);
            if (w.proc.isAlive()) {
                w.killed = true;
                w.proc.destroyForcibly();
            }
        }
        for (Worker w : alive) {
            w.proc.waitFor(10, TimeUnit.SECONDS);
        }
        // the stdout readers set EXITED; wait for them so exit codes are known
        synchronized (this) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until) {
                boolean all = true;
                for (Worker w : workers) all &= w.exited();
                if (all) break;
                wait(20);
            }
            endNanos = System.nanoTime();
        }
    }

    private RunReport finish() {
        List<ChannelHandle> hs = handlesSnapshot();
        Map<String, Long> counters = new LinkedHashMap<>();
        for (ChannelHandle h : hs) {
            try {
                Long v = kit.readCounter(h);
                if (v != null) counters.put(h.channel(), v);
            } catch (RuntimeException e) {
                synchronized (this) { failures.add(new RunReport.Failure("cleanup", null, "cannot read the counter of " + h.channel() + ": " + e.getMessage(), ms(System.nanoTime()), List.of())); }
            }
        }
        List<RunReport.Failure> cleanupFailures = new ArrayList<>();
        List<String> leaks = cleanUp(cleanupFailures, opts.keep());
        List<RunReport.Kept> kept = opts.keep() ? kept() : List.of();
        synchronized (this) {
            failures.addAll(cleanupFailures);
            if (leaks.isEmpty()) {
                if (kept.isEmpty()) record.delete();
                else record.markKept();
            }
            for (String l : leaks) failures.add(new RunReport.Failure("leak", null, "left behind: " + l, ms(System.nanoTime()), List.of()));
        }
        removeHook();
        RunReport r;
        synchronized (this) {
            r = Figures.report(plan, workers, setupNanos, counters, leaks, failures, trace, goNanos, endNanos, startNanos, kept);
        }
        event(null, "done", r.ok() ? "ok" : "failed");
        return r;
    }

    /** Removes every channel's objects; returns what is still there afterwards (leaks). Idempotent. */
    private List<String> removeObjects(List<RunReport.Failure> problems) {
        return cleanUp(problems, false);
    }

    /**
     * Removes every channel's objects, or with {@code keep} ({@link RunOptions#keep()}) only
     * detaches and deletes the files, leaving the System V objects; returns what should be gone
     * and is not (leaks). Idempotent: the first call does the work.
     */
    private List<String> cleanUp(List<RunReport.Failure> problems, boolean keep) {
        List<ChannelHandle> hs;
        synchronized (this) {
            if (cleaned) return List.of();
            cleaned = true;
            hs = new ArrayList<>(handles.values());
        }
        for (ChannelHandle h : hs) {
            try {
                if (keep) kit.release(h, record);
                else kit.remove(h, record);
            } catch (Exception e) {
                problems.add(new RunReport.Failure("cleanup", null, "cannot " + (keep ? "release" : "remove") + " channel "
                        + h.channel() + ": " + e.getMessage(), ms(System.nanoTime()), List.of()));
            }
        }
        if (record == null) return List.of();
        List<Registry.Entry> left = new ArrayList<>();
        for (Registry.Entry e : record.allObjects()) if (!keep || e.kind().equals("file")) left.add(e);
        return Leaks.of(left);
    }

    /** The System V objects the run made, in order; a segment no longer listed was marked IPC_RMID. */
    private List<RunReport.Kept> kept() {
        List<Registry.Entry> listed = record.objects();
        List<RunReport.Kept> out = new ArrayList<>();
        for (Registry.Entry e : record.allObjects()) {
            if (e.kind().equals("file")) continue;
            out.add(new RunReport.Kept(e.kind(), e.id(), e.key(), e.kind().equals("shm") ? !listed.contains(e) : null));
        }
        return out;
    }

    /** Shutdown hook: the supervisor is going down; stop the workers and remove everything now. */
    void abort(String why) {
        synchronized (this) {
            if (done.isDone()) return;
            if (!stopping) failures.add(new RunReport.Failure("stopped", null, why, ms(System.nanoTime()), List.of()));
            // from here, workers that exit (Ctrl-C reaches the whole process group) are not "died"
            stopping = true;
            notifyAll();
        }
        try {
            done.get(opts.grace().toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            for (Worker w : snapshot()) w.proc.destroyForcibly();
            List<String> leaks = removeObjects(new ArrayList<>());
            if (leaks.isEmpty() && record != null) record.delete();
        }
    }

    private void removeHook() {
        Thread h = hook;
        if (h == null || Thread.currentThread() == h) return;
        try {
            Runtime.getRuntime().removeShutdownHook(h);
        } catch (IllegalStateException e) {
            // shutting down already
        }
    }

    // ------------------------------------------------------------------ public API

    /** The plan being run. */
    public Plan plan() { return plan; }

    /** Waits for the end of the run and returns its report. */
    public RunReport await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed inside the engine: " + e.getCause(), e.getCause());
        }
    }

    /** As {@link #await()}, or null after the given time. */
    public RunReport await(Duration max) throws InterruptedException {
        try {
            return done.get(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed inside the engine: " + e.getCause(), e.getCause());
        }
    }

    public boolean isDone() { return done.isDone(); }

    /** Every worker with its state; a running one is looked at in /proc to see if it is blocked in the kernel. */
    public List<ProcessView> processes() {
        List<ProcessView> out = new ArrayList<>();
        boolean stepping;
        synchronized (this) { stepping = !free; }
        StepSnapshot steps = stepping ? stepper.snapshot() : null;
        for (Worker w : snapshot()) {
            synchronized (this) {
                if (stepping || w.state != ProcessState.RUNNING) { out.add(stepView(w.view(false), steps)); continue; }
            }
            out.add(w.view(true));
        }
        return out;
    }

    /** Step mode: a worker at its gate whose last try would have blocked is shown BLOCKED (never probed in /proc). */
    private static ProcessView stepView(ProcessView v, StepSnapshot steps) {
        if (steps == null || v.state() != ProcessState.WAITING_FOR_GRANT) return v;
        StepProcess p = steps.process(v.name());
        if (p == null || p.status() != StepStatus.BLOCKED) return v;
        return new ProcessView(v.name(), v.role(), v.pid(), ProcessState.BLOCKED, v.op(), v.channel(), null, v.exitCode());
    }

    /** Step mode's API for schedulers: enabled processes, grants with typed outcomes, settling, snapshots. */
    public Stepper stepper() { return stepper; }

    /**
     * Step mode: lets process do the operation it announced and waits until it settles again
     * (announces its next operation, or exits); see {@link Stepper#grant(String)}, which also
     * returns the step's outcome.
     *
     * @return the process afterwards
     * @throws IllegalStateException if the process is not enabled (not at a gate, or blocked)
     * @throws IllegalArgumentException if there is no such process
     */
    public ProcessView grant(String process) throws InterruptedException {
        Worker w = find(process);
        String op, channel;
        synchronized (this) {
            if (done.isDone() || stopping) throw new IllegalStateException("the run is over; no more grants");
            op = w.op;
            channel = w.opChannel;
        }
        stepper.grant(process);
        synchronized (this) {
            trace.add(new TraceEntry(trace.size() + 1, process, op, channel, System.nanoTime() - goNanos));
        }
        return processView(w);
    }

    /** The {@link Stepper}'s link to a worker: marks it running and sends the grant. */
    private boolean sendGrant(String process) {
        Worker w = find(process);
        synchronized (this) {
            if (w.state != ProcessState.WAITING_FOR_GRANT) return false;
            w.state = ProcessState.RUNNING;
            w.op = null;
        }
        return w.send(Wire.command("grant"));
    }

    private ProcessView processView(Worker w) {
        synchronized (this) { return stepView(w.view(false), free ? null : stepper.snapshot()); }
    }

    /** Step mode: from now on no gating; the run's timeout starts counting now. */
    public void runFree() {
        List<Worker> ws;
        synchronized (this) {
            if (free) return;
            free = true;
            freeSinceNanos = System.nanoTime();
            for (Worker w : workers) if (w.state == ProcessState.WAITING_FOR_GRANT) { w.state = ProcessState.RUNNING; w.op = null; }
            ws = new ArrayList<>(workers);
            notifyAll();
        }
        stepper.end("the run went free; no more grants");
        for (Worker w : ws) if (!w.exited()) w.send(Wire.command("free"));
        event(null, "free", "running free");
    }

    /** Every grant so far, in order. */
    public synchronized List<TraceEntry> trace() { return List.copyOf(trace); }

    /** Stops the run (workers get "stop", then are killed after the grace period); the report says it was stopped. */
    public void stop() {
        synchronized (this) {
            if (done.isDone() || stopping) return;
            failures.add(new RunReport.Failure("stopped", null, "stopped before the end", ms(System.nanoTime()), List.of()));
            stopping = true;
            notifyAll();
        }
        stepper.end("the run is over; no more grants");
    }

    // ------------------------------------------------------------------ helpers

    private Worker find(String name) {
        for (Worker w : snapshot()) if (w.name().equals(name)) return w;
        List<String> names = new ArrayList<>();
        for (Worker w : snapshot()) names.add(w.name());
        throw new IllegalArgumentException("no process " + name + " in this run (processes: " + String.join(", ", names) + ")");
    }

    private synchronized List<Worker> snapshot() { return new ArrayList<>(workers); }

    private synchronized List<ChannelHandle> handlesSnapshot() { return new ArrayList<>(handles.values()); }

    private long ms(long nanos) { return (nanos - startNanos) / 1_000_000; }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s >= 10 ? String.format(Locale.ROOT, "%.0fs", s) : String.format(Locale.ROOT, "%.1fs", s);
    }

    private void event(String process, String what, String detail) {
        try {
            listener.event(ms(System.nanoTime()), process, what, detail);
        } catch (RuntimeException e) {
            // a listener must not break a run
        }
    }
}

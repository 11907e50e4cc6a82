package ipclab.engine.run;

import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedFault;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.Topology;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.Wire;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.worker.WorkerMain;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The run's worker JVMs: spawning one, or taking one from a {@link WorkerPool} (registered in the
 * run's record as soon as it has a pid, then sent its spec), what its lines on stdout mean to the
 * supervisor (ready, pending, report, error), and its end (exit status, or a pooled worker's
 * "done"; a worker that exits unasked, or without a report, died).
 */
final class WorkerProcesses {
    /**
     * Every worker is spawned from this one thread, which lives as long as the JVM: a worker's
     * PR_SET_PDEATHSIG fires when the thread that forked it exits, not the process, so a
     * short-lived caller's thread must not be that parent.
     */
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ipclab-spawner");
        t.setDaemon(true);
        return t;
    });

    private final RunState state;
    /** Where the JVMs come from and go back to; null: a fresh JVM for each process. */
    private final WorkerPool pool;

    WorkerProcesses(RunState state, WorkerPool pool) {
        this.state = state;
        this.pool = pool;
    }

    /** A new worker JVM, its readers started (its lines go nowhere until a run attaches it). */
    static WorkerJvm startJvm(List<String> cmd, String name, boolean pooled) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment()
                .put(
                        WorkerMain.SUPERVISOR_PID,
                        Long.toString(ProcessHandle.current().pid()));
        Process proc;
        try {
            proc = SPAWNER.submit(pb::start).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new EngineException(
                    "cannot start a JVM for process " + name + " (" + cmd.getFirst() + "): " + c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting process " + name, e);
        }
        WorkerJvm jvm = new WorkerJvm(proc, cmd, pooled);
        jvm.startReaders(name);
        return jvm;
    }

    /** Starts (or, with a pool, takes) the JVM of process {@code p}, registers it and sends it its spec. */
    void spawn(PlannedProcess p, List<String> cmd, ChannelHandle handle, RunRecord record) {
        long t0 = System.nanoTime();
        WorkerJvm jvm = pool == null ? startJvm(cmd, p.name(), false) : pool.take(cmd, p.name());
        Worker w = new Worker(p, jvm, t0);
        synchronized (state) {
            state.workers.add(w);
        }
        record.worker(p.name(), w.pid);
        w.attach(this::onLineChecked, this::protocolError, this::onDone, this::onEnd);
        WorkerSpec spec = new WorkerSpec(
                p,
                state.plan.channel(p.channel()),
                handle,
                state.plan.processesOn(p.channel()),
                state.plan.seed(),
                state.opts.step(),
                state.plan.faultsOf(p.name()));
        w.send(Wire.spec(spec));
        state.event(p.name(), RunEvent.SPAWNED, "pid " + w.pid);
    }

    /** A launch failed: kill whoever was spawned, and wait for them. */
    void killAll() {
        for (Worker w : state.snapshot()) w.proc.destroyForcibly();
        for (Worker w : state.snapshot()) {
            try {
                w.proc.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A line the protocol does not have (not JSON, an unknown type, a field of the wrong type,
     * too long) fails the run naming the worker and the line; it is not a death, and the reader
     * goes on reading (the worker's report or exit still counts).
     */
    private void onLineChecked(Worker w, String line) {
        try {
            onLine(w, line);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof ClassCastException || e instanceof NullPointerException)
                why = "a field has the wrong type (" + why + ")";
            protocolError(w, why + ": " + abbreviate(line));
        }
    }

    private void protocolError(Worker w, String what) {
        String msg = "protocol error from " + w.name() + " (pid " + w.pid + "): " + what;
        w.logLine("supervisor: " + msg);
        synchronized (state) {
            state.fail(FailureKind.PROTOCOL, w.name(), msg, w.log());
            state.notifyAll();
        }
        state.event(w.name(), RunEvent.ERROR, "protocol error: " + what);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private void onLine(Worker w, String line) {
        Map<String, Object> m = Wire.parse(line);
        String type = String.valueOf(m.get("type"));
        switch (type) {
            case "ready", "pending", "stepped", "report", "error", "fault" -> {}
            default -> throw new IllegalArgumentException("unknown message type '" + abbreviate(type) + "'");
        }
        // decode before taking the lock: a malformed line changes nothing
        long setupNs = type.equals("ready") ? Wire.num(m, "setupNs") : 0;
        ipclab.engine.protocol.WorkerReport report = type.equals("report") ? Wire.report(m) : null;
        StepOutcome stepped = type.equals("stepped") ? Wire.stepped(m) : null;
        StepOp pendingOp = type.equals("pending") ? StepOp.ofWire(Wire.str(m, "op")) : null;
        int faultIndex = type.equals("fault") ? (int) Wire.num(m, "index") : 0;
        long faultCount = type.equals("fault") ? Wire.num(m, "count") : 0;
        synchronized (state) {
            switch (type) {
                case "ready" -> {
                    w.readyNanos = System.nanoTime();
                    w.workerSetupNanos = setupNs;
                    if (w.state == ProcessState.STARTING) w.state = ProcessState.READY;
                }
                case "pending" -> {
                    w.op = String.valueOf(m.get("op"));
                    w.opChannel = String.valueOf(m.get("channel"));
                    w.state = ProcessState.WAITING_FOR_GRANT;
                }
                case "stepped" -> {}
                case "report" -> w.report = report;
                case "error" -> w.error = String.valueOf(m.get("message"));
                case "fault" -> selfFault(w, faultIndex, faultCount);
                default -> {}
            }
            state.notifyAll();
        }
        switch (type) {
            case "pending" -> state.stepper.pending(w.name(), pendingOp, String.valueOf(m.get("channel")));
            case "stepped" -> {
                StepOutcome o = stepped;
                state.stepper.stepped(w.name(), o);
                state.event(w.name(), RunEvent.STEPPED, o.toString());
            }
            default -> {}
        }
        switch (type) {
            case "ready" ->
                state.event(
                        w.name(),
                        RunEvent.READY,
                        String.format(Locale.ROOT, "%.0f ms after spawn", (w.readyNanos - w.spawnNanos) / 1e6));
            case "pending" -> state.event(w.name(), RunEvent.PENDING, w.op + "(" + w.opChannel + ")");
            case "error" -> state.event(w.name(), RunEvent.ERROR, w.error);
            default -> {}
        }
    }

    /**
     * A worker is about to kill or stop itself at a count of messages. A killed one sends no report:
     * its count stands in for one (what it sent, or received), so that the channel's figures hold it.
     * Call holding the lock.
     */
    private void selfFault(Worker w, int index, long count) {
        PlannedFault f = state.faults.selfInjected(w.name(), index, count, state.msSinceGo(System.nanoTime()));
        if (f == null || f.action() != FaultAction.KILL || w.report != null) return;
        WorkerReport r = new WorkerReport();
        r.name = w.name();
        r.role = Names.yaml(w.process.role());
        r.channel = w.process.channel();
        if (Topology.sender(w.process) || w.process.role() == Role.INCREMENTER) r.sent = count;
        else r.received = count;
        w.report = r;
    }

    /** Its stdout closed: wait for the exit status. */
    private void onEnd(Worker w) {
        int code;
        try {
            if (!w.proc.waitFor(state.opts.grace().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
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
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended(w, code, "status " + code);
    }

    /** A pooled worker said "done" after its report: its part of the run ended as an exit 0 would; its JVM goes back to the pool. */
    private void onDone(Worker w) {
        ended(w, 0, "status 0 (its JVM goes back to the pool)");
        pool.giveBack(w.jvm);
    }

    private void ended(Worker w, int code, String how) {
        String failure = null;
        synchronized (state) {
            w.exitCode = code;
            w.exitNanos = System.nanoTime();
            w.state = ProcessState.EXITED;
            String explained = code != 0 || w.report == null
                    ? state.faults.explains(w.name(), w.process.channel(), code, w.report != null, w.error)
                    : null;
            if (explained != null) {
                state.event(w.name(), RunEvent.FAULT, explained);
            } else if (!state.stopping && (code != 0 || w.report == null)) {
                failure = describeDeath(w, code);
                state.failures.add(
                        new RunReport.Failure(FailureKind.DIED, w.name(), failure, state.ms(w.exitNanos), w.log()));
            }
            state.notifyAll();
        }
        state.stepper.exited(w.name());
        state.event(w.name(), RunEvent.EXITED, failure != null ? failure : how);
    }

    private String describeDeath(Worker w, int code) {
        String when = String.format(Locale.ROOT, "%d ms into the run", state.ms(w.exitNanos));
        String how;
        if (code > 128 && code < 128 + 65)
            how = "was killed by " + Signals.name(code - 128) + " (exit status " + code + ")";
        else if (code == 0) how = "exited without a report";
        else how = "exited with status " + code;
        String phase = w.readyNanos == 0 ? " before it was ready" : "";
        String err = w.error != null ? ": " + w.error : "";
        return w.name() + " (pid " + w.pid + ") " + how + phase + " " + when + err;
    }
}

package ipclab.repl.shell;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.run.ProcessView;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.StepStatus;
import ipclab.engine.schedule.Scheduler;
import ipclab.engine.schedule.SchedulerSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run the shell is stepping (from {@code /start}): the engine's {@link Run} with what the
 * shell asks of it. Everything it says about processes comes from the engine's stepper and
 * {@code /proc}; everything about channels from the kernel objects ({@link Run#look}).
 */
final class SteppedRun {
    /** How long a start or a grant may take to settle on a loaded machine. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    /** Operations that move a message in (sent) or out (received) when they succeed. */
    private static final Set<StepOp> SENDS =
            EnumSet.of(StepOp.MSGSND, StepOp.SLOT_PUBLISH, StepOp.CURSOR_STORE, StepOp.SEND, StepOp.WRITE);

    private static final Set<StepOp> RECEIVES = EnumSet.of(StepOp.MSGRCV, StepOp.SLOT_READ, StepOp.RECV, StepOp.READ);
    private static final Set<StepOp> INCREMENTS = EnumSet.of(StepOp.STORE, StepOp.ATOMIC_ADD);

    final LabAdapter.Loaded loaded;
    final Run run;
    /** The process the last /step went to: a bare /step goes to it again while it is enabled. */
    String lastProcess;
    /** Set once every process has exited and the report is in; the run stays for /ps and /continue. */
    LabAdapter.Outcome ended;

    /**
     * The seeded scheduler of {@code /start --schedule}, or null: with one, a bare {@code /step} and
     * {@code /continue} grant whom it picks (a person may still name a process; it is told of every step).
     */
    final Scheduler scheduler;

    /** The scheduler's calls of {@code next}, each as the number of steps done then: what {@code /back} replays to rewind it. */
    final List<Integer> asked = new java.util.ArrayList<>();

    SteppedRun(LabAdapter.Loaded loaded, Run run, Scheduler scheduler) {
        this.loaded = loaded;
        this.run = run;
        this.scheduler = scheduler;
    }

    /** How a trace of this run names its schedule: the seeded scheduler's, else interactive (the person's grants). */
    SchedulerSpec spec() {
        return scheduler != null ? scheduler.spec() : new SchedulerSpec(SchedulerSpec.Strategy.INTERACTIVE, 0, 0);
    }

    StepSnapshot snapshot() {
        return run.stepper().snapshot();
    }

    boolean over() {
        return run.isDone() || snapshot().over();
    }

    /** Every process is exited: the run is ending by itself. */
    boolean allExited() {
        return snapshot().processes().stream().allMatch(p -> p.status() == StepStatus.EXITED);
    }

    /** The process a bare {@code /step} goes to: the last one stepped while it is enabled, else the first enabled; null if none. */
    String defaultProcess() throws InterruptedException {
        if (scheduler != null) {
            StepSnapshot now = snapshot();
            if (now.enabled().isEmpty()) return null;
            asked.add(now.steps());
            return scheduler.next(now);
        }
        List<String> enabled = snapshot().enabled();
        if (lastProcess != null && enabled.contains(lastProcess)) return lastProcess;
        return enabled.isEmpty() ? null : enabled.getFirst();
    }

    StepOutcome grant(String process) throws InterruptedException {
        lastProcess = process;
        int before = snapshot().steps();
        StepOutcome o = run.stepper().grant(process, SETTLE);
        if (scheduler != null) {
            List<StepEvent> all = run.stepper().events();
            for (int k = before; k < all.size(); k++) scheduler.stepped(all.get(k));
        }
        return o;
    }

    /** The step number the process last tried an operation that blocks, or 0. */
    int blockedSince(String process) {
        List<StepEvent> evs = run.stepper().events();
        for (int i = evs.size() - 1; i >= 0; i--) {
            StepEvent e = evs.get(i);
            if (!e.process().equals(process)) continue;
            return e.outcome().result().blocks() ? blockedStart(evs, i) : 0;
        }
        return 0;
    }

    /** The first of the run of blocking tries that ends at index {@code last}. */
    private static int blockedStart(List<StepEvent> evs, int last) {
        String p = evs.get(last).process();
        int first = last;
        for (int i = last - 1; i >= 0; i--) {
            StepEvent e = evs.get(i);
            if (!e.process().equals(p)) continue;
            if (!e.outcome().result().blocks()) break;
            first = i;
        }
        return evs.get(first).step();
    }

    /** A process's counters from its steps so far: {@code steps 4, sent 2, would-block 1}. */
    String counters(String process) {
        int steps = 0, sent = 0, received = 0, increments = 0, blocked = 0;
        for (StepEvent e : run.stepper().events()) {
            if (!e.process().equals(process)) continue;
            steps++;
            StepOutcome o = e.outcome();
            if (o.result().blocks()) blocked++;
            if (o.result() != StepResult.OK) continue;
            if (SENDS.contains(o.op())) sent++;
            if (RECEIVES.contains(o.op())) received++;
            if (INCREMENTS.contains(o.op())) increments++;
        }
        StringBuilder b = new StringBuilder("steps " + steps);
        if (sent > 0) b.append(", sent ").append(sent);
        if (received > 0) b.append(", received ").append(received);
        if (increments > 0) b.append(", increments ").append(increments);
        if (blocked > 0) b.append(", blocked tries ").append(blocked);
        return b.toString();
    }

    /** Where a process is, in words: {@code waiting to do msgsnd on q}, {@code blocked on msgrcv(q) since step 2}. */
    String state(StepProcess p, ProcessView v) {
        return switch (p.status()) {
            case ENABLED -> "waiting to do " + p.op() + " on " + p.channel();
            case BLOCKED ->
                "blocked on " + p.op() + "(" + p.channel() + ")" + since(p.name())
                        + (p.last() == null ? "" : ": " + p.last().result());
            case RUNNING -> "doing " + p.op() + " on " + p.channel();
            case STARTING -> "starting";
            case EXITED -> v != null && v.exitCode() != null ? "exited with code " + v.exitCode() : "exited";
        };
    }

    private String since(String process) {
        int k = blockedSince(process);
        return k > 0 ? " since step " + k : "";
    }

    /** The engine's view of each worker (pid, role, exit code), by name. */
    Map<String, ProcessView> views() {
        Map<String, ProcessView> m = new LinkedHashMap<>();
        for (ProcessView v : run.processes()) m.put(v.name(), v);
        return m;
    }

    /** The process with this pid, or null. */
    String nameOf(long pid) {
        for (ProcessView v : run.processes()) if (v.pid() == pid) return v.name();
        return null;
    }

    /**
     * Waits for the end of the run, stopping it if {@code interrupted} says so (Ctrl-C).
     *
     * @return the report
     */
    RunReport awaitEnd(java.util.function.BooleanSupplier interrupted) throws InterruptedException {
        boolean stopped = false;
        while (true) {
            RunReport r = run.await(Duration.ofMillis(200));
            if (r != null) return r;
            if (!stopped && interrupted.getAsBoolean()) {
                run.stop();
                stopped = true;
            }
        }
    }
}

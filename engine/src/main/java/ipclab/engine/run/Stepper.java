package ipclab.engine.run;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor's side of a stepped run: which process may move, what each step came to, and
 * the calls a scheduler drives a run with:
 *
 * <pre>{@code
 *   Stepper s = run.stepper();
 *   while (s.awaitSettled(Duration.ofSeconds(30))) {      // everyone at a gate, blocked or gone
 *       StepSnapshot now = s.snapshot();                    // atomic
 *       if (now.over() || now.enabled().isEmpty()) break;   // done, or deadlocked()
 *       StepOutcome o = s.grant(pick(now.enabled()));       // exactly one operation
 *   }
 * }</pre>
 *
 * <p>Workers never sleep in the kernel in step mode: an operation that would block is tried
 * without blocking and its outcome says so ({@link StepResult#blocks()}). The process is then
 * {@link StepStatus#BLOCKED} on that operation, and is enabled again once another process's
 * step on the same channel succeeds or changes something (any outcome that does not block), or
 * another process on that channel exits. That rule is coarse (a msgsnd of type 2 enables a reader
 * waiting for type 1, which then finds nothing and blocks again) but never leaves a process
 * blocked that could move, and it depends only on the schedule.
 *
 * <p>Grants are serialised: one grant at a time, and {@link #grant} returns only when the
 * granted process has settled, so only one process ever acts. Fed by {@link Run} (thin hooks:
 * {@link #pending}, {@link #stepped}, {@link #exited}, {@link #end}); thread-safe.
 */
public final class Stepper {
    /** How a grant reaches a worker; false when the worker is gone. */
    @FunctionalInterface
    interface Link {
        boolean grant(String process);
    }

    /** How long {@link #grant(String)} waits for the process to settle. */
    public static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    /** One process's state; its name is its key in {@link #entries}. */
    private static final class Entry {
        StepStatus status = StepStatus.STARTING;
        StepOp op;
        String channel;
        StepOp blockedOn;
        StepOutcome last;
        /** RUNNING: the granted step's outcome has arrived. */
        boolean reported;

        Entry(String channel) {
            this.channel = channel;
        }

        StepProcess view(String name) {
            return new StepProcess(name, status, op, channel, last);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<StepEvent> events = new ArrayList<>();
    private final Object grantLock = new Object();
    private final Link link;
    private String over;

    /** @param processes name to channel, in plan order */
    Stepper(Map<String, String> processes, Link link) {
        for (Map.Entry<String, String> p : processes.entrySet()) entries.put(p.getKey(), new Entry(p.getValue()));
        this.link = link;
    }

    // ------------------------------------------------------------------ hooks (from Run's worker threads)

    /** The worker announced its next operation and waits at its gate. */
    synchronized void pending(String process, StepOp op, String channel) {
        Entry e = entries.get(process);
        if (e == null || e.status == StepStatus.EXITED) return;
        e.op = op;
        e.channel = channel;
        if (e.blockedOn != op) e.blockedOn = null;
        e.status = e.blockedOn != null ? StepStatus.BLOCKED : StepStatus.ENABLED;
        notifyAll();
    }

    /** The worker reports the outcome of the step it was granted. */
    synchronized void stepped(String process, StepOutcome o) {
        Entry e = entries.get(process);
        if (e == null) return;
        e.last = o;
        e.reported = true;
        events.add(new StepEvent(events.size() + 1, process, o));
        if (o.result().blocks()) {
            e.blockedOn = o.op();
        } else {
            e.blockedOn = null;
            wake(e, o.channel());
        }
        notifyAll();
    }

    /** The worker is gone. A grant it did not report is recorded as {@link StepResult#ERROR}. */
    synchronized void exited(String process) {
        Entry e = entries.get(process);
        if (e == null || e.status == StepStatus.EXITED) return;
        if (e.status == StepStatus.RUNNING && !e.reported && e.op != null) {
            StepOutcome o = StepOutcome.of(e.op, e.channel, StepResult.ERROR);
            e.last = o;
            events.add(new StepEvent(events.size() + 1, process, o));
        }
        e.status = StepStatus.EXITED;
        e.op = null;
        e.blockedOn = null;
        wake(e, e.channel);
        notifyAll();
    }

    /** The run stops stepping (free, stopped, over): waiters return, grants are refused with {@code why}. */
    synchronized void end(String why) {
        if (over == null) over = why;
        notifyAll();
    }

    /** Enables every process blocked on {@code channel} other than {@code actor}. */
    private void wake(Entry actor, String channel) {
        for (Entry o : entries.values()) {
            if (o == actor || o.blockedOn == null || !channel.equals(o.channel)) continue;
            o.blockedOn = null;
            if (o.status == StepStatus.BLOCKED) o.status = StepStatus.ENABLED;
        }
    }

    // ------------------------------------------------------------------ API

    /** Every process's state, taken atomically. */
    public synchronized StepSnapshot snapshot() {
        List<StepProcess> ps = new ArrayList<>();
        entries.forEach((name, e) -> ps.add(e.view(name)));
        return new StepSnapshot(events.size(), over != null, ps);
    }

    /** The processes a grant may go to now, in plan order. */
    public List<String> enabled() {
        return snapshot().enabled();
    }

    /** Every step so far, in order. */
    public synchronized List<StepEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Waits until every process is settled (enabled, blocked or exited) or the run stops stepping.
     *
     * @return true then; false when {@code timeout} passed first
     */
    public synchronized boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (over == null && !allSettled()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private boolean allSettled() {
        for (Entry e : entries.values()) if (!e.status.settled()) return false;
        return true;
    }

    /** As {@link #grant(String, Duration)} with {@link #SETTLE_TIMEOUT}. */
    public StepOutcome grant(String process) throws InterruptedException {
        return grant(process, SETTLE_TIMEOUT);
    }

    /**
     * Lets {@code process} do the one operation it announced, and waits until it has settled
     * again (announced its next operation, or exited).
     *
     * @return the step's outcome
     * @throws IllegalArgumentException no such process
     * @throws IllegalStateException the run is not stepping any more, the process is not enabled
     *         (blocked, running, starting, exited), it is gone, or it did not settle within {@code timeout}
     */
    public StepOutcome grant(String process, Duration timeout) throws InterruptedException {
        synchronized (grantLock) {
            Entry e;
            int before;
            synchronized (this) {
                e = entries.get(process);
                if (e == null) {
                    throw new IllegalArgumentException("no process " + process + " in this run (processes: "
                            + String.join(", ", entries.keySet()) + ")");
                }
                if (over != null) throw new IllegalStateException(over);
                if (e.status != StepStatus.ENABLED) throw new IllegalStateException(notEnabled(process, e));
                e.status = StepStatus.RUNNING;
                e.reported = false;
                before = events.size();
            }
            if (!link.grant(process)) throw new IllegalStateException("process " + process + " is gone");
            synchronized (this) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!(e.status.settled() && events.size() > before)) {
                    if (over != null && e.status != StepStatus.RUNNING) break;
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException(
                                process + " did not settle within " + StallDiagnosis.seconds(timeout.toNanos())
                                        + " after its grant of " + e.op + "(" + e.channel + ")");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                if (events.size() == before)
                    throw new IllegalStateException(over != null ? over : process + " reported no outcome");
                for (int i = events.size() - 1; i >= before; i--) {
                    if (events.get(i).process().equals(process))
                        return events.get(i).outcome();
                }
                throw new IllegalStateException(process + " reported no outcome");
            }
        }
    }

    private String notEnabled(String name, Entry e) {
        String others = String.join(", ", snapshot().enabled());
        String enabled = others.isEmpty() ? "no process is enabled" : "enabled: " + others;
        return switch (e.status) {
            case BLOCKED ->
                "process " + name + " is blocked on " + e.op + "(" + e.channel + "): its last try "
                        + (e.last == null ? "would have blocked" : "was " + e.last.result())
                        + "; it is enabled again when another"
                        + " process acts on " + e.channel + " (" + enabled + ")";
            case STARTING -> "process " + name + " is not at its first operation yet (" + enabled + ")";
            case RUNNING -> "process " + name + " is doing its granted operation";
            case EXITED -> "process " + name + " has exited (" + enabled + ")";
            case ENABLED -> "process " + name + " is enabled";
        };
    }
}

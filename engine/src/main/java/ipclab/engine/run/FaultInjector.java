package ipclab.engine.run;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedFault;
import ipclab.engine.channel.Topology;
import ipclab.engine.sys.Kill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor's side of the faults: from the start barrier, a thread sends each timed fault
 * ({@code at}) when it is due: a signal to a process (kill, stop, cont) or an act on a channel's
 * kernel object (remove, fill); the workers do their counted faults themselves (see the worker's
 * {@code SelfFaults}). While the run goes on, {@link #tick} repairs what a killed sender left
 * undone (the end of a queue's or a ring's stream; a stream socket's or a FIFO's ends by itself, at
 * end of file) and says when only receivers that no sender will ever feed
 * are left, so that the run winds down instead of waiting for its timeout.
 */
final class FaultInjector {
    /** How long receivers may wait for a stream whose senders are all gone (one killed) before the run winds down. */
    static final long ORPHANED_RECEIVERS_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * How long a remove may wait past its time for the channel's receivers to wait in the kernel.
     * Normally a few ms; 500 ms was too short on a loaded machine, where a reader could still be
     * spinning its first downcall stub (links are made at the first message) a second after "go".
     */
    static final long REMOVE_ALIGN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final RunState state;
    private final RunObjects objects;
    private final Set<String> ended = new HashSet<>();
    private long orphanedSince;

    FaultInjector(RunState state, RunObjects objects) {
        this.state = state;
        this.objects = objects;
    }

    /** At the start barrier: the thread of the timed faults, if there are any. */
    void start() {
        List<PlannedFault> timed = new ArrayList<>();
        for (PlannedFault f : state.plan.faults()) if (f.timed() && f.action() != FaultAction.DELAY) timed.add(f);
        if (timed.isEmpty()) return;
        timed.sort(Comparator.comparingLong(PlannedFault::atNanos));
        Thread t = new Thread(() -> injectAll(timed), "ipclab-faults");
        t.setDaemon(true);
        t.start();
    }

    private void injectAll(List<PlannedFault> timed) {
        try {
            for (PlannedFault f : timed) {
                synchronized (state) {
                    long due = state.goNanos + f.atNanos();
                    for (long left = due - System.nanoTime();
                            left > 0 && !state.stopping;
                            left = due - System.nanoTime()) {
                        state.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    }
                    if (state.stopping) {
                        state.faults.record(
                                f,
                                null,
                                "not injected: the run ended before "
                                        + f.describe().replaceFirst(".* at ", ""));
                        continue;
                    }
                }
                inject(f);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void inject(PlannedFault f) {
        String result;
        try {
            result = f.process() != null ? signal(f) : onChannel(f);
        } catch (RuntimeException e) {
            result = "failed: " + e.getMessage();
        }
        synchronized (state) {
            state.faults.record(
                    f, result.startsWith("not injected") ? null : state.msSinceGo(System.nanoTime()), result);
            state.notifyAll();
        }
        state.event(f.process(), RunEvent.FAULT, f.describe() + ": " + result);
    }

    private String signal(PlannedFault f) {
        Worker w = state.find(f.process());
        synchronized (state) {
            if (w.exited() || !w.proc.isAlive()) return "not injected: " + w.name() + " had exited already";
            // before the signal: its exit must be known as the fault's when the stdout reader sees it
            if (f.action() == FaultAction.KILL)
                state.faults.record(f, state.msSinceGo(System.nanoTime()), "SIGKILL to pid " + w.pid);
            if (f.action() == FaultAction.STOP) w.faultStopped = true;
            if (f.action() == FaultAction.CONT) w.faultStopped = false;
        }
        int sig =
                switch (f.action()) {
                    case KILL -> Kill.SIGKILL;
                    case STOP -> Kill.SIGSTOP;
                    case CONT -> Kill.SIGCONT;
                    default -> throw new IllegalStateException(f.action() + " is not a signal");
                };
        Kill.kill(w.pid, sig);
        return (f.action() == FaultAction.KILL ? "SIGKILL" : f.action() == FaultAction.STOP ? "SIGSTOP" : "SIGCONT")
                + " to pid " + w.pid;
    }

    private String onChannel(PlannedFault f) {
        return switch (f.action()) {
            case REMOVE -> {
                awaitReceiversWaiting(state.plan.channel(f.channel()));
                yield objects.removeInUse(f.channel());
            }
            case FILL -> objects.fill(state.plan.channel(f.channel()));
            default -> throw new IllegalStateException(f.action() + " does not act on a channel");
        };
    }

    /**
     * A remove is due: on a channel whose receivers block in the kernel (a queue, a ring with
     * semaphores), waits at most {@link #REMOVE_ALIGN_NANOS} until each live receiver has a thread
     * blocked in an IPC call. They then see the removal of the object they wait on (EIDRM), as the
     * remove fault means to show, and not, because the machine's load held one between two calls at
     * the due time, a call made after it (EINVAL). The report gives the time it was done. Polled: the
     * kernel tells no one when a thread starts to wait, /proc/PID/task/TID/syscall only shows it.
     */
    private void awaitReceiversWaiting(PlannedChannel c) {
        if (c.type() != ChannelType.MSGQ && c.sync() != Sync.SEMAPHORE) return;
        long until = System.nanoTime() + REMOVE_ALIGN_NANOS;
        try {
            while (System.nanoTime() < until && !receiversWaiting(c.name())) Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean receiversWaiting(String channel) {
        List<Long> pids = new ArrayList<>();
        synchronized (state) {
            for (Worker w : state.workers) {
                if (w.process.channel().equals(channel) && !Topology.sender(w.process) && !w.exited()) pids.add(w.pid);
            }
        }
        for (long pid : pids) if (Proc.blockedIn(pid) == null) return false;
        return true;
    }

    /**
     * Called by the coordinator while the run goes on. Ends the queue streams whose senders are
     * all gone, one killed on purpose; returns true when the only workers left are receivers whose
     * senders are all gone (one killed) and they have waited {@link #ORPHANED_RECEIVERS_NANOS}: the run winds down.
     */
    boolean tick(long now) {
        if (!state.faults.any()) return false;
        List<String> toEnd = new ArrayList<>();
        boolean orphaned = true;
        boolean anyKilled = false;
        synchronized (state) {
            for (PlannedChannel c : state.plan.channels()) {
                boolean sendersGone = true, killed = false, receiversLive = false;
                for (Worker w : state.workers) {
                    if (!w.process.channel().equals(c.name())) continue;
                    if (Topology.sender(w.process)) {
                        sendersGone &= w.exited();
                        killed |= state.faults.killedOnPurpose(w.name());
                    } else if (!w.exited()) {
                        receiversLive = true;
                        if (!Topology.receiver(w.process)) orphaned = false;
                    }
                }
                anyKilled |= killed;
                if (receiversLive && !(sendersGone && killed)) orphaned = false;
                if (sendersGone && killed && receiversLive && !ended.contains(c.name())) toEnd.add(c.name());
            }
        }
        for (String c : toEnd) {
            try {
                String done = objects.endStreamFor(state.plan, c);
                // a queue is ended at once or needs nothing; a ring may wait for a free slot: tried again
                if (done != null || state.plan.channel(c).type() == ChannelType.MSGQ) ended.add(c);
                if (done != null) state.event(null, RunEvent.FAULT, "channel " + c + ": " + done);
            } catch (RuntimeException e) {
                ended.add(c);
                state.event(
                        null,
                        RunEvent.FAULT,
                        "channel " + c + ": cannot end the stream of its killed sender: " + e.getMessage());
            }
        }
        if (!orphaned || !anyKilled) {
            orphanedSince = 0;
            return false;
        }
        if (orphanedSince == 0) orphanedSince = now;
        return now - orphanedSince >= ORPHANED_RECEIVERS_NANOS;
    }
}

package ipclab.engine.run;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.WorkerReport;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The supervisor's handle on one process of a run: the worker JVM that plays it ({@link WorkerJvm},
 * fresh or from a {@link WorkerPool}) and what it said in this run. Fields are guarded by the
 * owning {@link Run}'s lock.
 */
final class Worker {
    final PlannedProcess process;
    final WorkerJvm jvm;
    final Process proc;
    final long pid;
    final long spawnNanos;

    ProcessState state = ProcessState.STARTING;
    String op;
    String opChannel;
    long readyNanos;
    long workerSetupNanos;
    WorkerReport report;
    String error;
    Integer exitCode;
    long exitNanos;
    boolean stopSent;
    boolean killed;
    /** A stop fault froze it (SIGSTOP) and no cont has come yet. */
    boolean faultStopped;
    /** blocked-in-kernel sampling: the call last seen and since when. */
    String blockedIn;

    long blockedSince;

    Worker(PlannedProcess process, WorkerJvm jvm, long spawnNanos) {
        this.process = process;
        this.jvm = jvm;
        this.proc = jvm.proc;
        this.pid = jvm.pid;
        this.spawnNanos = spawnNanos;
    }

    String name() {
        return process.name();
    }

    boolean exited() {
        return state == ProcessState.EXITED;
    }

    /** Its lines go to these handlers from now on (the JVM's readers are running already). */
    void attach(
            BiConsumer<Worker, String> onLine,
            BiConsumer<Worker, String> onProtocolError,
            Consumer<Worker> onDone,
            Consumer<Worker> onEnd) {
        Worker self = this;
        jvm.serve(new WorkerJvm.Sink() {
            @Override
            public void line(String line) {
                onLine.accept(self, line);
            }

            @Override
            public void protocolError(String what) {
                onProtocolError.accept(self, what);
            }

            @Override
            public void done() {
                onDone.accept(self);
            }

            @Override
            public void end() {
                onEnd.accept(self);
            }
        });
    }

    void logLine(String line) {
        jvm.logLine(line);
    }

    List<String> log() {
        return jvm.log();
    }

    /** Sends one protocol line; false if the pipe is closed (the worker is gone). */
    boolean send(String line) {
        return jvm.send(line);
    }

    ProcessView view(boolean probe) {
        ProcessState s = state;
        String blocked = null;
        if (probe && (s == ProcessState.RUNNING) && proc.isAlive()) {
            blocked = Proc.blockedIn(pid);
            if (blocked != null) s = ProcessState.BLOCKED_IN_KERNEL;
        }
        return new ProcessView(
                name(),
                ipclab.dsl.model.Names.yaml(process.role()),
                pid,
                s,
                s == ProcessState.WAITING_FOR_GRANT ? op : null,
                process.channel(),
                blocked,
                exitCode);
    }
}

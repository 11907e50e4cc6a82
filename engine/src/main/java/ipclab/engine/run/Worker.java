package ipclab.engine.run;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.BoundedLines;
import ipclab.engine.protocol.WorkerReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The supervisor's handle on one worker JVM: its process, its control pipe, the last lines of
 * its log, and what it said. Fields are guarded by the owning {@link Run}'s lock.
 */
final class Worker {
    static final int LOG_LINES = 30;

    final PlannedProcess process;
    final Process proc;
    final long pid;
    final long spawnNanos;
    private final OutputStream stdin;
    private final Deque<String> log = new ArrayDeque<>();

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

    Worker(PlannedProcess process, Process proc, long spawnNanos) {
        this.process = process;
        this.proc = proc;
        this.pid = proc.pid();
        this.spawnNanos = spawnNanos;
        this.stdin = proc.getOutputStream();
    }

    String name() {
        return process.name();
    }

    boolean exited() {
        return state == ProcessState.EXITED;
    }

    /** Starts the threads that read its stdout (protocol) and stderr (log). */
    void startReaders(
            BiConsumer<Worker, String> onLine, BiConsumer<Worker, String> onProtocolError, Consumer<Worker> onEnd) {
        Thread out = new Thread(
                () -> {
                    try (Reader r = new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8)) {
                        BoundedLines lines = new BoundedLines(r, BoundedLines.MAX_FROM_WORKER);
                        while (true) {
                            String line;
                            try {
                                line = lines.readLine();
                            } catch (BoundedLines.TooLong e) {
                                onProtocolError.accept(this, e.getMessage());
                                continue;
                            }
                            if (line == null) break;
                            if (line.startsWith("{")) onLine.accept(this, line);
                            else logLine("stdout: " + line);
                        }
                    } catch (IOException | RuntimeException e) {
                        logLine("supervisor: reading the control pipe failed: " + e);
                    }
                    onEnd.accept(this);
                },
                "ipclab-" + name() + "-out");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(proc.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) logLine(line);
                    } catch (IOException e) {
                        // the process is gone
                    }
                },
                "ipclab-" + name() + "-err");
        err.setDaemon(true);
        err.start();
    }

    void logLine(String line) {
        synchronized (log) {
            if (log.size() == LOG_LINES) log.removeFirst();
            log.addLast(line);
        }
    }

    List<String> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** Sends one protocol line; false if the pipe is closed (the worker is gone). */
    boolean send(String line) {
        synchronized (stdin) {
            try {
                stdin.write(line.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
                stdin.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
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

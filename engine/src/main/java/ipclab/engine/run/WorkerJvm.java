package ipclab.engine.run;

import ipclab.engine.protocol.BoundedLines;
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

/**
 * One worker JVM and its pipes: the threads that read its stdout (protocol) and stderr (log),
 * the last lines of its log, and the {@link Sink} its protocol lines go to: the {@link Worker} of
 * the run it serves now. A fresh worker serves one run; a pooled one ({@link WorkerPool}) serves
 * run after run, each ended by its "done" line, and between runs has no sink.
 */
final class WorkerJvm {
    static final int LOG_LINES = 30;

    /** Where the JVM's protocol lines go while it serves a run. */
    interface Sink {
        void line(String line);

        void protocolError(String what);

        /** A pooled worker's run is over: "done" after its report; the JVM lives on. */
        void done();

        /** Its stdout closed: the JVM is gone (or going). */
        void end();
    }

    final Process proc;
    final long pid;
    final List<String> command;
    final boolean pooled;
    private final OutputStream stdin;
    private final Deque<String> log = new ArrayDeque<>();
    private volatile Sink sink;
    private boolean ended;

    WorkerJvm(Process proc, List<String> command, boolean pooled) {
        this.proc = proc;
        this.pid = proc.pid();
        this.command = List.copyOf(command);
        this.pooled = pooled;
        this.stdin = proc.getOutputStream();
    }

    /** From now on its lines go to {@code s} (null: nobody's; a pooled JVM between runs). A new run starts with an empty log. */
    void serve(Sink s) {
        synchronized (log) {
            if (s != null) log.clear();
        }
        boolean gone;
        synchronized (this) {
            sink = s;
            gone = ended;
        }
        if (gone && s != null) s.end(); // it died before anyone listened: the run still hears of it
    }

    /** Its stdout has closed. */
    synchronized boolean ended() {
        return ended;
    }

    /** Starts the threads that read its stdout (protocol) and stderr (log). */
    void startReaders(String name) {
        Thread out = new Thread(this::readProtocol, "ipclab-" + name + "-out");
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
                "ipclab-" + name + "-err");
        err.setDaemon(true);
        err.start();
    }

    private void readProtocol() {
        try (Reader r = new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(r, BoundedLines.MAX_FROM_WORKER);
            while (true) {
                String line;
                try {
                    line = lines.readLine();
                } catch (BoundedLines.TooLong e) {
                    Sink s = sink;
                    if (s != null) s.protocolError(e.getMessage());
                    continue;
                }
                if (line == null) break;
                Sink s = sink;
                if (!line.startsWith("{")) logLine("stdout: " + line);
                else if (s == null) logLine("between runs: " + line);
                else if (pooled && line.equals(DONE)) s.done();
                else s.line(line);
            }
        } catch (IOException | RuntimeException e) {
            logLine("supervisor: reading the control pipe failed: " + e);
        }
        Sink s;
        synchronized (this) {
            ended = true;
            s = sink;
        }
        if (s != null) s.end();
    }

    /** The line a pooled worker ends each run with (as {@code Wire.command("done")} writes it). */
    static final String DONE = "{\"type\":\"done\"}";

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

    /** Closes its stdin: a worker waiting for its next spec halts (exit status 3). */
    void closeInput() {
        synchronized (stdin) {
            try {
                stdin.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }
}

package ipclab.engine.worker;

import ipclab.engine.protocol.BoundedLines;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.protocol.StoppedException;
import ipclab.engine.protocol.Wire;
import ipclab.engine.role.RoleAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The worker's end of the control pipe. One daemon thread reads the supervisor's lines (go,
 * grant, free, stop); end of input means the supervisor is gone, and the worker halts at once
 * so that nothing is left hanging. Lines to the supervisor are written under a lock and flushed.
 *
 * <p>Also the {@link StepGate} of a stepped run: {@link #before} first sends the outcome of the
 * step just done ("stepped"), then announces the next operation ("pending") and blocks until a
 * grant (or "free", or "stop") arrives. The outcome is collected in plain fields (the role's
 * thread alone touches them) and sent when the worker settles, so a step costs two lines.
 *
 * <p>A pooled worker ({@code --reuse}, kept by a {@code WorkerPool} across the runs of an
 * exploration) says "done" after its report and waits here for its next spec; each spec line
 * resets the run's control state before any later command is read, and commands that arrive
 * between runs (a "stop" that crossed the report) are dropped.
 */
final class Control implements StepGate {
    /** Exit status when the supervisor vanished (stdin closed). */
    static final int EXIT_ORPHANED = 3;
    /** Exit status when the supervisor sent a line that is not protocol (reported first as an "error" line). */
    static final int EXIT_PROTOCOL = 4;

    private final BoundedLines in;
    private final OutputStream out;
    /** A pooled worker ({@code --reuse}): after a run it says "done" and waits for the next spec. */
    private final boolean reuse;
    /** Between runs of a pooled worker: commands left over from the last run are dropped. */
    private volatile boolean idle;

    private final BlockingQueue<String> specs = new LinkedBlockingQueue<>();
    // one run's control state: replaced for each spec of a pooled worker, by the reader thread
    private volatile CountDownLatch go = new CountDownLatch(1);
    private volatile Semaphore grants = new Semaphore(0);
    private volatile boolean free;
    private volatile boolean stopped;
    private volatile RoleAgent agent;
    // the step in progress (role thread only)
    private StepOp op;
    private String opChannel;
    private StepResult result;
    /** The step's numeric facts, by {@link StepNumber#ordinal()}. */
    private final long[] numbers = new long[StepNumber.values().length];

    Control(BoundedLines in, OutputStream out, boolean step, boolean reuse) {
        this.in = in;
        this.out = out;
        this.free = !step;
        this.reuse = reuse;
    }

    void agent(RoleAgent a) {
        this.agent = a;
    }

    void start() {
        Thread t = new Thread(
                new ReadLoop(), "ipclab-control"); // a class, not this::readLoop: no lambda bootstrap before "ready"
        t.setDaemon(true);
        t.start();
    }

    private final class ReadLoop implements Runnable {
        @Override
        public void run() {
            readLoop();
        }
    }

    private void readLoop() {
        try {
            String line;
            while ((line = readLine()) != null) {
                if (line.isEmpty()) continue;
                Map<String, Object> m;
                try {
                    m = Wire.parse(line);
                } catch (IllegalArgumentException e) {
                    protocolError(e.getMessage());
                    return;
                }
                String type = Wire.str(m, "type");
                if (reuse && type.equals("spec")) {
                    if (!idle) {
                        protocolError("a spec during a run");
                        return;
                    }
                    beginRun(Boolean.TRUE.equals(m.get("step")));
                    specs.add(line);
                    continue;
                }
                if (idle) continue; // a stop or grant of the run just ended: nothing to act on
                switch (type) {
                    case "go" -> go.countDown();
                    case "grant" -> grants.release();
                    case "free" -> {
                        free = true;
                        grants.release();
                    }
                    case "stop" -> stop();
                    default -> {
                        protocolError("unknown command " + abbreviate(line));
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("ipclab worker: control pipe failed: " + e);
        }
        // EOF: the supervisor is gone (exited, or killed with SIGKILL). Nobody will read a report.
        System.err.println("ipclab worker: supervisor closed the control pipe; exiting");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_ORPHANED);
    }

    /** The next line; an over-long one is a protocol error (and ends the worker). */
    private String readLine() throws IOException {
        try {
            return in.readLine();
        } catch (BoundedLines.TooLong e) {
            protocolError(e.getMessage());
            return null; // not reached
        }
    }

    /** The supervisor sent what the protocol does not have: say so on the pipe and on stderr, and exit {@link #EXIT_PROTOCOL}. */
    private void protocolError(String what) {
        String msg = "protocol error: the supervisor sent " + what;
        System.err.println("ipclab worker: " + msg);
        try {
            send(Wire.error(msg));
        } catch (IOException | RuntimeException ignored) {
            /* the exit status says it */
        }
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_PROTOCOL);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private void stop() {
        stopped = true;
        RoleAgent a = agent;
        if (a != null) {
            try {
                a.requestStop();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        go.countDown();
        grants.release(1 << 20);
    }

    boolean stopped() {
        return stopped;
    }

    /** A pooled worker's next run: fresh control state, set before any command of that run is read. */
    private void beginRun(boolean step) {
        go = new CountDownLatch(1);
        grants = new Semaphore(0);
        free = !step;
        stopped = false;
        agent = null;
        idle = false;
    }

    /**
     * A pooled worker's run is over (its report sent): says "done" and waits for the next spec
     * line. The supervisor's end of the pipe closing halts the worker meanwhile, as at any time.
     */
    String awaitNextSpec() throws IOException, InterruptedException {
        idle = true;
        op = null;
        send(Wire.command("done"));
        return specs.take();
    }

    void awaitGo() throws InterruptedException {
        go.await();
    }

    synchronized void send(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    @Override
    public void before(StepOp next, String channel) {
        if (free) {
            flushStep();
            return;
        }
        if (stopped) throw new StoppedException();
        try {
            flushStep();
            send(Wire.pending(next, channel));
            grants.acquire();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
        if (stopped) throw new StoppedException();
        if (free) return; // released by "free", not granted: no step to report
        op = next;
        opChannel = channel;
        result = StepResult.OK;
        Arrays.fill(numbers, StepOutcome.NONE);
    }

    /** Sends the outcome of the step in progress, if any ("stepped"); called before the worker settles. */
    void flushStep() {
        if (op == null) return;
        StepOutcome o = StepOutcome.of(op, opChannel, result, numbers);
        op = null;
        try {
            send(Wire.stepped(o));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The step in progress failed (its operation threw): report it as {@link StepResult#ERROR}. */
    void failStep() {
        if (op != null) result = StepResult.ERROR;
    }

    @Override
    public boolean stepped() {
        return !free;
    }

    @Override
    public void result(StepResult r) {
        this.result = r;
    }

    @Override
    public void number(StepNumber which, long v) {
        numbers[which.ordinal()] = v;
    }

    @Override
    public void message(long writer, long seq, long size) {
        number(StepNumber.WRITER, writer);
        number(StepNumber.SEQ, seq);
        number(StepNumber.SIZE, size);
    }
}

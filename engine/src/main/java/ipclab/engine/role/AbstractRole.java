package ipclab.engine.role;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.Sync;
import ipclab.engine.channel.Backoff;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SeqLedger;
import ipclab.engine.channel.msgq.MsgqReceiver;
import ipclab.engine.channel.msgq.MsgqSender;
import ipclab.engine.channel.stream.DatagramReceiver;
import ipclab.engine.channel.stream.DatagramSender;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.Endpoint;
import org.HdrHistogram.Histogram;

/** What every role shares: its spec, gate, report, endpoint, back-off and stop flag. */
abstract class AbstractRole implements RoleAgent {
    /** Latency histograms track up to one hour at 3 significant digits. */
    static final long HIGHEST_NANOS = 3_600_000_000_000L;

    final WorkerSpec spec;
    final StepGate gate;
    final WorkerReport report = new WorkerReport();
    /** Spinning on spinning rings ({@code sync: spin, atomic}), parking elsewhere (see {@link Backoff}). */
    final Backoff backoff;
    /** {@code gate.stepped()}, fixed for the run: tested in idle loops without an interface call. */
    final boolean stepped;
    /** The calls of the warm-up messages, kept out of the report's syscalls; null for a role without messages. */
    final WarmupCalls warmupCalls;

    Endpoint endpoint;
    volatile boolean stop;
    boolean done;
    boolean closed;
    /** When a role with a {@code duration} stops (Long.MAX_VALUE: none); set at go by {@link #startClock}. */
    private long deadline = Long.MAX_VALUE;

    /** A role that sends or receives messages, with the default warm-up accounting. */
    AbstractRole(WorkerSpec spec, StepGate gate) {
        this(spec, gate, new WarmupCalls());
    }

    AbstractRole(WorkerSpec spec, StepGate gate, WarmupCalls warmupCalls) {
        this.spec = spec;
        this.gate = gate;
        this.stepped = gate.stepped();
        this.warmupCalls = warmupCalls;
        this.backoff = spinning(spec) ? Backoff.spinning() : Backoff.parking();
        report.name = spec.self().name();
        report.role = Names.yaml(spec.self().role());
        report.channel = spec.channel().name();
    }

    /** Starts the {@code duration} clock at {@code now} (the start barrier's go). */
    final void startClock(long now) {
        if (spec.self().durationNanos() > 0) deadline = now + spec.self().durationNanos();
    }

    /** The role was told to stop, or its {@code duration} is over. */
    final boolean stopOrTimeUp() {
        return stop || (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline);
    }

    /** True when the role's channel is a ring whose sync promises that nobody sleeps. */
    static boolean spinning(WorkerSpec spec) {
        return spec.channel().type() == ChannelType.SHM
                && (spec.channel().sync() == Sync.SPIN || spec.channel().sync() == Sync.ATOMIC);
    }

    /** At the start barrier: the warm-up's calls count from here, and so does a {@code duration}. */
    @Override
    public void onGo() {
        if (warmupCalls != null) warmupCalls.start();
        startClock(System.nanoTime());
    }

    @Override
    public String roleName() {
        return report.role;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void requestStop() {
        stop = true;
        if (endpoint != null) {
            if (endpoint.out() != null) endpoint.out().requestStop();
            if (endpoint.in() != null) endpoint.in().requestStop();
        }
    }

    /**
     * One receive step of a reader or an echo: polls {@code in} once and returns the size of the
     * message now at {@code in.offset()}, or 0 when there is none (after idling on the back-off),
     * or when the stream ended or a stop was asked (both set {@link #done}).
     */
    final int receive(ReceivePort in) {
        if (done) return 0;
        if (stop) {
            done = true;
            return 0;
        }
        int n = in.poll();
        if (n < 0) {
            done = true;
            return 0;
        }
        if (n == 0) {
            idle();
            return 0;
        }
        backoff.reset();
        return n;
    }

    /**
     * Waits a little before a retry: the back-off in a free run; nothing in a stepped one, where
     * the next try waits for its grant anyway and no clock may change what happens.
     */
    final void idle() {
        if (!stepped) backoff.idle();
    }

    /**
     * A reader's or echo's close: its warm-up count and calls and its ledger (received, duplicated,
     * reordered, corrupted, what it got from each writer) into the report, once; then {@link #closeEndpoint}.
     */
    final void closeReceiver(SeqLedger ledger, long warmups) {
        if (ledger != null && !closed) {
            warmupCalls.fill(report, warmups);
            ledger.fill(report);
            report.received = ledger.received();
        }
        closeEndpoint();
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    static void record(Histogram h, long nanos) {
        h.recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NANOS));
    }

    @Override
    public void onClose() {
        closeEndpoint();
    }

    /** Collects the ports' events and closes the endpoint, once. */
    final void closeEndpoint() {
        if (closed) return;
        closed = true;
        if (endpoint != null) {
            collectEvents();
            endpoint.close();
        }
    }

    /** Moves the ports' counters (EAGAIN, ENOMSG, ...) into the report's events. */
    void collectEvents() {
        if (backoff.parks() > 0) report.event("backoff-parks", backoff.parks());
        if (backoff.yields() > 0) report.event("backoff-yields", backoff.yields());
        if (endpoint.out() instanceof MsgqSender s && s.eagain() > 0) report.event("EAGAIN", s.eagain());
        if (endpoint.in() instanceof MsgqReceiver r) {
            if (r.enomsg() > 0) report.event("ENOMSG", r.enomsg());
            if (r.foreignEnds() > 0) report.event("foreign-end-markers", r.foreignEnds());
        }
        if (endpoint.out() instanceof DatagramSender s && s.refused() > 0) report.event("refused", s.refused());
        if (endpoint.in() instanceof DatagramReceiver r && r.eagain() > 0) report.event("EAGAIN", r.eagain());
    }

    @Override
    public WorkerReport report() {
        return report;
    }
}

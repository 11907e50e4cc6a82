package ipclab.engine.role;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.Endpoint;
import ipclab.engine.channel.Pacer;
import ipclab.engine.channel.Payload;
import ipclab.engine.channel.SendPort;
import ipclab.engine.worker.StepGate;
import ipclab.engine.worker.WorkerSpec;
import java.lang.foreign.MemorySegment;

/**
 * Streams {@code messages} messages (or until {@code duration} ends, whichever first) at
 * {@code rate} (flat out without one). Each message: claim room, copy the payload and stamp
 * seq, timestamp and checksum, publish; a publish refused for now (nowait) is retried with
 * back-off and a fresh timestamp. Ends with the port's end of stream.
 */
final class WriterRole extends AbstractRole {
    private final PlannedProcess self;
    private SendPort out;
    private MemorySegment buf;
    private Payload payload;
    private Pacer pacer;
    private long deadline = Long.MAX_VALUE;
    private long seq;
    private long at = -1;

    WriterRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
        this.self = spec.self();
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        out = endpoint.out();
        buf = out.buffer();
        payload = new Payload(spec.seed(), self.index(), self.size(), endpoint.arena());
        pacer = new Pacer(self.ratePerSecond());
    }

    @Override
    public void onGo() {
        long now = System.nanoTime();
        pacer.start(now);
        if (self.durationNanos() > 0) deadline = now + self.durationNanos();
    }

    @Override
    public int doWork() {
        if (done) return 0;
        if (at < 0) {
            if (seq >= self.messages() || stop || (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline)) {
                out.finish();
                done = true;
                return 0;
            }
            pacer.await(seq);
            at = out.claim();
            if (at < 0) return 0;
            payload.write(buf, at, seq, System.nanoTime());
        } else {
            if (stop) {
                out.finish();
                done = true;
                return 0;
            }
            payload.restamp(buf, at, seq, System.nanoTime());
        }
        long ts = System.nanoTime();
        if (!out.publish(payload.length())) {
            backoff.idle();
            return 0;
        }
        backoff.reset();
        if (report.sent == 0) report.firstOpNanos = ts;
        report.lastOpNanos = ts;
        report.sent++;
        report.bytesSent += payload.length();
        seq++;
        at = -1;
        return 1;
    }
}

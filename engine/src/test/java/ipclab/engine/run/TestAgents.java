package ipclab.engine.run;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.role.RoleAgent;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.worker.AgentFactory;
import java.lang.foreign.Arena;

/**
 * Roles for testing the process machinery, chosen by the process's group name:
 * <ul>
 *   <li>{@code sleeper}: replica 1 takes 800 ms in onStart; then {@code messages} steps of 5 ms; records
 *       readyAt/goAt (System.nanoTime, comparable across processes) as events</li>
 *   <li>{@code crasher}: throws in its first doWork</li>
 *   <li>{@code forever}: steps of 20 ms until told to stop</li>
 *   <li>{@code stuck}: sleeps in doWork and ignores stop</li>
 *   <li>{@code receiver}: a blocking msgrcv on the channel's queue (a reader)</li>
 *   <li>{@code stepper}: gate("load"), gate("store") per message</li>
 *   <li>{@code liar}: in its first doWork writes protocol lines it should not (a "ready" whose setupNs is a
 *       string, a line of an unknown type, a line that is not JSON) on the real stdout, then goes on as {@code forever}</li>
 * </ul>
 */
public final class TestAgents implements AgentFactory {
    @Override
    public RoleAgent create(WorkerSpec spec, StepGate gate) {
        return new Agent(spec, gate);
    }

    static final class Agent implements RoleAgent {
        final WorkerSpec spec;
        final StepGate gate;
        final WorkerReport r = new WorkerReport();
        volatile boolean stop;
        long done;
        MsgBuf buf;

        Agent(WorkerSpec spec, StepGate gate) {
            this.spec = spec;
            this.gate = gate;
        }

        String kind() {
            return spec.self().group();
        }

        @Override
        public String roleName() {
            return kind();
        }

        @Override
        public void onStart() throws Exception {
            if (kind().equals("sleeper") && spec.self().replica() == 1) Thread.sleep(800);
            r.event("readyAt", System.nanoTime());
        }

        @Override
        public void onGo() {
            r.event("goAt", System.nanoTime());
        }

        @Override
        public int doWork() throws Exception {
            switch (kind()) {
                case "crasher" ->
                    throw new IllegalStateException("boom in " + spec.self().name());
                case "forever" -> Thread.sleep(20);
                case "liar" -> {
                    if (done == 0) {
                        var out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                        out.write("{\"type\":\"ready\",\"setupNs\":\"soon\"}\n{\"type\":\"gossip\"}\n{\"type\":\n"
                                .getBytes());
                        out.flush();
                    }
                    Thread.sleep(20);
                }
                case "stuck" -> Thread.sleep(Long.MAX_VALUE);
                case "receiver" -> {
                    if (buf == null) buf = MsgBuf.allocate(Arena.global(), 64);
                    SysvMsgQueue.receive(
                            ((ipclab.engine.protocol.ChannelHandle.Msgq) spec.handle()).msqId(), buf, 64, 0, 0);
                }
                case "stepper" -> {
                    gate.before(StepOp.LOAD, spec.channel().name());
                    gate.before(StepOp.STORE, spec.channel().name());
                }
                default -> Thread.sleep(5);
            }
            done++;
            r.event("steps", 1);
            return 1;
        }

        @Override
        public boolean isDone() {
            return stop
                    || (!kind().equals("forever")
                            && !kind().equals("liar")
                            && done >= spec.self().messages());
        }

        @Override
        public void requestStop() {
            if (!kind().equals("stuck")) stop = true;
        }

        @Override
        public void onClose() {}

        @Override
        public WorkerReport report() {
            return r;
        }
    }
}

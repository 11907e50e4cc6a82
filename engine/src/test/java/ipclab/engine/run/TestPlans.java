package ipclab.engine.run;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.Wire;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.transport.ChannelKit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans built by hand for the runtime's tests. */
final class TestPlans {
    private TestPlans() {}

    static PlannedChannel msgq(String name) {
        return new PlannedChannel(
                name,
                ChannelType.MSGQ,
                0,
                0,
                0,
                Sync.NONE,
                Fanout.SHARED,
                QueueMode.BLOCKING,
                0,
                SocketDomain.UNIX,
                64,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }

    /** group:count pairs on one channel, e.g. ("sleeper", 3). */
    static Plan plan(String scenario, PlannedChannel channel, Duration timeout, long messages, Object... groups) {
        List<PlannedProcess> ps = new ArrayList<>();
        for (int i = 0; i < groups.length; i += 2) {
            String g = (String) groups[i];
            int n = (Integer) groups[i + 1];
            for (int k = 1; k <= n; k++) {
                ps.add(new PlannedProcess(
                        n == 1 ? g : g + "-" + k,
                        g,
                        k,
                        ps.size(),
                        g.startsWith("receiver") ? Role.READER : Role.WRITER,
                        channel.name(),
                        messages,
                        0,
                        64,
                        0,
                        1,
                        0,
                        0,
                        List.of()));
            }
        }
        Scenario s = new Scenario(scenario, null, 1L, timeout, null, null, null, null, null, null, null);
        return new Plan(s, Map.of(), 1L, timeout, List.of(channel), ps, List.of(), List.of());
    }

    /** A real System V message queue (IPC_PRIVATE, 0600) per channel. */
    static final class MsgqKit implements ChannelKit {
        @Override
        public ChannelHandle create(PlannedChannel c, Plan plan, ObjectLog log) {
            int id = SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0600);
            log.created(ObjectKind.MSG, id, 0, "");
            return new ChannelHandle.Msgq(c.name(), id, -1);
        }

        @Override
        public void remove(ChannelHandle h, ObjectLog log) {
            int id = ((ChannelHandle.Msgq) h).msqId();
            SysvMsgQueue.remove(id);
            log.removed(ObjectKind.MSG, id, "");
        }
    }

    /**
     * The spec of the one process of a plan whose channel has no kernel object ({@link NoObjects}):
     * what a test sends a worker JVM it starts by hand, with {@link TestAgents} for its role.
     */
    static WorkerSpec loneSpec(String scenario) {
        Plan plan = plan(scenario, msgq("c"), Duration.ofSeconds(60), 1000, "forever", 1);
        PlannedProcess p = plan.processes().getFirst();
        return new WorkerSpec(
                p,
                plan.channel(p.channel()),
                new NoObjects().create(plan.channel(p.channel()), plan, null),
                plan.processesOn(p.channel()),
                plan.seed(),
                false);
    }

    /** Sends a worker JVM started by hand its spec and reads its "ready" line; returns its stdout, for more lines. */
    static BufferedReader sendSpecAwaitReady(Process w, WorkerSpec spec) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(w.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = w.getOutputStream();
        in.write((Wire.spec(spec) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        String ready = out.readLine();
        if (ready == null || !ready.contains("\"ready\"")) throw new AssertionError("ready: " + ready);
        return out;
    }

    /** Makes no kernel object: for roles that use none. */
    static final class NoObjects implements ChannelKit {
        @Override
        public ChannelHandle create(PlannedChannel c, Plan plan, ObjectLog log) {
            return new ChannelHandle.StreamSocket(c.name(), new ChannelHandle.LoopbackPort(0));
        }

        @Override
        public void remove(ChannelHandle handle, ObjectLog log) {}
    }
}

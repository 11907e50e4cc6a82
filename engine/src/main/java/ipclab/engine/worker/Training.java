package ipclab.engine.worker;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ChannelHandle;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a worker does at start-up, without a supervisor and without kernel objects: read a spec,
 * write a report, load the roles and the bindings. Run once with {@code -XX:AOTCacheOutput} so
 * the AOT cache holds these classes already loaded and linked.
 */
final class Training {
    private Training() {}

    static void run() {
        PlannedProcess p = new PlannedProcess("train", "train", 1, 0, Role.WRITER, "c", 10, 0, 64, 0, 1, 0);
        PlannedChannel c = new PlannedChannel("c", ChannelType.MSGQ, 0, 0, 0, Sync.NONE, Fanout.SHARED, QueueMode.BLOCKING, 0, SocketDomain.UNIX, 64);
        WorkerSpec spec = new WorkerSpec(p, c, new ChannelHandle("c", ChannelType.MSGQ, -1, -1, 1, 0, "", 0), List.of(p), 1, false);
        WorkerSpec back = Wire.spec(Wire.parse(Wire.spec(spec)));
        WorkerReport r = new WorkerReport();
        r.name = back.self().name();
        r.latency = new Histogram(3);
        for (int i = 1; i < 1000; i++) r.latency.recordValue(i * 100L);
        r.receivedSeqs.put(0, new long[] {-1L});
        r.syscalls.put("msgsnd", 1L);
        Wire.report(Wire.parse(Wire.report(r)));
        Wire.parse(Wire.pending("msgsnd", "c"));
        for (String cls : new String[] {"ipclab.engine.role.Roles", "ipclab.engine.sys.Syscalls", "ipclab.engine.sys.Rusage",
                "ipclab.engine.sys.SysvShm", "ipclab.engine.sys.SysvMsgQueue", "ipclab.engine.sys.SysvSemaphore",
                "ipclab.engine.sys.Sockets", "ipclab.engine.sys.Pipes"}) {
            try {
                Class.forName(cls, true, Training.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not there (yet): nothing to cache
            }
        }
        try {
            SyscallWindow w = new SyscallWindow();
            w.open();
            w.close();
            ProcessFigures.fill(r, w);
        } catch (Exception e) {
            // training only
        }
    }
}

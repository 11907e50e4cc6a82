package ipclab.engine.testkit;

import ipclab.engine.sys.CreatedObjects;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test, or a test class, that leaves a System V object in {@code /proc/sysvipc/*} or a
 * child process alive. Registered for every test of the engine and repl modules by
 * autodetection ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties}).
 *
 * <p>Before each test class and each test it takes a {@link SysvSnapshot} and notes the live
 * children; afterwards it reports what is new and still there, <b>removes</b> it (IPC_RMID, or
 * destroying the process) so that one failure does not cascade, and fails with the list.
 *
 * <p>A test JVM that is told to stop (SIGTERM, as {@code pkill} or a killed Maven sends it) runs
 * no {@code afterEach}: a test that made its objects itself, without a run and its registry
 * (ChannelLab, the transport tests), would leave them where no {@code ipclab clean} can find
 * them. So the first test also installs {@link Leaks#sweepOnExit}: a shutdown hook that removes
 * every System V object this JVM made since then and still there. Only
 * this JVM's own objects are considered (see {@link SysvSnapshot#newOwnedSince}): other test
 * runs on the machine are left alone. A child gets {@value #CHILD_GRACE_MS} ms to finish exiting
 * (a test that just destroyed it) before it counts as left behind.
 */
public final class LeakGuard implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    static final long CHILD_GRACE_MS = 1000;

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakGuard.class);

    private record Before(SysvSnapshot sysv, Set<Long> children) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, "test " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, "test class " + context.getDisplayName());
    }

    private static void remember(ExtensionContext context) {
        Leaks.sweepOnExit();
        context.getStore(NS).put("before", new Before(SysvSnapshot.take(), liveChildren()));
    }

    private static void check(ExtensionContext context, String what) {
        Before before = context.getStore(NS).remove("before", Before.class);
        if (before == null) {
            return;
        }
        String report = Leaks.findAndClean(before.sysv(), before.children());
        if (!report.isEmpty()) {
            throw new AssertionError(what + " leaked (now cleaned up):\n" + report);
        }
    }

    static Set<Long> liveChildren() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Finding and removing leaks, usable without JUnit (the self-test drives it directly). */
    public static final class Leaks {
        private Leaks() {}

        private static final java.util.concurrent.atomic.AtomicBoolean SWEEPING =
                new java.util.concurrent.atomic.AtomicBoolean();

        /**
         * Once per JVM: a shutdown hook that removes the System V objects this JVM made (got with
         * IPC_CREAT, {@link CreatedObjects}) since this call and that are still there, whatever a
         * stopped test left. A run's own hook may be removing the same objects at the same moment:
         * whichever comes second gets EINVAL or EIDRM, which is fine.
         */
        public static void sweepOnExit() {
            if (!SWEEPING.compareAndSet(false, true)) return;
            SysvSnapshot since = SysvSnapshot.take();
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> sweep(since), "leak-guard-exit-sweep"));
            } catch (IllegalStateException shuttingDown) {
                // too late to sweep: the JVM is already going down
            }
        }

        /**
         * The exit sweep. The test's own thread goes on while the hooks run, and a run's hook
         * ({@code ipclab-shutdown}) may hold the JVM for its grace period: sweep again each time
         * until those are over, so that an object made meanwhile goes too.
         */
        private static void sweep(SysvSnapshot since) {
            for (int round = 0; round < 1200; round++) {
                for (SysvSnapshot.Row row : SysvSnapshot.take().newOwnedSince(since))
                    if (CreatedObjects.contains(row.kind(), row.id())) remove(row);
                boolean runsStopping = Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("ipclab-shutdown") && t.isAlive());
                if (!runsStopping) return;
                try {
                    Thread.sleep(50); // a dying JVM: nothing to wait on but the other hooks
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /**
         * Removes and describes every object and child process that is new since the snapshot.
         *
         * @return one line per leak, empty when nothing leaked
         */
        public static String findAndClean(SysvSnapshot before, Set<Long> childrenBefore) {
            List<String> lines = new ArrayList<>();
            for (SysvSnapshot.Row row : SysvSnapshot.take().newOwnedSince(before)) {
                lines.add("  left in /proc/sysvipc/" + row.kind().name().toLowerCase() + ": " + row + remove(row));
            }
            for (ProcessHandle child : ProcessHandle.current().children().toList()) {
                if (childrenBefore.contains(child.pid()) || exitsSoon(child)) {
                    continue;
                }
                String cmd = child.info().commandLine().orElse("?");
                child.destroyForcibly();
                exitsSoon(child);
                lines.add("  child process left alive (destroyed): pid=" + child.pid() + " " + abbreviate(cmd));
            }
            return String.join("\n", lines);
        }

        private static boolean exitsSoon(ProcessHandle child) {
            try {
                child.onExit().get(CHILD_GRACE_MS, TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return !child.isAlive();
            }
        }

        private static String remove(SysvSnapshot.Row row) {
            try {
                switch (row.kind()) {
                    case SHM -> SysvShm.remove(row.id());
                    case MSG -> SysvMsgQueue.remove(row.id());
                    case SEM -> SysvSemaphore.remove(row.id());
                }
                return " (removed)";
            } catch (IpcException e) {
                return " (could not remove: " + e.getMessage() + ")";
            }
        }

        private static String abbreviate(String cmd) {
            return cmd.length() <= 300 ? cmd : cmd.substring(0, 150) + " ... " + cmd.substring(cmd.length() - 150);
        }
    }
}

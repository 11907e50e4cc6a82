package ipclab.engine.worker;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.sys.Affinity;
import ipclab.engine.sys.CpuSet;

/**
 * Pins a worker to the CPUs its scenario names ({@code cpu: 1}, {@code cpus: [0, 1]}) before it
 * attaches and reports ready, so that neither its set-up nor its run moves to other CPUs. Every
 * thread of the JVM is pinned (JIT compilers and GC too, as {@code taskset -a} would), since a
 * compiler thread on the peer's CPU would disturb the peer; threads started later inherit the set.
 * The native baseline {@code bench/native/ipcbase.c} pins its processes the same way, which is what
 * makes a comparison like with like.
 */
final class Pinning {
    private Pinning() {}

    /**
     * Applies the process's CPUs, if it has any. An unpinned worker makes no call here: linking
     * sched_setaffinity costs start-up time that the report would count in spawnToReadyMs. A CPU the
     * kernel refuses (offline since the plan was checked, outside a cgroup's cpuset) throws an
     * IpcException naming the call and errno.
     */
    static void apply(PlannedProcess self) {
        if (!self.pinned()) return;
        int[] cpus = self.cpus().stream().mapToInt(Integer::intValue).toArray();
        Affinity.setProcess(CpuSet.of(cpus));
    }

    /** The set the calling thread runs on, in the kernel's list format (for the report, after the run). */
    static String current() {
        return Affinity.ofThread().toString();
    }
}

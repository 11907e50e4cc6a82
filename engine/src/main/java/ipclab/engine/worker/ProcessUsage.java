package ipclab.engine.worker;

import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.sys.Rusage;

/** Fills what the worker main owns in the report: syscalls counted by the bindings in the run window, getrusage of the whole process (of this run, in a pooled worker). */
final class ProcessUsage {
    private ProcessUsage() {}

    /** @param before a pooled worker's usage when its run began (its earlier runs are not this run's), or null */
    static void fill(WorkerReport r, SyscallWindow window, Rusage.Usage before) {
        r.syscalls.putAll(window.calls());
        excludeWarmup(r);
        Rusage.Usage u = before == null ? Rusage.self() : Rusage.self().minus(before);
        r.userCpuMicros = u.userMicros();
        r.sysCpuMicros = u.sysMicros();
        r.minorFaults = u.minorFaults();
        r.majorFaults = u.majorFaults();
        r.voluntaryCtxSwitches = u.voluntaryCtxSwitches();
        r.involuntaryCtxSwitches = u.involuntaryCtxSwitches();
    }

    /** Takes the role's warm-up calls out of the report's syscalls (a count that reaches 0 goes). */
    static void excludeWarmup(WorkerReport r) {
        r.warmupSyscalls.forEach((call, n) -> r.syscalls.computeIfPresent(call, (k, v) -> v - n > 0 ? v - n : null));
    }
}

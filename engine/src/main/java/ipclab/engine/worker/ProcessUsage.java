package ipclab.engine.worker;

import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.sys.Rusage;

/** Fills what the worker main owns in the report: syscalls counted by the bindings in the run window, getrusage of the whole process. */
final class ProcessUsage {
    private ProcessUsage() {}

    static void fill(WorkerReport r, SyscallWindow window) {
        r.syscalls.putAll(window.calls());
        excludeWarmup(r);
        Rusage.Usage u = Rusage.self();
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

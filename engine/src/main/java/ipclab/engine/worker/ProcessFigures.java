package ipclab.engine.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fills what the worker main owns in the report: syscalls counted by the bindings, rusage. */
final class ProcessFigures {
    private ProcessFigures() {}

    static void fill(WorkerReport r) throws IOException {
        // TODO(runtime): Syscalls.snapshot() and Rusage.self() once the bindings branch is merged
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long hz = 100;
        r.minorFaults = Long.parseLong(f[7]);
        r.majorFaults = Long.parseLong(f[9]);
        r.userCpuMicros = Long.parseLong(f[11]) * 1_000_000 / hz;
        r.sysCpuMicros = Long.parseLong(f[12]) * 1_000_000 / hz;
    }
}

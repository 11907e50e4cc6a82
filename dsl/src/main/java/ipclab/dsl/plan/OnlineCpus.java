package ipclab.dsl.plan;

import ipclab.dsl.model.CpuList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The CPUs the kernel runs processes on now, read from {@code /sys/devices/system/cpu/online}
 * (the kernel's list format, {@code 0-1,4}), against which the planner checks a process's
 * {@code cpu} or {@code cpus}. Unknown (no sysfs, another OS): nothing is checked, and the worker's
 * sched_setaffinity is the judge. The engine's {@code sys.CpuSet} reads the same file for the
 * native call; this copy stays in the dsl, which knows nothing of native code.
 */
record OnlineCpus(BitSet cpus, String text) {
    static final String FILE = "/sys/devices/system/cpu/online";
    private static final OnlineCpus CURRENT = read(Path.of(FILE));

    static OnlineCpus current() {
        return CURRENT;
    }

    static OnlineCpus read(Path file) {
        try (var in = Files.newBufferedReader(file)) { // a sysfs file reports size 4096 whatever it holds
            String line = in.readLine();
            if (line == null || line.isBlank()) return new OnlineCpus(null, null);
            BitSet b = new BitSet();
            for (int c : CpuList.parse(line).cpus()) b.set(c);
            return new OnlineCpus(b, line.strip());
        } catch (IOException | IllegalArgumentException e) {
            return new OnlineCpus(null, null);
        }
    }

    boolean known() {
        return cpus != null;
    }

    /** The first CPU of {@code list} that is not online, or -1. */
    int firstOffline(CpuList list) {
        if (!known()) return -1;
        for (int c : list.cpus()) if (!cpus.get(c)) return c;
        return -1;
    }
}

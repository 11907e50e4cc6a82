package ipclab.dsl.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel limits the planner checks a scenario against, read from {@code /proc/sys/kernel}
 * (System V IPC) and {@code /proc/sys/net/core} (socket buffers).
 * A limit that cannot be read (no /proc, another OS) is {@link #UNKNOWN} and not checked. Tests
 * make their own with the canonical constructor.
 *
 * @param msgmax largest message a queue accepts ({@code /proc/sys/kernel/msgmax})
 * @param msgmnb default and largest unprivileged {@code msg_qbytes} of a queue ({@code /proc/sys/kernel/msgmnb})
 * @param shmmax largest shared-memory segment ({@code /proc/sys/kernel/shmmax})
 * @param semmsl most semaphores in one set (first field of {@code /proc/sys/kernel/sem})
 * @param wmemDefault a new socket's send buffer ({@code /proc/sys/net/core/wmem_default}): an
 *                    AF_UNIX datagram may be at most this minus {@value Planner#UNIX_DGRAM_OVERHEAD} bytes
 * @param shmall   most shared memory in all segments together, in pages of {@value #PAGE_BYTES} bytes ({@code /proc/sys/kernel/shmall})
 * @param memTotal the machine's memory in bytes ({@code MemTotal} of {@code /proc/meminfo})
 */
public record KernelLimits(
        long msgmax, long msgmnb, long shmmax, long semmsl, long wmemDefault, long shmall, long memTotal) {
    /** A limit that could not be read. */
    public static final long UNKNOWN = -1;

    public static final String MSGMAX = "/proc/sys/kernel/msgmax";
    public static final String MSGMNB = "/proc/sys/kernel/msgmnb";
    public static final String SHMMAX = "/proc/sys/kernel/shmmax";
    public static final String SEM = "/proc/sys/kernel/sem";
    public static final String WMEM_DEFAULT = "/proc/sys/net/core/wmem_default";
    public static final String SHMALL = "/proc/sys/kernel/shmall";
    public static final String MEMINFO = "/proc/meminfo";
    /** The page size shmall counts in (x86-64). */
    public static final long PAGE_BYTES = 4096;

    /** The System V limits only; the socket send buffer, shmall and the memory {@link #UNKNOWN}. */
    public KernelLimits(long msgmax, long msgmnb, long shmmax, long semmsl) {
        this(msgmax, msgmnb, shmmax, semmsl, UNKNOWN);
    }

    /** Without shmall and the memory (unknown: not checked). */
    public KernelLimits(long msgmax, long msgmnb, long shmmax, long semmsl, long wmemDefault) {
        this(msgmax, msgmnb, shmmax, semmsl, wmemDefault, UNKNOWN, UNKNOWN);
    }

    /** The running kernel's limits. */
    public static KernelLimits current() {
        return read(Path.of("/"));
    }

    /** Limits read below {@code root} (e.g. a directory holding a fake {@code proc/sys/kernel}). */
    public static KernelLimits read(Path root) {
        return new KernelLimits(
                number(root, MSGMAX),
                number(root, MSGMNB),
                number(root, SHMMAX),
                number(root, SEM),
                number(root, WMEM_DEFAULT),
                number(root, SHMALL),
                memTotal(root));
    }

    /** MemTotal of /proc/meminfo in bytes, or {@link #UNKNOWN}. */
    private static long memTotal(Path root) {
        try (var in = Files.newBufferedReader(root.resolve(MEMINFO.substring(1)))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("MemTotal:")) continue;
                String[] f = line.substring("MemTotal:".length()).strip().split("\\s+");
                return Math.multiplyExact(Long.parseLong(f[0]), 1024L); // kB
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    /** No limit known: nothing is checked against the kernel. */
    public static KernelLimits unknown() {
        return new KernelLimits(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
    }

    private static long number(Path root, String file) {
        try {
            String text; // not Files.readString: /proc files report size 0, and JDK 25 then read one byte only
            try (var in = Files.newBufferedReader(root.resolve(file.substring(1)))) {
                text = in.readLine();
            }
            if (text == null) return UNKNOWN;
            text = text.strip();
            String first = text.split("\\s+")[0];
            long v = Long.parseUnsignedLong(first);
            return v < 0 ? Long.MAX_VALUE : v; // shmmax is often 2^64 - 2^24: beyond a signed long
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}

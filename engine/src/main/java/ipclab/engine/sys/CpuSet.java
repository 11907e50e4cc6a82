package ipclab.engine.sys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * An immutable set of CPU numbers, in the kernel's list format both ways: {@code 0-1,4} (ranges
 * and single CPUs, comma separated, as in {@code /sys/devices/system/cpu/online}, {@code taskset
 * -c} and {@code Cpus_allowed_list} of {@code /proc/PID/status}). What {@link Affinity} sets and
 * reads; {@link #online()} is the set the kernel runs processes on now.
 */
public final class CpuSet {
    /** Where the kernel lists its online CPUs (Documentation/ABI/testing/sysfs-devices-system-cpu). */
    public static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");
    /** CPU numbers stop below this (the kernel's NR_CPUS is at most 8192; leave room). */
    public static final int LIMIT = 1 << 16;

    private static final CpuSet EMPTY = new CpuSet(new BitSet());
    private final BitSet bits;

    private CpuSet(BitSet bits) {
        this.bits = bits;
    }

    /** The set of these CPUs (each in [0, {@link #LIMIT})). */
    public static CpuSet of(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            if (c < 0 || c >= LIMIT) throw new IllegalArgumentException("cpu=" + c + " must be in [0, " + LIMIT + ")");
            b.set(c);
        }
        return new CpuSet(b);
    }

    /** The set with these bits (copied). */
    static CpuSet of(BitSet bits) {
        if (bits.length() > LIMIT)
            throw new IllegalArgumentException("cpu=" + (bits.length() - 1) + " must be below " + LIMIT);
        return bits.isEmpty() ? EMPTY : new CpuSet((BitSet) bits.clone());
    }

    /**
     * Parses a CPU list: {@code 0-1,4}, {@code 3}, or nothing (the empty set; surrounding blanks and
     * a trailing newline are ignored). Ranges go upwards; overlaps are allowed. A bad list gives an
     * IllegalArgumentException quoting the list (trailing blanks dropped) and naming the 1-based column, e.g.
     * {@code cpu list '0-x': column 3: expected a CPU number, found 'x'}.
     */
    public static CpuSet parse(String list) {
        String s = list.strip();
        int lead = 0; // columns count in the text as given, leading blanks included
        while (lead < list.length() && Character.isWhitespace(list.charAt(lead))) lead++;
        BitSet b = new BitSet();
        int i = 0, n = s.length();
        while (i < n) {
            int[] at = {i};
            int from = number(list, s, at, lead);
            int to = from;
            i = at[0];
            if (i < n && s.charAt(i) == '-') {
                at[0] = i + 1;
                to = number(list, s, at, lead);
                if (to < from) throw bad(list, lead + i + 2, "range " + from + "-" + to + " goes downwards");
                i = at[0];
            }
            b.set(from, to + 1);
            if (i < n) {
                if (s.charAt(i) != ',')
                    throw bad(list, lead + i + 1, "expected ',' or '-', found '" + s.charAt(i) + "'");
                if (++i == n) throw bad(list, lead + i + 1, "expected a CPU number after ','");
            }
        }
        return b.isEmpty() ? EMPTY : new CpuSet(b);
    }

    /** Reads the digits at {@code at[0]} of {@code s}; leaves {@code at[0]} after them. */
    private static int number(String list, String s, int[] at, int lead) {
        int i = at[0], start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v >= LIMIT) throw bad(list, lead + start + 1, "CPU number too large (at most " + (LIMIT - 1) + ")");
            i++;
        }
        if (i == start) {
            String found = i < s.length() ? "'" + s.charAt(i) + "'" : "the end";
            throw bad(list, lead + i + 1, "expected a CPU number, found " + found);
        }
        at[0] = i;
        return (int) v;
    }

    private static IllegalArgumentException bad(String list, int column, String what) {
        return new IllegalArgumentException("cpu list '" + list.stripTrailing() + "': column " + column + ": " + what);
    }

    /** The CPUs online now ({@link #ONLINE}). */
    public static CpuSet online() {
        return read(ONLINE);
    }

    /** A CPU list read from a file such as {@link #ONLINE}; the message names the file when it is bad. */
    public static CpuSet read(Path file) {
        String text;
        try {
            // not Files.readString: a sysfs file reports size 4096 and may be read short; one line is the content
            try (var r = Files.newBufferedReader(file)) {
                String line = r.readLine();
                text = line == null ? "" : line;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU list in " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    /** True when every CPU of this set is in {@code other}. */
    public boolean isSubsetOf(CpuSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return b.isEmpty();
    }

    /** The CPUs of this set that are not in {@code other}. */
    public CpuSet minus(CpuSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return of(b);
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The CPUs in ascending order. */
    public int[] cpus() {
        return bits.stream().toArray();
    }

    /** The highest CPU number plus one (0 for the empty set): how many bits a mask needs. */
    public int length() {
        return bits.length();
    }

    /** The bits (a copy). */
    BitSet bits() {
        return (BitSet) bits.clone();
    }

    /** The kernel's list format: {@code 0-1,4}; the empty string for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int from = bits.nextSetBit(0); from >= 0; ) {
            int to = bits.nextClearBit(from) - 1;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(from);
            if (to > from) sb.append('-').append(to);
            from = bits.nextSetBit(to + 1);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet c && bits.equals(c.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }
}

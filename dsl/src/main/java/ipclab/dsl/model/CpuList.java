package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.util.List;
import java.util.TreeSet;

/**
 * The CPUs a process may run on, as a scenario writes them: {@code [0, 1]} (a YAML list), or the
 * kernel's list format {@code 0-1,4} as one value (what {@code taskset -c} takes). Kept sorted,
 * without repeats; written back as {@code [0, 1]}.
 */
public record CpuList(List<Integer> cpus) {
    /** CPU numbers stop below this (the kernel's NR_CPUS is at most 8192). */
    public static final int LIMIT = 8192;

    public CpuList {
        if (cpus.isEmpty()) throw new IllegalArgumentException("cpus=[] names no CPU; give at least one, e.g. [0, 1]");
        for (int c : cpus) {
            if (c < 0 || c >= LIMIT)
                throw new IllegalArgumentException("cpu " + c + " must be from 0 to " + (LIMIT - 1));
        }
        cpus = List.copyOf(new TreeSet<>(cpus));
    }

    /** These CPU numbers; a builder takes them alone ({@code cpus(0, 1)}). */
    @Setters.Plain
    public static CpuList of(Integer... cpus) {
        return new CpuList(List.of(cpus));
    }

    /**
     * Parses {@code [0, 1]}, {@code 0, 1}, {@code 0-3,6} or {@code 2}; the message of the
     * IllegalArgumentException is for the user.
     */
    public static CpuList parse(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]"))
            t = t.substring(1, t.length() - 1).strip();
        List<Integer> out = new java.util.ArrayList<>();
        for (String part : t.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            try {
                if (dash < 0) {
                    out.add(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dash).strip()),
                            to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (to < from)
                        throw new IllegalArgumentException(
                                "cpus: the range " + p + " goes downwards; write " + to + "-" + from);
                    if (to - from >= LIMIT)
                        throw new IllegalArgumentException(
                                "cpus: the range " + p + " is too long; CPUs go from 0 to " + (LIMIT - 1));
                    for (int c = from; c <= to; c++) out.add(c);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "cpus: '" + p + "' is not a CPU number; write a list such as [0, 1] or a range such as 0-3");
            }
        }
        return new CpuList(out);
    }

    /** {@code [0, 1]}: what YAML writes back (a flow list). */
    @Override
    public String toString() {
        return cpus.toString();
    }
}

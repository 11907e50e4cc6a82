package ipclab.repl.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Under what a comparison was measured, so that a reader can judge its figures and another machine
 * can be compared with this one: CPU, pinning, kernel, JDK, the load before and after (a load
 * near the CPU count means the figures are shared with someone else), ipclab's version and the
 * kernel's IPC limits as read from /proc.
 *
 * @param loadBefore 1, 5 and 15 minute load averages before the first run; empty if unknown
 * @param limits     {@code msgmax}, {@code msgmnb}, {@code shmmax}, {@code shmall}, {@code sem} as the kernel prints them
 */
public record Conditions(
        String cpuModel,
        int cpus,
        String pinning,
        String kernel,
        String jdk,
        List<Double> loadBefore,
        List<Double> loadAfter,
        String ipclabVersion,
        Map<String, String> limits) {
    public Conditions {
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(pinning, "pinning");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(jdk, "jdk");
        Objects.requireNonNull(ipclabVersion, "ipclabVersion");
        loadBefore = List.copyOf(loadBefore);
        loadAfter = List.copyOf(loadAfter);
        limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** The same conditions with another pinning, for a run that pins its workers itself. */
    public Conditions withPinning(String pinning) {
        return new Conditions(cpuModel, cpus, pinning, kernel, jdk, loadBefore, loadAfter, ipclabVersion, limits);
    }

    /** The conditions as label and value, in the order reports show them. */
    public Map<String, String> rows() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("CPU", cpuModel + " × " + cpus);
        out.put("pinning", pinning);
        out.put("kernel", kernel);
        out.put("JDK", jdk);
        out.put("load before", load(loadBefore));
        out.put("load after", load(loadAfter));
        out.put("ipclab", ipclabVersion);
        limits.forEach((k, v) -> out.put(k, v));
        return out;
    }

    private static String load(List<Double> l) {
        if (l.isEmpty()) return "unknown";
        StringBuilder sb = new StringBuilder();
        for (double v : l) sb.append(sb.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.2f", v));
        return sb + " (1, 5, 15 min)";
    }
}

package ipclab.repl.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a comparison's {@link Conditions} from /proc (or from a directory laid out like it, for
 * tests): {@link #start()} before the first run takes the load average, {@link #finish()} after
 * the last takes it again with everything else. Whatever cannot be read is {@code unknown}.
 */
public final class ConditionsCollector {
    /** The IPC limits a report shows, each the file under {@code /proc/sys/kernel} of that name. */
    public static final List<String> LIMITS = List.of("msgmax", "msgmnb", "shmmax", "shmall", "sem");

    private final Path root;
    private final String ipclabVersion;
    private final List<Double> loadBefore;

    private ConditionsCollector(Path root, String ipclabVersion) {
        this.root = root;
        this.ipclabVersion = ipclabVersion;
        this.loadBefore = load(root);
    }

    /** Starts collecting on this machine; the caller knows ipclab's version (the CLI's {@code VersionInfo}). */
    public static ConditionsCollector start(String ipclabVersion) {
        return new ConditionsCollector(Path.of("/"), ipclabVersion);
    }

    /** Starts collecting below {@code root}, which holds {@code proc/...} as the machine would. */
    public static ConditionsCollector start(Path root, String ipclabVersion) {
        return new ConditionsCollector(root, ipclabVersion);
    }

    public Conditions finish() {
        List<String> cpuinfo = lines("proc/cpuinfo");
        String model = "unknown";
        int processors = 0;
        for (String l : cpuinfo) {
            if (l.startsWith("model name") && model.equals("unknown"))
                model = l.substring(l.indexOf(':') + 1).strip();
            if (l.startsWith("processor")) processors++;
        }
        if (processors == 0) processors = Runtime.getRuntime().availableProcessors();
        String kernel = first("proc/sys/kernel/osrelease");
        Map<String, String> limits = new LinkedHashMap<>();
        for (String name : LIMITS)
            limits.put(name, first("proc/sys/kernel/" + name).replaceAll("\\s+", " "));
        String jdk = Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
        return new Conditions(
                model, processors, pinning(processors), kernel, jdk, loadBefore, load(root), ipclabVersion, limits);
    }

    /** Which CPUs this process (and the workers it starts, which inherit it) may run on. */
    private String pinning(int processors) {
        String allowed = "unknown";
        for (String l : lines("proc/self/status")) {
            if (l.startsWith("Cpus_allowed_list:"))
                allowed = l.substring(l.indexOf(':') + 1).strip();
        }
        if (allowed.equals("unknown")) return "unknown";
        String all = processors == 1 ? "0" : "0-" + (processors - 1);
        return allowed.equals(all)
                ? "none (processes may run on CPUs " + allowed + ")"
                : "CPUs " + allowed + " only (of " + processors + ")";
    }

    private static List<Double> load(Path root) {
        String text = first(root, "proc/loadavg");
        List<Double> out = new ArrayList<>();
        String[] f = text.split("\\s+");
        try {
            for (int i = 0; i < 3 && f.length >= 3; i++) out.add(Double.parseDouble(f[i]));
        } catch (NumberFormatException e) {
            return List.of();
        }
        return out;
    }

    private String first(String file) {
        return first(root, file);
    }

    /** The first line, stripped; {@code unknown} when unreadable. */
    private static String first(Path root, String file) {
        // Not Files.readString: /proc files report size 0, and JDK 25 then reads one byte only.
        try (BufferedReader in = Files.newBufferedReader(root.resolve(file))) {
            String line = in.readLine();
            return line == null || line.isBlank() ? "unknown" : line.strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private List<String> lines(String file) {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(root.resolve(file))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) out.add(l);
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}

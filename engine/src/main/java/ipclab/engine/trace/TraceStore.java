package ipclab.engine.trace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every run's trace, kept automatically and numbered: {@code 000042-race.trace.jsonl} in
 * {@link #defaultDir()}, the newest {@link #keep()} of them (older ones are deleted as new ones come).
 *
 * <p>Directory: system property {@code ipclab.data.dir} + {@code /traces}; else, when
 * {@code ipclab.state.dir} is set (tests point it at their own directory), its {@code traces/};
 * else {@code $XDG_DATA_HOME/ipclab/traces}, else {@code ~/.local/share/ipclab/traces}. How many:
 * system property {@code ipclab.traces.keep} or environment variable {@code IPCLAB_KEEP_TRACES}
 * (default {@value #DEFAULT_KEEP}; 0 keeps none).
 */
public final class TraceStore {
    public static final int DEFAULT_KEEP = 50;
    private static final Pattern NAME = Pattern.compile("(\\d{6,})-(.+)\\.trace\\.jsonl");

    /** A kept trace. */
    public record Entry(int number, String scenario, Path path) {}

    private final Path dir;
    private final int keep;

    public TraceStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** The store at {@link #defaultDir()} keeping {@link #keep()} traces. */
    public static TraceStore standard() {
        return new TraceStore(defaultDir(), keep());
    }

    public Path dir() {
        return dir;
    }

    public static Path defaultDir() {
        String data = System.getProperty("ipclab.data.dir");
        if (data != null && !data.isBlank()) return Path.of(data, "traces");
        String state = System.getProperty("ipclab.state.dir");
        if (state != null && !state.isBlank()) return Path.of(state, "traces");
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "ipclab", "traces");
        return Path.of(System.getProperty("user.home"), ".local", "share", "ipclab", "traces");
    }

    /** How many traces to keep (see the class comment). */
    public static int keep() {
        String v = System.getProperty("ipclab.traces.keep", System.getenv("IPCLAB_KEEP_TRACES"));
        if (v == null || v.isBlank()) return DEFAULT_KEEP;
        try {
            return Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_KEEP;
        }
    }

    /**
     * Saves the trace under the next number and deletes the oldest beyond {@code keep}.
     *
     * @return where it went, or null when the store keeps none
     */
    public Path save(Trace t) throws IOException {
        if (keep == 0) return null;
        Files.createDirectories(dir);
        String name = t.scenario().name().replaceAll("[^A-Za-z0-9._-]", "_");
        int n = list().stream().mapToInt(Entry::number).max().orElse(0);
        Path f;
        while (true) { // two ipclabs at once: the first to create a number has it
            f = dir.resolve(String.format("%06d-%s.trace.jsonl", ++n, name));
            try {
                Files.createFile(f);
                break;
            } catch (FileAlreadyExistsException e) {
                // taken: the next one
            }
        }
        TraceFile.write(t, f);
        prune();
        return f;
    }

    /** The kept traces, oldest first. */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.trace.jsonl")) {
            for (Path p : ds) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) out.add(new Entry(Integer.parseInt(m.group(1)), m.group(2), p));
            }
        }
        out.sort(Comparator.comparingInt(Entry::number));
        return out;
    }

    /** The newest trace, or null. */
    public Entry latest() throws IOException {
        List<Entry> all = list();
        return all.isEmpty() ? null : all.getLast();
    }

    private void prune() throws IOException {
        List<Entry> all = list();
        for (int i = 0; i < all.size() - keep; i++)
            Files.deleteIfExists(all.get(i).path());
    }
}

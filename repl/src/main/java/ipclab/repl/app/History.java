package ipclab.repl.app;

import ipclab.engine.run.Registry;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Figures of earlier runs on this machine that a report compares with: each channel's median
 * latency (to warn when a run is far off the last one) and the last message queue's setup and
 * per-message cost (shm's break-even when a scenario has no other mechanism). One properties file,
 * {@code <state dir>/history/figures.properties}, under {@link Registry#stateDir()}
 * ({@code $XDG_STATE_HOME/ipclab}). Reading or writing it never fails a run.
 */
final class History {
    private final Path file;
    private final Properties values = new Properties();

    private History(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) return;
        try (Reader in = Files.newBufferedReader(file)) {
            values.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable history only costs the comparison
        }
    }

    static History inStateDir() {
        return new History(Registry.stateDir().resolve("history").resolve("figures.properties"));
    }

    /** The value recorded under key, or -1. */
    long get(String key) {
        try {
            return Long.parseLong(values.getProperty(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void put(String key, long value) {
        values.setProperty(key, Long.toString(value));
    }

    /** Writes the file (atomically). */
    void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                values.store(w, "ipclab: figures of the last runs on this machine (ns)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a read-only state directory must not fail the run
        }
    }
}

package ipclab.repl.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the shell's history lives: {@code $XDG_STATE_HOME/ipclab/repl_history}, by default
 * {@code ~/.local/state/ipclab/repl_history}; the file is mode 0600 (it may hold what was typed)
 * and its directory 0700.
 */
final class HistoryFile {
    private HistoryFile() {}

    static Path path(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("ipclab").resolve("repl_history");
    }

    /** Makes the directory and an empty file with the right modes (JLine would create it 0644). */
    static Path prepare(Map<String, String> env) throws IOException {
        Path f = path(env);
        Path dir = f.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(f))
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        else Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /** JLine rewrites the file on save (a new file, mode from the umask): put 0600 back. */
    static void secure(Path f) {
        try {
            if (Files.exists(f)) Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            // the history is a convenience; the shell goes on
        }
    }
}

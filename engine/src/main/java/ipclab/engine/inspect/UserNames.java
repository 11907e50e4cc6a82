package ipclab.engine.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User names for uids, read once from {@code /etc/passwd} (no NSS, no native code). A uid with no
 * entry, or an unreadable file, gives the number itself, as ipcs does.
 */
public final class UserNames {
    private final Map<Integer, String> names;

    private UserNames(Map<Integer, String> names) {
        this.names = names;
    }

    /** Reads {@code /etc/passwd}. */
    public static UserNames fromPasswd() {
        return fromPasswd(Path.of("/etc/passwd"));
    }

    /** Reads a passwd-format file ({@code name:x:uid:gid:...}); a missing file gives numbers only. */
    public static UserNames fromPasswd(Path file) {
        Map<Integer, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) parseLine(line, m);
        } catch (IOException e) {
            // no names: numbers will do
        }
        return new UserNames(m);
    }

    /** From lines of passwd text; for tests. */
    public static UserNames of(List<String> lines) {
        Map<Integer, String> m = new HashMap<>();
        for (String line : lines) parseLine(line, m);
        return new UserNames(m);
    }

    private static void parseLine(String line, Map<Integer, String> m) {
        if (line.isBlank() || line.startsWith("#")) return;
        String[] f = line.split(":", -1);
        if (f.length < 3) return;
        try {
            m.putIfAbsent(Integer.parseInt(f[2]), f[0]);
        } catch (NumberFormatException e) {
            // a malformed line names nobody
        }
    }

    /** The name for {@code uid}, or the uid in decimal. */
    public String name(int uid) {
        String n = names.get(uid);
        return n != null ? n : Integer.toUnsignedString(uid);
    }
}

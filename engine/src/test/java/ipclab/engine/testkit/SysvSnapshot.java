package ipclab.engine.testkit;

import ipclab.engine.sys.CreatedObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The System V objects that exist now, read from the kernel's own view in {@code /proc/sysvipc/{shm,msg,sem}}.
 *
 * @param rows per kind, the id and the whole row (to show in a leak report)
 */
public record SysvSnapshot(Map<CreatedObjects.Kind, Map<Integer, Row>> rows) {

    /** One line of /proc/sysvipc/KIND, split into columns by the header's names. */
    public record Row(CreatedObjects.Kind kind, int id, Map<String, String> columns) {
        public long pid(String column) {
            String v = columns.get(column);
            return v == null ? -1 : Long.parseLong(v);
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase() + " id=" + id + " key="
                    + String.format("0x%08x", Integer.parseInt(columns.get("key"))) + " perms=" + columns.get("perms")
                    + " " + columns;
        }
    }

    /** Reads the three files. */
    public static SysvSnapshot take() {
        Map<CreatedObjects.Kind, Map<Integer, Row>> all = new LinkedHashMap<>();
        for (CreatedObjects.Kind kind : CreatedObjects.Kind.values()) {
            all.put(kind, read(kind));
        }
        return new SysvSnapshot(all);
    }

    private static Map<Integer, Row> read(CreatedObjects.Kind kind) {
        Path file = Path.of("/proc/sysvipc", kind.name().toLowerCase());
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Row> out = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return out;
        }
        String[] header = lines.get(0).trim().split("\\s+");
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 2) {
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(cols.length, header.length); i++) {
                m.put(header[i], cols[i]);
            }
            int id = Integer.parseInt(cols[1]);
            out.put(id, new Row(kind, id, m));
        }
        return out;
    }

    /**
     * The objects present now that were not in {@code before} and that belong to this process:
     * got with IPC_CREAT here ({@link CreatedObjects}), or (shm) created by, or (msg) last used by,
     * this JVM or one of the child JVMs it started. Objects of other processes on the machine
     * (other test runs) are never reported.
     */
    public List<Row> newOwnedSince(SysvSnapshot before) {
        Set<Long> pids = new java.util.HashSet<>(ChildJvm.startedPids());
        pids.add(ProcessHandle.current().pid());
        List<Row> leaks = new ArrayList<>();
        for (var e : rows.entrySet()) {
            Map<Integer, Row> old = before.rows.getOrDefault(e.getKey(), Map.of());
            for (Row r : e.getValue().values()) {
                if (old.containsKey(r.id())
                        && old.get(r.id())
                                .columns()
                                .get("key")
                                .equals(r.columns().get("key"))) {
                    continue;
                }
                boolean ours = CreatedObjects.contains(r.kind(), r.id())
                        || (r.kind() == CreatedObjects.Kind.SHM && pids.contains(r.pid("cpid")))
                        || (r.kind() == CreatedObjects.Kind.MSG
                                && (pids.contains(r.pid("lspid")) || pids.contains(r.pid("lrpid"))));
                if (ours) {
                    leaks.add(r);
                }
            }
        }
        return leaks;
    }
}

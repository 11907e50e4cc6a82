package ipclab.engine.inspect;

import ipclab.engine.inspect.SysvObject.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the kernel's own list of System V IPC objects from {@code /proc/sysvipc/{shm,msg,sem}}.
 * Pure Java, no native calls: the same view as util-linux {@code ipcs -a -p}.
 *
 * <p>Columns are found by the names in each file's header line, never by position: kernels add
 * columns (shm gained {@code rss} and {@code swap}) and a newer one may move them. A file whose
 * header lacks a column this reader needs is reported, naming the file and the column.
 *
 * <pre>
 *        key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime ...
 * 1155865107          0   644           0          0     0     0     0     0     0     0          0 ...
 * </pre>
 * The key is printed as a signed decimal int and {@code perms} in octal.
 */
public final class ProcSysvipc {
    /** Where the kernel lists the objects of the calling process's IPC namespace. */
    public static final Path DEFAULT_DIR = Path.of("/proc/sysvipc");

    private final Path dir;

    /** A reader of {@code dir}/shm, msg and sem; tests point it at a directory of fixture files. */
    public ProcSysvipc(Path dir) {
        this.dir = dir;
    }

    /** A reader of {@link #DEFAULT_DIR}. */
    public ProcSysvipc() {
        this(DEFAULT_DIR);
    }

    /** Every object of every kind: shared memory, then message queues, then semaphores, each by id. */
    public List<SysvObject> all() {
        List<SysvObject> out = new ArrayList<>();
        for (Kind k : List.of(Kind.SHM, Kind.MSG, Kind.SEM)) out.addAll(list(k));
        return out;
    }

    /** The objects of one kind, ordered by id. */
    public List<SysvObject> list(Kind kind) {
        Path file = dir.resolve(kind.procName());
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    file + " does not exist: this kernel has no System V IPC "
                            + "(CONFIG_SYSVIPC) or /proc is not mounted",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(kind, file.toString(), lines);
    }

    /**
     * Parses the text of one {@code /proc/sysvipc} file.
     *
     * @param source named in errors, e.g. {@code /proc/sysvipc/msg}
     */
    public static List<SysvObject> parse(Kind kind, String source, List<String> lines) {
        if (lines.isEmpty()) throw new IllegalStateException(source + ": empty, expected a header line");
        Columns c = new Columns(source, lines.getFirst());
        List<SysvObject> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            out.add(c.row(kind, line.split("\\s+"), i + 1));
        }
        out.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return out;
    }

    /** Header column name to position, and typed access to a row's fields by name. */
    private static final class Columns {
        private final String source;
        private final Map<String, Integer> index = new HashMap<>();

        Columns(String source, String header) {
            this.source = source;
            String[] names = header.strip().split("\\s+");
            for (int i = 0; i < names.length; i++) index.put(names[i], i);
        }

        SysvObject row(Kind kind, String[] f, int lineNo) {
            Row r = new Row(kind, f, lineNo);
            return new SysvObject(
                    kind,
                    (int) r.num("key", 10),
                    (int) r.num(kind.idColumn(), 10),
                    (int) r.num("perms", 8),
                    (int) r.num("uid", 10),
                    (int) r.num("gid", 10),
                    (int) r.num("cuid", 10),
                    (int) r.num("cgid", 10),
                    kind == Kind.SHM ? r.num("size", 10) : r.only(Kind.MSG, "cbytes"),
                    r.only(Kind.MSG, "qnum"),
                    (int) r.only(Kind.SEM, "nsems"),
                    r.only(Kind.SHM, "nattch"),
                    (int) r.only(Kind.SHM, "cpid"),
                    (int) r.only(Kind.SHM, "lpid"),
                    (int) r.only(Kind.MSG, "lspid"),
                    (int) r.only(Kind.MSG, "lrpid"),
                    r.numOr("ctime", 0));
        }

        private final class Row {
            private final Kind kind;
            private final String[] fields;
            private final int lineNo;

            Row(Kind kind, String[] fields, int lineNo) {
                this.kind = kind;
                this.fields = fields;
                this.lineNo = lineNo;
            }

            /** A decimal column of one kind's file; -1 (does not apply) for the other kinds. */
            long only(Kind of, String column) {
                return kind == of ? num(column, 10) : -1;
            }

            /** A decimal column some kernels' files (and test fixtures) lack: dflt then. */
            long numOr(String column, long dflt) {
                return index.containsKey(column) ? num(column, 10) : dflt;
            }

            long num(String column, int radix) {
                Integer i = index.get(column);
                if (i == null) {
                    throw new IllegalStateException(source + ": header has no column '" + column + "'; columns are "
                            + index.keySet().stream().sorted().toList());
                }
                if (i >= fields.length) {
                    throw new IllegalStateException(source + ":" + lineNo + ": " + fields.length + " fields, column '"
                            + column + "' is field " + (i + 1));
                }
                try {
                    return Long.parseLong(fields[i], radix);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(
                            source + ":" + lineNo + ": column '" + column + "' = '" + fields[i] + "' is not a base-"
                                    + radix + " number",
                            e);
                }
            }
        }
    }
}

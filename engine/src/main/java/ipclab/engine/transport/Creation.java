package ipclab.engine.transport;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.inspect.SysvObject;
import ipclab.engine.protocol.ChannelHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * One channel's creation as it goes: times each step into the setup costs, tells the
 * {@link ObjectLog} of every object and file before it can exist (a System V object as an intent
 * with its fresh key, confirmed once made: {@link SysvRecorded}; a file, and a private directory
 * after the files it will hold, before it is made), and holds the handle of what exists so far
 * ({@link #made}) so that a failure half-way removes exactly that. The only place a transport
 * makes an object: wrap {@link #sysv} and {@link #privateDir} to change how
 * objects are recorded.
 */
public final class Creation {
    private final String channel;
    private final Map<String, Long> setup;
    private final ObjectLog log;
    private final ChannelObjects owner;
    private ChannelHandle made;

    Creation(String channel, Map<String, Long> setup, ObjectLog log, ChannelObjects owner) {
        this.channel = channel;
        this.setup = setup;
        this.log = log;
        this.owner = owner;
    }

    /** What exists so far; null before the first object. */
    ChannelHandle handle() {
        return made;
    }

    /** Records what exists now (call after each object that a removal must know of). */
    void made(ChannelHandle h) {
        made = h;
    }

    /**
     * Makes a System V object with {@code call} given a fresh key (IPC_CREAT | IPC_EXCL; timed as
     * {@code step}), recorded before and confirmed after ({@link SysvRecorded}).
     */
    int sysv(String step, SysvObject.Kind kind, IntUnaryOperator call) {
        return SysvRecorded.create(step, ObjectKind.of(kind), setup, log, call);
    }

    /** Records a step's cost measured by the caller. */
    void step(String step, long nanos) {
        setup.put(step, nanos);
    }

    /** Runs a step and records its cost. */
    void timed(String step, Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        setup.put(step, System.nanoTime() - t0);
    }

    /** Runs a step that yields a value and records its cost. */
    <T> T timed(String step, Supplier<T> s) {
        long t0 = System.nanoTime();
        T v = s.get();
        setup.put(step, System.nanoTime() - t0);
        return v;
    }

    /** The supervisor stays attached through this arena until removal (opened before the attach, so a failed attach closes it). */
    void attachment(Arena arena) {
        owner.attachment(channel, arena);
    }

    /** The supervisor's attachment of the channel's segment. */
    void segment(MemorySegment seg) {
        owner.segment(channel, seg);
    }

    /**
     * A private (0700) directory for the channel's files, under a fresh random name in the temp
     * directory: the files it will hold ({@code files}, by name) and then the directory itself are
     * logged before it is made, so that a crash at any point leaves nothing the registry does not
     * name (and {@code clean} removes files before their directories).
     */
    Path privateDir(String... files) {
        Path tmp =
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        String base = "ipclab-" + channel.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        for (int attempt = 1; ; attempt++) {
            Path dir = tmp.resolve(base + Long.toUnsignedString(RANDOM.nextLong(), 36));
            for (String f : files)
                log.created(ObjectKind.FILE, -1, 0, dir.resolve(f).toString());
            log.created(ObjectKind.FILE, -1, 0, dir.toString());
            try {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return dir;
            } catch (IOException e) {
                log.removed(ObjectKind.FILE, -1, dir.toString());
                for (String f : files)
                    log.removed(ObjectKind.FILE, -1, dir.resolve(f).toString());
                if (e instanceof java.nio.file.FileAlreadyExistsException && attempt < 16) continue;
                throw new UncheckedIOException(
                        "cannot make a private directory for channel " + channel + ": " + e.getMessage(), e);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
}

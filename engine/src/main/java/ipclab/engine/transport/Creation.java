package ipclab.engine.transport;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.inspect.SysvObject;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.sys.Ipc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One channel's creation as it goes: times each step into the setup costs, tells the
 * {@link ObjectLog} of every object and file (a System V object right after the call that made
 * it, a file before it is made), and holds the handle of what exists so far ({@link #made}) so
 * that a failure half-way removes exactly that. The only place a transport makes an object: wrap
 * {@link #sysv} and {@link #file} to change how objects are recorded.
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
    ChannelHandle handle() { return made; }

    /** Records what exists now (call after each object that a removal must know of). */
    void made(ChannelHandle h) { made = h; }

    /** Makes a System V object with {@code call} (timed as {@code step}), then logs it (key IPC_PRIVATE). */
    int sysv(String step, SysvObject.Kind kind, IntSupplier call) {
        long t0 = System.nanoTime();
        int id = call.getAsInt();
        setup.put(step, System.nanoTime() - t0);
        log.created(ObjectKind.of(kind), id, Ipc.IPC_PRIVATE, null);
        return id;
    }

    /** Logs a file, then makes it with {@code make} (untimed: the caller times the step around it). */
    void file(Path p, Runnable make) {
        log.created(ObjectKind.FILE, -1, 0, p.toString());
        make.run();
    }

    /** Records a step's cost measured by the caller. */
    void step(String step, long nanos) { setup.put(step, nanos); }

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
    void attachment(Arena arena) { owner.attachment(channel, arena); }

    /** The supervisor's attachment of the channel's segment. */
    void segment(MemorySegment seg) { owner.segment(channel, seg); }

    /** A private (0700) temp directory for the channel's files, logged once made. */
    Path privateDir() {
        try {
            Path dir = Files.createTempDirectory("ipclab-" + channel.replaceAll("[^A-Za-z0-9_-]", "_") + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            log.created(ObjectKind.FILE, -1, 0, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a private directory for channel " + channel + ": " + e.getMessage(), e);
        }
    }
}

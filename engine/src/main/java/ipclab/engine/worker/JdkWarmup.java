package ipclab.engine.worker;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/**
 * JDK internals that every worker initialises before "ready", started at {@code main} on a thread
 * of their own, so that they run while the main thread reads and parses its spec and starts its
 * control thread instead of after it.
 *
 * <p>What they are (a worker's class-load log, bench/HISTORY.md "Session 6: start-up"): the first
 * memory access through a {@link ValueLayout} initialises the JDK's {@code LayoutPath} and
 * {@code jdk.internal.foreign.Utils}, whose method handles spin seven LambdaForm classes with the
 * class-file API (the JDK 25 AOT cache keeps none of them: it does not regenerate the
 * method-handle holder classes); the first copy between a segment and an array spins the type
 * switch of {@code Utils.BaseAndScale}; {@link CRC32C} builds its tables in its static initialiser.
 * Class initialisation is once per JVM and locked: the main thread, if it gets there first, does
 * the work itself or waits for this thread to finish it, never twice. Nothing here is a worker's
 * state: a failure is ignored (the main thread meets it again, and reports it).
 */
final class JdkWarmup implements Runnable {
    private JdkWarmup() {}

    /** Starts the warm-up (a daemon thread; it ends in a few milliseconds). */
    static void start() {
        Thread t = new Thread(new JdkWarmup(), "ipclab-jdk-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            // native, as the channels' buffers: a heap segment would add a type to the JDK's profiles
            MemorySegment s = Arena.global().allocate(16, 8);
            s.set(ValueLayout.JAVA_LONG, 0, 1L);
            byte[] b = new byte[8];
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, 0, b, 0, b.length);
            new CRC32C().update(b, 0, b.length);
        } catch (RuntimeException | LinkageError e) {
            // an optimisation only: the main thread initialises what failed here, and reports it
        }
    }
}

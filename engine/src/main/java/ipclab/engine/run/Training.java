package ipclab.engine.run;

import ipclab.engine.worker.WorkerMain;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;

/**
 * The AOT cache's training run (this class's {@link #main}, run once with
 * {@code -XX:AOTCacheOutput}, see {@link WorkerCommand}): real workers ({@link WorkerMain#run} on
 * threads of this JVM) driven by {@link TrainingDriver}, which plays their supervisor.
 *
 * <p>The JDK 25 AOT cache keeps the classes the application class loader loaded during training,
 * and a JVM started with the cache loads all of them before {@code main} (AOT class linking): the
 * more the training loads, the longer every worker takes to start. So only the workers' side runs
 * in the application class loader; the driver runs in a class loader of its own over the same class
 * path, whose classes (planning, making the objects, the run record's Jackson databind: about 900
 * classes) are not among those every worker loads at start (bench/HISTORY.md "Session 4: start-up").
 * The two sides share only JDK types: a worker's lines are queues of strings.
 */
final class Training {
    private Training() {}

    /** {@link TrainingDriver}, by name: a class literal would load it into this loader too. */
    private static final String DRIVER = "ipclab.engine.run.TrainingDriver";

    /** The training JVM's entry point; no arguments. */
    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator))
            if (!e.isEmpty()) urls.add(url(e));
        try (URLClassLoader driverLoader = new URLClassLoader(
                "ipclab-training-driver", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> driver = Class.forName(DRIVER, true, driverLoader);
            Method drive = driver.getDeclaredMethod("drive", BiConsumer.class);
            drive.setAccessible(true);
            BiConsumer<BlockingQueue<String>, BlockingQueue<String>> start = Training::startWorker;
            drive.invoke(null, start);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("class path entry " + entry, e);
        }
    }

    /** One worker: {@link WorkerMain#run} on a daemon thread, its stdin and stdout as queues of lines. */
    static void startWorker(BlockingQueue<String> toWorker, BlockingQueue<String> fromWorker) {
        Thread t = new Thread(
                () -> WorkerMain.run(new BufferedReader(new QueueReader(toWorker)), new LineSink(fromWorker), null),
                "ipclab-train-worker");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The worker's stdin: lines from a queue. It never reports the end of input (at the end of
     * its input a worker halts the JVM, as its supervisor is gone); it blocks instead.
     */
    private static final class QueueReader extends Reader {
        private final BlockingQueue<String> lines;
        private String cur = "";
        private int pos;

        QueueReader(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buf, int off, int len) throws InterruptedIOException {
            if (len == 0) return 0;
            while (pos >= cur.length()) {
                try {
                    cur = lines.take() + "\n";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
                pos = 0;
            }
            int n = Math.min(len, cur.length() - pos);
            cur.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }

    /** The worker's stdout: each line into a queue. */
    private static final class LineSink extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream cur = new ByteArrayOutputStream();

        LineSink(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(cur.toString(StandardCharsets.UTF_8));
                cur.reset();
            } else {
                cur.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) write(b[off + i]);
        }
    }
}

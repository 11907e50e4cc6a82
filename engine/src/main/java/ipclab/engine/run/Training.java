package ipclab.engine.run;

import ipclab.engine.worker.WorkerMain;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The JVM that records the AOT cache (run with {@code -XX:AOTCacheOutput} by {@link TrainingDriver},
 * see {@link WorkerCommand}): nothing but real workers ({@link WorkerMain#run} on threads), whose
 * protocol lines the driver, another JVM, multiplexes over this JVM's stdin and stdout as
 * {@code <worker id> <line>}. A line for a new id starts that worker; the end of stdin ends the JVM
 * (and writes the cache).
 *
 * <p>Why two JVMs: the JDK 25 AOT cache keeps every class the training JVM loaded from the built-in
 * loaders, and a JVM started with the cache loads all of them before {@code main} (AOT class
 * linking), so every class in it costs every worker start. When the driver (planning, making and
 * removing the objects, the run record's Jackson databind) ran in this JVM, even in a class loader
 * of its own, the JDK classes it used (reflection generics, regex, locale data, management, security
 * providers: ~900 classes no worker loads) were in the cache, preloaded by every worker
 * (bench/HISTORY.md "Session 6: start-up").
 */
final class Training {
    private Training() {}

    /** The training JVM's entry point; no arguments. */
    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
        Map<String, BlockingQueue<String>> workers = new HashMap<>();
        String l;
        while ((l = in.readLine()) != null) {
            int sp = l.indexOf(' ');
            if (sp <= 0) throw new IllegalArgumentException("not '<worker id> <line>': " + l);
            String id = l.substring(0, sp);
            BlockingQueue<String> toWorker = workers.get(id);
            if (toWorker == null) {
                toWorker = new LinkedBlockingQueue<>();
                workers.put(id, toWorker);
                startWorker(id, toWorker, out);
            }
            toWorker.add(l.substring(sp + 1));
        }
        // the driver is done: every worker has reported; their threads are daemons
    }

    /** One worker: {@link WorkerMain#run} on a daemon thread, its stdin a queue of lines, its stdout {@code out} under its id. */
    private static void startWorker(String id, BlockingQueue<String> toWorker, OutputStream out) {
        Thread t = new Thread(new Worker(id, toWorker, out), "ipclab-train-worker-" + id);
        t.setDaemon(true);
        t.start();
    }

    /** A class, not a lambda: the fewer classes this JVM loads that no worker does, the smaller the cache. */
    private static final class Worker implements Runnable {
        private final String id;
        private final BlockingQueue<String> toWorker;
        private final OutputStream out;

        Worker(String id, BlockingQueue<String> toWorker, OutputStream out) {
            this.id = id;
            this.toWorker = toWorker;
            this.out = out;
        }

        @Override
        public void run() {
            WorkerMain.run(new BufferedReader(new QueueReader(toWorker)), new LineSink(id, out), null);
        }
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

    /** The worker's stdout: each line, prefixed with the worker's id, to the shared stdout (whole lines, flushed). */
    private static final class LineSink extends OutputStream {
        private final byte[] prefix;
        private final OutputStream out;
        private final ByteArrayOutputStream cur = new ByteArrayOutputStream();

        LineSink(String id, OutputStream out) {
            this.prefix = (id + " ").getBytes(StandardCharsets.UTF_8);
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            cur.write(b);
            if (b != '\n') return;
            synchronized (out) {
                out.write(prefix);
                cur.writeTo(out);
                out.flush();
            }
            cur.reset();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) write(b[off + i]);
        }
    }
}

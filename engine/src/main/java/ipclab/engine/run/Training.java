package ipclab.engine.run;

import static ipclab.dsl.Scenarios.echo;
import static ipclab.dsl.Scenarios.incrementer;
import static ipclab.dsl.Scenarios.msgq;
import static ipclab.dsl.Scenarios.pinger;
import static ipclab.dsl.Scenarios.pipe;
import static ipclab.dsl.Scenarios.reader;
import static ipclab.dsl.Scenarios.scenario;
import static ipclab.dsl.Scenarios.shm;
import static ipclab.dsl.Scenarios.socket;
import static ipclab.dsl.Scenarios.writer;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.Wire;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.CpuSet;
import ipclab.engine.transport.ChannelObjects;
import ipclab.engine.worker.WorkerMain;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The AOT cache's training run (this class's {@link #main}, run once with
 * {@code -XX:AOTCacheOutput}, see {@link WorkerCommand}): what real workers do, so that the classes they load, the
 * LambdaForms they spin and the method profiles they gather are in the cache.
 *
 * <p>For each channel type (msgq, shm with a semaphore and with spinning, an incrementer race,
 * unix and tcp sockets, a FIFO) it makes the channel's objects as the supervisor does
 * ({@link ChannelObjects}: IPC_PRIVATE keys, a private temp directory), then runs each of the
 * channel's processes through {@link WorkerMain#run} on a thread of this JVM, talking the real
 * protocol (spec, ready, go, report) over in-memory lines, for a few hundred messages. The
 * objects are removed in a finally block whatever happens; a scenario that fails or hangs
 * (10 s) is skipped: training is an optimisation and never fails a run.
 */
final class Training {
    private Training() {}

    private static final long WAIT_SECONDS = 10;

    /** The training JVM's entry point; no arguments. */
    public static void main(String[] args) {
        run();
    }

    static void run() {
        // The bench scenarios' path too: pinned workers (to every online CPU, so that the training
        // JVM, whose threads these workers are, is not confined) and equal-work checks.
        Integer[] everyCpu =
                java.util.Arrays.stream(CpuSet.online().cpus()).boxed().toArray(Integer[]::new);
        List<Scenario> all = List.of(
                scenario("train-msgq")
                        .channel(msgq("c").verify(Verify.ENDS))
                        .process(pinger("p")
                                .channel("c")
                                .messages(300)
                                .warmup(100)
                                .cpus(everyCpu))
                        .process(echo("e").channel("c").cpus(everyCpu))
                        .build(),
                scenario("train-msgq-stream")
                        .channel(msgq("c").verify(Verify.ENDS).sample(64))
                        .process(writer("w").channel("c").messages(500).cpus(everyCpu))
                        .process(reader("r").channel("c").cpus(everyCpu))
                        .build(),
                scenario("train-shm-sem")
                        .channel(shm("c").sync(Sync.SEMAPHORE))
                        .process(pinger("p").channel("c").messages(300).warmup(100))
                        .process(echo("e").channel("c"))
                        .build(),
                scenario("train-shm-spin")
                        .channel(shm("c").sync(Sync.SPIN).verify(Verify.ENDS).sample(64))
                        .process(writer("w").channel("c").messages(500))
                        .process(reader("r").channel("c"))
                        .build(),
                scenario("train-race")
                        .channel(shm("c").sync(Sync.ATOMIC))
                        .process(incrementer("i").channel("c").replicas(2).messages(500))
                        .build(),
                scenario("train-unix")
                        .channel(socket("c", SocketDomain.UNIX))
                        .process(pinger("p").channel("c").messages(300).warmup(100))
                        .process(echo("e").channel("c"))
                        .build(),
                scenario("train-tcp")
                        .channel(socket("c", SocketDomain.TCP))
                        .process(writer("w").channel("c").messages(500))
                        .process(reader("r").channel("c"))
                        .build(),
                scenario("train-pipe")
                        .channel(pipe("c"))
                        .process(pinger("p").channel("c").messages(300).warmup(100))
                        .process(echo("e").channel("c"))
                        .build());
        for (Scenario s : all) {
            long t0 = System.nanoTime();
            String outcome;
            try {
                outcome = train(ScenarioLoader.plan(s).plans().getFirst());
            } catch (Exception | LinkageError e) {
                outcome = "skipped: " + e;
            }
            System.err.println("ipclab training: " + s.name() + " " + outcome + " in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    /** One plan, one channel: make its objects, run its processes to their reports, remove the objects. */
    private static String train(Plan plan) throws Exception {
        PlannedChannel ch = plan.channels().getFirst();
        ChannelObjects objects = new ChannelObjects();
        // Registered like a run's objects, so that a training JVM killed mid-way leaks nothing:
        // the next 'ipclab run' or 'ipclab clean' removes what it made.
        RunRecord quiet = RunRecord.standalone("aot-" + plan.scenario().name());
        ChannelHandle h;
        try {
            h = objects.create(ch, plan, quiet);
        } catch (RuntimeException e) {
            quiet.delete();
            throw e;
        }
        List<Lines> workers = new ArrayList<>();
        try {
            List<PlannedProcess> procs = plan.processesOn(ch.name());
            for (PlannedProcess p : procs) {
                Lines w = new Lines(p.name());
                workers.add(w);
                w.toWorker.add(Wire.spec(new WorkerSpec(p, ch, h, procs, plan.seed(), false)));
                w.start();
            }
            for (Lines w : workers) if (!w.expect("ready")) return "failed: " + w.name + " not ready";
            objects.allAttached(h, quiet);
            for (Lines w : workers) w.toWorker.add(Wire.command("go"));
            for (Lines w : workers) if (!w.expect("report")) return "failed: " + w.name + " sent no report";
            return "ok";
        } finally {
            for (Lines w : workers) w.toWorker.add(Wire.command("stop"));
            objects.remove(h, quiet);
            quiet.delete();
        }
    }

    /** One in-JVM worker: WorkerMain.run on a daemon thread, its stdin and stdout as queues of lines. */
    private static final class Lines extends Thread {
        final String name;
        final BlockingQueue<String> toWorker = new LinkedBlockingQueue<>();
        final BlockingQueue<String> fromWorker = new LinkedBlockingQueue<>();

        Lines(String name) {
            super("ipclab-train-" + name);
            this.name = name;
            setDaemon(true);
        }

        @Override
        public void run() {
            WorkerMain.run(new BufferedReader(new QueueReader(toWorker)), new LineSink(fromWorker), null);
        }

        /** Waits for a line of this type; false on an error line, a timeout or the end. */
        boolean expect(String type) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String line = fromWorker.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) return false;
                String t = Wire.str(Wire.parse(line), "type");
                if (t.equals(type)) return true;
                if (t.equals("error")) {
                    System.err.println("ipclab training: " + name + ": " + line);
                    return false;
                }
            }
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
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            if (len == 0) return 0;
            while (pos >= cur.length()) {
                try {
                    cur = lines.take() + "\n";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
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
        private final java.io.ByteArrayOutputStream cur = new java.io.ByteArrayOutputStream();

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

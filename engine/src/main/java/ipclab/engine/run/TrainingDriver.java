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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The supervisor's side of the AOT cache's training: what real workers do, so that the classes
 * they load are in the cache. Its own JVM ({@link #main}, started by {@link WorkerCommand#startTraining}),
 * which starts the recording JVM ({@link Training}, with {@code -XX:AOTCacheOutput}) and talks to
 * its workers over its stdin and stdout, one {@code <worker id> <line>} per line: what only a
 * supervisor needs (planning, making and removing the objects, the run record's Jackson databind,
 * and the JDK classes all these use) stays out of the cache that every worker loads at start.
 *
 * <p>For each channel type (msgq, shm with a semaphore and with spinning, an incrementer race,
 * unix and tcp sockets, a FIFO) it makes the channel's objects as the supervisor does
 * ({@link ChannelObjects}: IPC_PRIVATE keys, a private temp directory), then has each of the
 * channel's processes run by a worker of the training JVM, talking the real protocol (spec, ready,
 * go, report), for a few hundred messages. The objects are removed in a finally block whatever
 * happens; a scenario that fails or hangs (10 s) is skipped: training is an optimisation and never
 * fails a run.
 */
final class TrainingDriver {
    private TrainingDriver() {}

    private static final long WAIT_SECONDS = 10;

    /** Starts a worker of the training JVM on the given lines (to it, from it). */
    private static BiConsumer<BlockingQueue<String>, BlockingQueue<String>> workers;

    /**
     * Runs the training: {@code TrainingDriver <cache file>} starts the recording JVM (the workers'
     * JVM, flags and class path, with {@code -XX:AOTCacheOutput=<cache file>}), drives its workers
     * through every training scenario, ends its input and waits for it to write the cache. Exit
     * status 0 when the cache was written.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: TrainingDriver <cache file to write>");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(WorkerCommand.FLAGS);
        cmd.add("-XX:AOTCacheOutput=" + args[0]);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerCommand.TRAINING_MAIN));
        int status = drive(cmd).status();
        System.exit(status == 0 && Files.isRegularFile(Path.of(args[0])) ? 0 : 1);
    }

    /** What a training came to: each scenario's outcome ("ok", "failed: ...", "skipped: ..."), the training JVM's exit status. */
    record Result(Map<String, String> outcomes, int status) {}

    /** Starts the training JVM with {@code trainerCommand}, drives its workers through every scenario, ends it. */
    static Result drive(List<String> trainerCommand) throws IOException, InterruptedException {
        Process trainer = new ProcessBuilder(trainerCommand)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Mux mux = new Mux(trainer);
        workers = mux::start;
        Map<String, String> outcomes;
        try {
            outcomes = run();
        } finally {
            trainer.getOutputStream().close(); // the end of its input ends the training JVM, which writes the cache
        }
        return new Result(outcomes, trainer.waitFor());
    }

    /** The training JVM's stdin and stdout, shared by its workers: each line carries the worker's id. */
    private static final class Mux {
        private final Writer toTrainer;
        private final Map<String, BlockingQueue<String>> fromWorkers = new ConcurrentHashMap<>();
        private int next;

        Mux(Process trainer) {
            this.toTrainer = new OutputStreamWriter(trainer.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> read(trainer), "ipclab-train-mux");
            reader.setDaemon(true);
            reader.start();
        }

        /** A new worker: lines put on {@code toWorker} go to it, its lines land on {@code fromWorker}. */
        synchronized void start(BlockingQueue<String> toWorker, BlockingQueue<String> fromWorker) {
            String id = Integer.toString(next++);
            fromWorkers.put(id, fromWorker);
            Thread pump = new Thread(() -> pump(id, toWorker), "ipclab-train-to-" + id);
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(String id, BlockingQueue<String> toWorker) {
            try {
                while (true) {
                    String line = toWorker.take();
                    synchronized (toTrainer) {
                        toTrainer.write(id + " " + line + "\n");
                        toTrainer.flush();
                    }
                }
            } catch (InterruptedException | IOException e) {
                // the training JVM is gone or the driver is done: the worker's lines end here
            }
        }

        private void read(Process trainer) {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(trainer.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    int sp = l.indexOf(' ');
                    BlockingQueue<String> q = sp > 0 ? fromWorkers.get(l.substring(0, sp)) : null;
                    if (q != null) q.add(l.substring(sp + 1));
                    else System.err.println(l); // the JVM's own (the AOT cache being written)
                }
            } catch (IOException e) {
                // the training JVM ended; waiting workers time out
            }
        }
    }

    private static Map<String, String> run() {
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
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
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
            outcomes.put(s.name(), outcome);
        }
        return outcomes;
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

    /** One worker of the training JVM, seen from here: its lines to and from it. */
    private static final class Lines {
        final String name;
        final BlockingQueue<String> toWorker = new LinkedBlockingQueue<>();
        final BlockingQueue<String> fromWorker = new LinkedBlockingQueue<>();

        Lines(String name) {
            this.name = name;
        }

        void start() {
            workers.accept(toWorker, fromWorker);
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
}

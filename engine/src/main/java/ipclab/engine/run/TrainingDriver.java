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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The supervisor's side of the AOT cache's training ({@link Training}): what real workers do, so that
 * the classes they load and the method profiles they gather are in the cache. Loaded by a class
 * loader of its own (see {@link Training#main}), so that what only a supervisor needs (planning,
 * making and removing the objects, the run record's Jackson databind) stays out of the classes
 * every worker loads at start.
 *
 * <p>For each channel type (msgq, shm with a semaphore and with spinning, an incrementer race,
 * unix and tcp sockets, a FIFO) it makes the channel's objects as the supervisor does
 * ({@link ChannelObjects}: IPC_PRIVATE keys, a private temp directory), then has each of the
 * channel's processes run by a worker of the training JVM ({@link Training}), talking the real
 * protocol (spec, ready, go, report) over in-memory lines, for a few hundred messages. The
 * objects are removed in a finally block whatever happens; a scenario that fails or hangs
 * (10 s) is skipped: training is an optimisation and never fails a run.
 */
final class TrainingDriver {
    private TrainingDriver() {}

    private static final long WAIT_SECONDS = 10;

    /** Starts a worker on the given lines (to it, from it): {@link Training}'s, in the application class loader. */
    private static BiConsumer<BlockingQueue<String>, BlockingQueue<String>> workers;

    /** Called reflectively by {@link Training#main}, in this class's own loader. */
    static void drive(BiConsumer<BlockingQueue<String>, BlockingQueue<String>> startWorker) {
        workers = startWorker;
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

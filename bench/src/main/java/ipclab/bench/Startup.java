package ipclab.bench;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Engine;
import ipclab.engine.run.Registry;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.WorkerCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Worker start-up against a bare JVM: each round starts, in turn, a JVM that prints hello (the
 * workers' JVM flags and class path; spawn to exit), then a real run of a msgq pingpong without
 * the AOT cache and one with it, and takes each worker's spawn-to-ready from the run's report.
 * Prints the medians and quartiles, and the spread of the per-round ratio (the slower of the two
 * workers with the AOT cache against that round's bare JVM), the figure to trust on a loaded machine. Run by {@code bench/startup.sh}; the aim is a worker ready in at
 * most twice the bare JVM's time.
 *
 * <p>Usage: {@code Startup [ROUNDS]} (default 9; the first round only warms the page cache);
 * {@code Startup --hello-command} prints the bare JVM's command line, one argument a line.
 */
public final class Startup {
    /** The bare JVM's whole work. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    private static final String SCENARIO = """
            name: startup
            channels:
              link: {type: msgq}
            processes:
              ping: {role: pinger, channel: link, messages: 100, warmup: 100}
              pong: {role: echo, channel: link}
            """;

    private Startup() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--hello-command")) {
            helloCommand().forEach(System.out::println); // for bench/startup-phases.sh: one argument a line
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Plan plan = ScenarioLoader.fromYaml(SCENARIO, "startup.yaml").plans().getFirst();
        Path state = Registry.stateDir();
        WorkerCommand wc = WorkerCommand.forThisJvm(state);
        Path cache = wc.cacheFile();
        if (cache == null)
            throw new IllegalStateException("the class path has a directory: no AOT cache possible; run with jars");
        if (!Files.isRegularFile(cache)) {
            long t0 = System.nanoTime();
            Process p = wc.startTraining(cache);
            if (p != null) p.waitFor();
            for (int i = 0; i < 600 && !Files.isRegularFile(cache); i++) Thread.sleep(100); // another trainer
            System.out.printf(Locale.ROOT, "AOT cache trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "AOT cache: %s (%d MB)%n", cache, Files.size(cache) >> 20);
        List<Double> hello = new ArrayList<>(), plain = new ArrayList<>(), aot = new ArrayList<>();
        List<Double> roundRatios = new ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            double h = hello();
            List<Double> p = workers(plan, false);
            List<Double> a = workers(plan, true);
            if (i == 0) continue;
            hello.add(h);
            plain.addAll(p);
            aot.addAll(a);
            roundRatios.add(Math.max(a.get(0), a.get(1)) / h);
        }
        System.out.printf(
                Locale.ROOT, "%-36s %8s %8s %8s %6s%n", "(" + rounds + " rounds, ms)", "median", "p25", "p75", "n");
        double base = row("bare JVM hello, spawn->exit", hello);
        double noAot = row("worker spawn->ready, no AOT cache", plain);
        double withAot = row("worker spawn->ready, AOT cache", aot);
        System.out.printf(
                Locale.ROOT, "ratio to the bare JVM: no AOT %.2f, AOT %.2f (aim <= 2)%n", noAot / base, withAot / base);
        Collections.sort(roundRatios);
        System.out.printf(
                Locale.ROOT,
                "per round, slower AOT worker / bare JVM: median %.2f, min %.2f, max %.2f%n",
                roundRatios.get(roundRatios.size() / 2),
                roundRatios.getFirst(),
                roundRatios.getLast());
    }

    static double row(String name, List<Double> v) {
        Collections.sort(v);
        double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        System.out.printf(
                Locale.ROOT,
                "%-36s %8.0f %8.0f %8.0f %6d%n",
                name,
                median,
                v.get(v.size() / 4),
                v.get(v.size() * 3 / 4),
                v.size());
        return median;
    }

    /** The workers' JVM, flags and class path, printing hello: spawn to exit. */
    static double hello() throws Exception {
        List<String> cmd = helloCommand();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The bare JVM's command: the workers' launcher, JVM, flags and class path, printing hello. */
    static List<String> helloCommand() {
        List<String> cmd = new ArrayList<>(WorkerCommand.launcher());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(WorkerCommand.flags());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Hello.class.getName()));
        return cmd;
    }

    static List<Double> workers(Plan plan, boolean useAot) throws Exception {
        RunReport r = Engine.run(plan, RunOptions.defaults().with(set -> set.aot = useAot));
        if (!r.ok()) throw new IllegalStateException("start-up run failed: " + r.failures());
        List<Double> v = new ArrayList<>();
        for (RunReport.ProcessFigures p : r.processes()) v.add(p.spawnToReadyMs());
        return v;
    }
}

package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Start-up benchmark (a main, not a test): a bare JVM printing hello, against spawn-to-ready of a
 * worker without and with the AOT cache. Needs jars on the class path (for the cache):
 *
 * <pre>
 *   mvn -pl engine -am package -DskipTests
 *   mvn -pl engine dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java --enable-native-access=ALL-UNNAMED \
 *     -cp engine/target/ipclab-engine-0.1.0-SNAPSHOT.jar:engine/target/ipclab-engine-0.1.0-SNAPSHOT-tests.jar:$(cat engine/target/cp.txt) \
 *     ipclab.engine.run.StartupBench [rounds] [factory]
 * </pre>
 *
 * Each round runs every configuration once (round robin), so background load hits them alike.
 *
 * <p>Measured 2026-11-23 on the 2-core VM while other builds ran (load average 7-8), median ms:
 * <pre>
 *   test role, 1 worker (10 rounds):  hello 215   worker no AOT 438   worker AOT 325   (AOT = 1.5x hello)
 *   real roles, 4 workers at once (many-to-many-msgq, 6 rounds, mean of the 4):  no AOT 2182   AOT 1205
 *   AOT cache: 14 MB, training 2.5-7 s (in the background on first use)
 * </pre>
 * factory: {@code test} (default: one worker with a trivial role, no kernel object) or {@code real}
 * (scenarios/many-to-many-msgq.yaml: four workers with the real roles and channels, started
 * together; the mean of their spawn-to-ready; run from the repository root).
 */
public final class StartupBench {
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        boolean real = args.length > 1 && args[1].equals("real");
        Path state = Files.createTempDirectory("ipclab-bench");
        WorkerCommand wc = WorkerCommand.forThisJvm(state);
        Path cache = wc.cacheFile();
        if (cache == null)
            throw new IllegalStateException("the class path has a directory: no AOT cache possible; run with jars");
        long t0 = System.nanoTime();
        Process training = wc.startTraining(cache);
        int rc = training.waitFor();
        System.out.printf(
                Locale.ROOT,
                "AOT cache trained in %.1f s (exit %d), %d MB: %s%n",
                (System.nanoTime() - t0) / 1e9,
                rc,
                Files.size(cache) >> 20,
                cache);
        List<Double> hello = new ArrayList<>(), plain = new ArrayList<>(), aot = new ArrayList<>();
        for (int i = 0; i < rounds + 1; i++) {
            double h = hello();
            double p = worker(state, false, real);
            double a = worker(state, true, real);
            if (i == 0) continue; // warm the page cache
            hello.add(h);
            plain.add(p);
            aot.add(a);
        }
        System.out.printf(
                Locale.ROOT, "%-28s %8s %8s %8s%n", "configuration (" + rounds + " rounds)", "median", "p25", "p75");
        row("bare JVM hello (spawn->exit)", hello);
        row("worker spawn->ready, no AOT", plain);
        row("worker spawn->ready, AOT", aot);
    }

    static void row(String name, List<Double> v) {
        Collections.sort(v);
        System.out.printf(
                Locale.ROOT,
                "%-28s %8.0f %8.0f %8.0f ms%n",
                name,
                v.get(v.size() / 2),
                v.get(v.size() / 4),
                v.get(v.size() * 3 / 4));
    }

    static double hello() throws Exception {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-cp",
                System.getProperty("java.class.path"),
                Hello.class.getName());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double worker(Path state, boolean useAot, boolean real) throws Exception {
        RunOptions o = RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.aot = useAot;
        });
        Plan plan;
        if (real) {
            plan = ipclab.dsl.ScenarioLoader.load(Path.of("scenarios", "many-to-many-msgq.yaml"))
                    .plans()
                    .getFirst();
        } else {
            o = o.with(set -> {
                set.agentFactory = TestAgents.class.getName();
                set.channels = new TestPlans.NoObjects();
            });
            plan = TestPlans.plan("bench", TestPlans.msgq("c"), Duration.ofSeconds(60), 0, "bench", 1);
        }
        RunReport r = Engine.run(plan, o);
        if (!r.ok()) throw new IllegalStateException("bench run failed: " + r.failures());
        return r.processes().stream()
                .mapToDouble(RunReport.ProcessFigures::spawnToReadyMs)
                .average()
                .orElseThrow();
    }
}

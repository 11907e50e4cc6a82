package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.testkit.ChildJvm;
import ipclab.engine.testkit.LeakGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM running the engine, stopped as a stopped test run is ({@code pkill -f}: SIGTERM to
 * it and to every worker at once) at a random moment of back-to-back msgq runs — while objects
 * are made, while workers start, mid-run, while a run removes its objects. Its run's shutdown
 * hook and the test kit's exit sweep ({@link LeakGuard.Leaks#sweepOnExit}) race the engine's
 * threads and the dying workers; then {@link Cleaner#clean} of its state directory. Nothing with
 * the child's key tag may be left in the kernel, no registry file, no process. 3 moments in the
 * suite, 20 under the {@code long} tag; {@code -Dipclab.stopped.seed=N} replays a seed.
 */
class StoppedEngineJvmTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    @Timeout(300)
    void threeStopsLeaveNothing(@TempDir Path tmp) throws Exception {
        stops(3, tmp);
    }

    @Test
    @Tag("long")
    @Timeout(1800)
    void twentyStopsLeaveNothing(@TempDir Path tmp) throws Exception {
        stops(20, tmp);
    }

    private static void stops(int n, Path tmp) throws Exception {
        long seed = Long.getLong("ipclab.stopped.seed", System.nanoTime());
        Random r = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int tag = 0x1000 + r.nextInt(0xe000);
            Path state = Files.createDirectories(tmp.resolve("state-" + i));
            int delayMs = r.nextInt(2500);
            List<String> flags = new ArrayList<>(ChildJvm.FAST_START);
            flags.add("-Dipclab.key.tag=" + tag);
            try (ChildJvm child = ChildJvm.start(flags, EngineHolder.class, state.toString())) {
                assertEquals("run 1", child.readLine(WAIT), child.stderr());
                child.process().waitFor(delayMs, TimeUnit.MILLISECONDS);
                List<ProcessHandle> tree =
                        new ArrayList<>(List.of(child.process().toHandle()));
                tree.addAll(child.process().descendants().toList());
                for (ProcessHandle h : tree) h.destroy(); // SIGTERM, all at once
                if (!child.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                    problems.add("stop " + (i + 1) + ": still running " + WAIT.toSeconds() + " s after SIGTERM");
                for (ProcessHandle h : tree) h.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            Cleaner.Result clean = Cleaner.clean(state.resolve("runs"));
            List<String> left = left(tag, state.resolve("runs"));
            System.out.println("StoppedEngineJvmTest: stop " + (i + 1) + " at " + delayMs
                    + " ms after run 1 began; clean " + clean.removed() + "; left " + left);
            if (!left.isEmpty()) problems.add("stop " + (i + 1) + " at " + delayMs + " ms: left " + left);
        }
        assertEquals(List.of(), problems, "seed " + seed + " (replay with -Dipclab.stopped.seed=" + seed + ")");
    }

    /** Objects with the key tag, and registry files. */
    private static List<String> left(int tag, Path runs) throws Exception {
        List<String> left = new ArrayList<>();
        for (String kind : List.of("shm", "msg", "sem")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc", kind));
            for (String l : lines.subList(1, lines.size())) {
                int key = (int) Long.parseLong(l.strip().split("\\s+")[0]);
                if ((key >>> 16) == tag) left.add(kind + " " + l.strip());
            }
        }
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                s.filter(f -> f.toString().endsWith(".json")).forEach(f -> left.add("registry file " + f));
            }
        }
        return left;
    }

    /** A test JVM running short msgq runs back to back through the engine, as the suite's tests do. */
    public static final class EngineHolder {
        public static void main(String[] args) throws Exception {
            LeakGuard.Leaks.sweepOnExit();
            Plan plan = ScenarioLoader.fromYaml("""
                            name: stopped
                            timeout: 30s
                            channels:
                              q: {type: msgq}
                            processes:
                              w: {role: writer, channel: q, duration: 500ms, rate: 2000/s}
                              r: {role: reader, channel: q}
                            """, "stopped.yaml").plans().getFirst();
            RunOptions opts = RunOptions.defaults().with(set -> set.stateDir = Path.of(args[0]));
            for (int i = 1; ; i++) {
                Run run = Engine.start(plan, opts);
                System.out.println("run " + i);
                System.out.flush();
                run.await(); // ok or not: only what is left matters
            }
        }
    }
}

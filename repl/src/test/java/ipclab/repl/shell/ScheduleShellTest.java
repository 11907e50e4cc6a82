package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule commands through {@code ipclab repl -c}: {@code /back} by re-execution,
 * {@code /record} and {@code /replay}, {@code /start --schedule}, {@code /explore}; real processes,
 * and every segment of every run (the rewound one included) gone at the end.
 */
@Timeout(600)
@SuppressWarnings("try") // a StateDir works by being open
class ScheduleShellTest {
    @TempDir
    Path dir;

    private Path scenario(String yaml) throws Exception {
        Path f = dir.resolve("race.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** Two incrementers without sync, once each. */
    private Path race() throws Exception {
        return scenario("""
                name: two-adders
                channels:
                  counter: {type: shm, sync: none}
                processes:
                  a: {role: incrementer, channel: counter, messages: 1}
                  b: {role: incrementer, channel: counter, messages: 1}
                """);
    }

    /** Every shm id the output names is gone from the kernel. */
    private static void noSegmentLeft(String out) throws Exception {
        String shm = Files.readString(Path.of("/proc/sysvipc/shm"));
        Matcher m = Pattern.compile("shm id (\\d+)").matcher(out);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertFalse(
                    shm.matches("(?s).*\\n\\s*\\d+\\s+" + m.group(1) + "\\s.*"),
                    "segment " + m.group(1) + " is gone\n" + shm);
        }
        assertTrue(seen > 0, "the output names the segments it showed\n" + out);
    }

    @Test
    void backThenForwardUnderASeededScheduleContinuesAsTheRunDid() throws Exception {
        Path three = scenario("""
                name: race3
                channels:
                  counter: {type: shm, sync: none}
                processes:
                  adder: {role: incrementer, channel: counter, replicas: 3, messages: 2}
                """);
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/start --schedule random --seed 3 " + three
                            + "; /step; /step; /step; /step; /step; /step; /trace; "
                            + "/back 4; /step; /step; /step; /step; /trace");
            assertEquals(0, r.code(), r.toString());
            String out = r.out();
            String title = "race3, 6 steps, schedule random seed=3";
            int first = out.indexOf(title), back = out.indexOf("going back to step 2"), second = out.lastIndexOf(title);
            assertTrue(first >= 0 && back > first && second > back, out);
            String before = out.substring(first, back).strip();
            String after = out.substring(second).strip();
            assertTrue(
                    after.startsWith(before),
                    "the same six steps (the scheduler picks as it did)\nbefore /back:\n" + before + "\nafter:\n"
                            + after);
        }
    }

    @Test
    void backOneThenTheSameStepGivesTheSameStateAsBefore() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/start " + race() + "; /step a; /step b; /step a; /show counter; /ps; "
                            + "/step b; /back 1; /show counter; /ps; /step b; /trace");
            assertEquals(0, r.code(), r.toString());
            String out = r.out();
            assertTrue(out.contains("going back to step 3: a fresh run replays the first 3 steps"), out);
            // /show and /ps at step 3, before and after going back: the same counter, the same states
            Matcher show = Pattern.compile("counter (\\d+)  lock free").matcher(out);
            assertTrue(show.find() && show.group(1).equals("1"), out);
            assertTrue(show.find() && show.group(1).equals("1"), "the same counter after /back\n" + out);
            Pattern ps = Pattern.compile("(?m)^\\* b +incrementer +\\d+ +waiting to do store on counter +steps 1$");
            Matcher p = ps.matcher(out);
            assertTrue(p.find() && p.find(), "b waits to store, before and after /back\n" + out);
            // and /step b again loses the same update
            assertEquals(2, count(out, "   4  b          store(counter) ok value=1   exited"), out);
            assertTrue(out.contains("counter=1 (unchanged: an update lost)"), "/trace draws the lost update\n" + out);
            noSegmentLeft(out);
            try (var runs = Files.list(state.runs())) {
                assertEquals(java.util.List.of(), runs.toList(), "no run's registry file is left");
            }
        }
    }

    @Test
    void recordThenReplayIsIdentical() throws Exception {
        Path trace = dir.resolve("r.trace");
        Path svg = dir.resolve("r.svg");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/start " + race() + "; /step a; /step b; /step a; /step b; " + "/record " + trace
                            + "; /trace --svg " + svg + "; /replay");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("recorded 4 steps of 'two-adders' to " + trace), r.out());
            assertTrue(r.out().contains("identical (4 steps)"), r.out());
            assertTrue(Files.readString(svg).startsWith("<"), "an SVG");
        }
    }

    @Test
    void aSeededSchedulerStepsTheRunToItsEnd() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", "/start --schedule random --seed 3 " + race() + "; /step; /continue");
            assertEquals(0, r.code(), r.toString());
            assertTrue(
                    r.out().contains("scheduler random seed=3 picks whom a bare /step or /continue grants"), r.out());
            assertTrue(r.out().contains("   4  "), "four steps in all\n" + r.out());
            assertTrue(r.out().contains("the run has ended"), r.out());
        }
    }

    @Test
    void aBadSchedulerIsRefusedInOneLine() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", "/start --schedule fair " + race());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("/start --schedule fair: not a scheduler; use random or pct"), r.err());
        }
    }

    @Test
    void exploreFindsTheLostUpdateAndPrintsItsTrace() throws Exception {
        Path f = scenario("""
                name: racy
                channels:
                  counter: {type: shm, size: 4KiB, sync: none}
                processes:
                  adder: {role: incrementer, channel: counter, replicas: 2, messages: 2}
                expect:
                  - counter.lostUpdates == 0
                """);
        try (StateDir state = new StateDir()) {
            // the shell's wiring, not the explorer (ScheduledRunTest, ScheduleCliTest): seed 1 already
            // loses an update, and one shrinking run shows the option reaches it
            Ipclab r = Ipclab.run("repl", "-c", "/explore --runs 2 --shrink-runs 1 " + f);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("refutes counter.lostUpdates == 0"), r.out());
            assertTrue(r.out().contains("explored 2 schedules (random, seeds 1..2)"), r.out());
            assertTrue(r.out().contains("shrunk in 1 runs"), "--shrink-runs 1 bounds the shrinking\n" + r.out());
            Matcher m = Pattern.compile("trace: (\\S+)").matcher(r.out());
            assertTrue(m.find(), r.out());
            assertTrue(Files.isRegularFile(Path.of(m.group(1))), m.group(1));
            Files.delete(Path.of(m.group(1)));
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}

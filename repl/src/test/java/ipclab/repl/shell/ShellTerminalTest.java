package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipclab repl} in its own JVM: from a pipe (no prompt, no escape codes, no JLine warning),
 * and on a real pseudo-terminal through tmux (Tab completion, history kept across a restart in a
 * 0600 file, Ctrl-C stopping a run but not the shell, Ctrl-D leaving). Every wait is on a
 * condition, with generous deadlines for a loaded machine.
 */
@Tag("e2e")
class ShellTerminalTest {
    @TempDir
    Path dir;

    private final String socket = "ipclab-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private boolean tmuxStarted;

    private List<String> java(String... args) {
        // env --default-signal: a suite started in the background by a non-interactive shell (or
        // under nohup) inherits SIGINT ignored, and a JVM that starts with SIGINT ignored never
        // runs its shutdown hooks on one: the SIGINT these tests send would be lost
        List<String> cmd = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dipclab.state.dir=" + dir.resolve("state"),
                "-cp",
                System.getProperty("java.class.path"),
                "ipclab.repl.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fromAPipeThereIsNoPromptNoEscapeCodeAndNoWarning() throws Exception {
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Files.writeString(in, "/help\n1 + 1\n/ipcs --mine\n");
        Process p = new ProcessBuilder(java("repl"))
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the shell ends at the end of its input");
        String o = Files.readString(out), e = Files.readString(err);
        assertEquals(0, p.exitValue(), o + e);
        assertTrue(o.contains("$1 ==> 2"), o);
        assertTrue(o.contains("/load FILE"), o);
        assertFalse(o.contains("ipclab>"), "no prompt\n" + o);
        assertFalse(o.contains("\u001b") || e.contains("\u001b"), "no escape codes\n" + o + e);
        assertEquals("", e, "nothing on stderr: no JLine warning about a system terminal");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fromAPipeSigintStopsTheRunAndTheScriptGoesOn() throws Exception {
        Path slow = slowScenario();
        Path in = dir.resolve("in.txt"), out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Files.writeString(in, "/run " + slow + "\n$last.ok()\n");
        Process p = new ProcessBuilder(java("repl"))
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        awaitRegistered(dir.resolve("state").resolve("runs"));
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the shell ends at the end of its input");
        String o = Files.readString(out), e = Files.readString(err);
        assertEquals(1, p.exitValue(), "the stopped run failed, the shell did not die of SIGINT\n" + o + e);
        assertTrue(e.contains("stopping the run (Ctrl-C)"), e);
        assertTrue(o.contains("stopped before the end"), o);
        assertTrue(o.contains("$1 ==> false"), "the next snippet ran\n" + o);
    }

    private Path slowScenario() throws IOException {
        Path slow = dir.resolve("slow.yaml");
        Files.writeString(slow, """
                name: slow
                timeout: 5m
                channels:
                  q: {type: msgq}
                processes:
                  w: {role: writer, channel: q, messages: 100000, rate: 100/s}
                  r: {role: reader, channel: q}
                """);
        return slow;
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void onATerminalTabCompletesHistorySurvivesAndCtrlCStopsOnlyTheRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by .ci/run");
        Path state = dir.resolve("xdg-state");
        Path history = state.resolve("ipclab").resolve("repl_history");

        start(state);
        awaitPane(s -> s.contains("ipclab>"), "the first prompt");
        tmux("send-keys", "-t", "repl", "/he", "Tab");
        awaitPane(s -> s.contains("ipclab> /help"), "/he<Tab> completed to /help");
        tmux("send-keys", "-t", "repl", "Enter");
        awaitPane(s -> s.contains("Subjects:"), "the help");
        tmux("send-keys", "-t", "repl", "C-d");
        awaitExit();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertTrue(Files.readString(history).contains("/help"), Files.readString(history));

        start(state);
        awaitPane(s -> s.contains("ipclab>"), "the prompt after a restart");
        tmux("send-keys", "-t", "repl", "Up");
        awaitPane(s -> s.contains("ipclab> /help"), "Up brought back /help from the last session");
        tmux("send-keys", "-t", "repl", "C-u");
        Path slow = slowScenario();
        tmux("send-keys", "-t", "repl", "/run " + slow, "Enter");
        awaitRegistered(dir.resolve("state").resolve("runs"));
        awaitPane(s -> s.contains("ipclab> /run"), "the run command echoed");
        tmux("send-keys", "-t", "repl", "C-c");
        awaitPane(s -> s.contains("stopping the run (Ctrl-C)"), "Ctrl-C stops the run");
        awaitPane(
                s -> s.contains("stopped") && s.strip().endsWith("ipclab>"),
                "the report and a new prompt: the shell goes on");
        tmux("send-keys", "-t", "repl", "/exit", "Enter");
        awaitExit();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void onATerminalStepNamesCompleteAnEmptyLineRepeatsCtrlCStopsContinueAndCtrlDLeavesNothing() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "tmux is installed by .ci/run");
        Path queue = Path.of("../scenarios/queue-full.yaml").toAbsolutePath().normalize();
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, """
                name: big
                channels:
                  jobs: {type: msgq}
                processes:
                  w: {role: writer, channel: jobs, messages: 5000000}
                  r: {role: reader, channel: jobs}
                """);
        start(dir.resolve("xdg-state"));
        awaitPane(s -> s.contains("ipclab>"), "the first prompt");
        tmux("send-keys", "-t", "repl", "/start " + big, "Enter");
        awaitPane(s -> s.contains("enabled (*): w, r"), "the run held");
        tmux("send-keys", "-t", "repl", "/show j", "Tab");
        awaitPane(s -> s.contains("ipclab> /show jobs"), "/show j<Tab> completed the channel's name");
        tmux("send-keys", "-t", "repl", "C-u", "/step w", "Enter");
        awaitPane(s -> s.contains("   1  w "), "the first step");
        tmux("send-keys", "-t", "repl", "Enter");
        awaitPane(s -> s.contains("   2  w "), "an empty line repeated /step w");
        tmux("send-keys", "-t", "repl", "/continue", "Enter");
        awaitPane(s -> s.contains("running free to the end"), "the run going free");
        tmux("send-keys", "-t", "repl", "C-c");
        awaitPane(s -> s.contains("stopping (Ctrl-C)"), "Ctrl-C stops /continue");
        awaitPane(
                s -> s.contains("stopped before the end") && s.strip().endsWith("ipclab>"),
                "the stopped run's report, a new prompt");
        tmux("send-keys", "-t", "repl", "/start " + queue, "Enter");
        awaitPane(s -> s.contains("enabled (*): writer, reader"), "a second run held");
        tmux("send-keys", "-t", "repl", "/show q", "Enter");
        awaitPane(s -> s.contains("msq id "), "the queue's id");
        Matcher m = Pattern.compile("msq id (\\d+)").matcher(pane());
        assertTrue(m.find());
        Pattern live = Pattern.compile("(?s).*\\s" + m.group(1) + "\\s.*");
        assertTrue(live.matcher(Files.readString(Path.of("/proc/sysvipc/msg"))).matches(), "the queue is live");
        tmux("send-keys", "-t", "repl", "C-d");
        awaitExit();
        assertFalse(
                live.matcher(Files.readString(Path.of("/proc/sysvipc/msg"))).matches(),
                "Ctrl-D with a held run removed its queue");
        try (Stream<Path> runs = Files.list(dir.resolve("state").resolve("runs"))) {
            assertEquals(List.of(), runs.toList(), "and every registry file: nothing of the runs is left");
        }
    }

    private void start(Path state) throws Exception {
        Path script = dir.resolve("repl.sh");
        StringBuilder cmd =
                new StringBuilder("#!/bin/sh\nexport XDG_STATE_HOME='" + state + "' TERM=xterm-256color\nexec");
        for (String a : java("repl"))
            cmd.append(" '").append(a.replace("'", "'\\''")).append("'");
        Files.writeString(script, cmd + "\n");
        script.toFile().setExecutable(true);
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "repl", "-x", "160", "-y", "50", script.toString());
        tmuxStarted = true;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    private String pane() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "repl", "-S", "-200");
    }

    private void awaitPane(Predicate<String> ok, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = pane();
            if (ok.test(last)) return;
            Thread.sleep(100); // polling a condition: the pane has no change notification
        }
        throw new AssertionError("waited 120 s for " + what + "; the pane shows:\n" + last);
    }

    private void awaitExit() throws Exception {
        // bounds a hang only: leaving removes a held run's objects and stops a JVM, which took over
        // 60 s once on a machine at load 30
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                tmux("has-session", "-t", "repl");
            } catch (IOException gone) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the shell did not exit within 180 s; the pane shows:\n" + pane());
    }

    private static void awaitRegistered(Path runs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.list(runs)) {
                    if (s.findAny().isPresent()) return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never registered in " + runs);
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (!tmuxStarted) return;
        try {
            tmux("kill-server");
        } catch (IOException alreadyGone) {
            // the server ends by itself with its last session
        }
    }
}

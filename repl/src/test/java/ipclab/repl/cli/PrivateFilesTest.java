package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipclab.repl.FuzzDirs;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ipclab leaves on disk and in the kernel is the user's alone, and a trace carries no
 * environment: the real command line, with a secret in its environment and a umask of 022 (which
 * would make files 0644), runs the leak scenario with {@code --keep --record --json}. Every file it
 * wrote (registry, kept trace, recorded trace, report) is 0600 and every directory 0700; every kept
 * System V object is 0600; the secret is in none of the files. {@code clean} then removes what was kept.
 */
@Timeout(300)
@SuppressWarnings("try") // a StateDir works by being open
class PrivateFilesTest {
    @TempDir
    Path logs;

    @Test
    void everythingWrittenIsPrivateAndNoTraceHoldsTheEnvironment() throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();
        try (StateDir state = new StateDir()) {
            Path out = logs.resolve("out");
            Files.createDirectories(out);
            Path trace = out.resolve("leak.trace.jsonl"), report = out.resolve("leak.json");
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022; exec \"$@\"", "sh"));
            cmd.addAll(FuzzDirs.ipclabJvm(state.dir()));
            cmd.addAll(List.of(
                    "run",
                    "--keep",
                    CrashEndToEndTest.LEAK,
                    "--record",
                    trace.toString(),
                    "--json",
                    report.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(logs.resolve("stdout.txt").toFile())
                    .redirectError(logs.resolve("stderr.txt").toFile());
            pb.environment().put("IPCLAB_TEST_SECRET", secret);
            Process p = pb.start();
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the run ends");
            String printed =
                    Files.readString(logs.resolve("stdout.txt")) + Files.readString(logs.resolve("stderr.txt"));
            List<JsonNode> kept = CrashEndToEndTest.registered(state.runs()).objects();
            try {
                assertEquals(0, p.exitValue(), printed);
                assertEquals(4, kept.size(), printed);
                for (JsonNode o : kept) assertEquals("600", perms(o), "kept " + o + " is 0600");

                List<Path> written = new ArrayList<>(List.of(trace, report));
                try (Stream<Path> s = Files.walk(state.dir())) {
                    s.filter(f -> !f.equals(state.dir())).forEach(written::add);
                }
                assertTrue(
                        written.stream().anyMatch(f -> f.getParent().endsWith("traces")), "a kept trace: " + written);
                assertTrue(written.stream().anyMatch(f -> f.getParent().endsWith("runs")), "a registry file");
                for (Path f : written) {
                    String mode =
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS));
                    if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) assertEquals("rwx------", mode, f.toString());
                    else {
                        assertEquals("rw-------", mode, f.toString());
                        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        assertFalse(text.contains(secret), f + " holds the environment's secret");
                    }
                }
            } finally {
                Ipclab clean = Ipclab.run("clean");
                assertEquals(0, clean.code(), clean.toString());
                for (JsonNode o : kept) assertFalse(CrashEndToEndTest.inKernel(o), "clean removed " + o);
            }
        }
    }

    /** The object's mode as /proc/sysvipc/KIND shows it (octal, as ipcs does). */
    private static String perms(JsonNode o) throws Exception {
        for (String line : Files.readAllLines(
                        Path.of("/proc/sysvipc", o.get("kind").asText()))
                .stream()
                .skip(1)
                .toList()) {
            String[] f = line.strip().split("\\s+");
            if (Integer.parseInt(f[1]) == o.get("id").asInt()) return f[2];
        }
        throw new AssertionError(o + " is not in the kernel");
    }
}

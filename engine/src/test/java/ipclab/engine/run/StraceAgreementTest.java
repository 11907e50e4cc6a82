package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * syscallsPerMessage (counted by the bindings in each worker) agrees with {@code strace -f -c}
 * of the same run within 5%. Only System V calls are traced: the JVM itself never makes them, so
 * strace's count is ipclab's alone (the supervisor's few setup calls included). glibc's semop is
 * the semtimedop system call. Writers' warm-up messages are not in the report's figures: strace
 * sees their calls, which each process reports as the event {@code warmup-syscalls} (all System
 * V calls on these channels), so they come off strace's total before comparing.
 */
@Timeout(180)
class StraceAgreementTest {
    static final String CALLS = "msgget,msgsnd,msgrcv,msgctl,semget,semop,semtimedop,semctl,shmget,shmat,shmdt,shmctl";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"many-to-many-msgq, jobs", "race-semaphore, counter"})
    void syscallsPerMessageAgreesWithStrace(String scenario, String channel) throws Exception {
        Path strace = Path.of("/usr/bin/strace");
        assumeTrue(Files.isExecutable(strace), "strace not installed");
        Path out = dir.resolve("strace.txt"), json = dir.resolve("report.json");
        List<String> cmd = List.of(
                strace.toString(),
                "-f",
                "-c",
                "-o",
                out.toString(),
                "--seccomp-bpf",
                "-e",
                "trace=" + CALLS,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                RunScenario.class.getName(),
                Path.of("..", "scenarios", scenario + ".yaml").toString(),
                json.toString(),
                dir.resolve("state").toString());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        assertEquals(0, p.waitFor(), () -> "run failed: " + read(dir.resolve("log.txt")));

        long straceTotal = -1;
        for (String line : Files.readAllLines(out)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[f.length - 1].equals("total")) straceTotal = Long.parseLong(f[3]);
        }
        assertTrue(straceTotal > 0, () -> "no total in " + read(out));
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        JsonNode ch = null;
        for (JsonNode c : r.get("channels")) if (c.get("name").asText().equals(channel)) ch = c;
        long messages = ch.get("sent").asLong();
        if (messages == 0)
            messages = r.get("counters").get(channel).get("expected").asLong();
        long warmupCalls = 0;
        for (JsonNode proc : r.get("processes"))
            warmupCalls += proc.path("events").path("warmup-syscalls").asLong();
        double ours = ch.get("syscallsPerMessage").asDouble();
        double theirs = (double) (straceTotal - warmupCalls) / messages;
        String detail = scenario + ": ipclab " + ours + " syscalls/message, strace " + theirs + " (" + straceTotal
                + " calls, " + warmupCalls + " of them for warm-up, " + messages + " messages)";
        System.out.println(detail);
        assertTrue(Math.abs(ours - theirs) <= 0.05 * theirs, detail);
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }
}

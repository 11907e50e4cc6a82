package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, through the command line: every figure of a run true and readable without the JSON.
 * Each test runs real processes; none compares timings beyond "a small factor".
 */
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class ReportTruthTest {
    static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(Path dir, String yaml, String... more) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        Path json = dir.resolve("s.json");
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--json", json.toString()));
        args.addAll(List.of(more));
        Ipclab r = Ipclab.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        JsonNode report = JSON.readTree(json.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("_out", r.out());
        return report;
    }

    private static JsonNode byName(JsonNode array, String name) {
        for (JsonNode n : array) if (n.get("name").asText().equals(name)) return n;
        throw new AssertionError("no " + name + " in " + array);
    }

    @Test
    @Timeout(180)
    void aPingersSentEqualsItsMessagesWarmUpCountedNowhere(@TempDir Path dir) throws Exception {
        try (StateDir state = new StateDir()) {
            JsonNode r = run(dir, """
                    name: ping
                    channels:
                      q: {type: msgq}
                    processes:
                      pinger: {role: pinger, channel: q, messages: 500, warmup: 50}
                      echo: {role: echo, channel: q}
                    """);
            JsonNode pinger = byName(r.get("processes"), "pinger"), echo = byName(r.get("processes"), "echo");
            assertEquals(500, pinger.get("sent").asLong());
            assertEquals(500, pinger.get("received").asLong());
            assertEquals(500, echo.get("received").asLong());
            assertEquals(500, echo.get("sent").asLong());
            assertEquals(50, pinger.get("events").get("warmup").asLong());
            assertEquals(50, echo.get("events").get("warmup").asLong());
            // one msgsnd and one msgrcv on each side per measured round trip (+ end-of-stream and start-up calls)
            long snd = pinger.get("syscalls").get("msgsnd").asLong();
            assertTrue(snd >= 500 && snd <= 502, "the warm-up's calls are not counted: " + pinger);
            assertTrue(
                    r.get("_out").asText().lines().anyMatch(l -> l.matches("pinger\\s+pinger\\s+500\\s+500\\s.*")),
                    "the process table shows sent and received\n"
                            + r.get("_out").asText());
        }
    }

    @Test
    @Timeout(180)
    void aQueueWithFourReadersNeverShowsFewerThanTwoSyscallsPerMessage(@TempDir Path dir) throws Exception {
        try (StateDir state = new StateDir()) {
            JsonNode r = run(dir, """
                    name: four-readers
                    channels:
                      jobs: {type: msgq}
                    processes:
                      producer: {role: writer, channel: jobs, replicas: 2, messages: 1000}
                      consumer: {role: reader, channel: jobs, replicas: 4}
                    """);
            double perMessage =
                    r.get("channels").get(0).get("syscallsPerMessage").asDouble();
            assertTrue(perMessage >= 2.0, "a msgsnd and a msgrcv per message at least: " + perMessage);
            long received = 0;
            for (JsonNode p : r.get("processes"))
                if (p.get("role").asText().equals("reader"))
                    received += p.get("received").asLong();
            assertEquals(2000, received);
        }
    }

    @Test
    @Timeout(240)
    void blockingVsNowaitShowsItsEagainCountsInTheTable(@TempDir Path dir) throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", "../scenarios/blocking-vs-nowait.yaml");
            assertEquals(0, r.code(), r.toString());
            List<String> lines = r.out().lines().toList();
            String header = lines.stream()
                    .filter(l -> l.matches("q\\.mode\\s+ok.*"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(r.out()));
            assertTrue(header.contains("EAGAIN") && header.contains("ENOMSG"), header);
            String nowait = lines.stream()
                    .filter(l -> l.matches("nowait\\s+✓.*"))
                    .findFirst()
                    .orElseThrow();
            String blocking = lines.stream()
                    .filter(l -> l.matches("blocking\\s+✓.*"))
                    .findFirst()
                    .orElseThrow();
            int col = header.indexOf("EAGAIN") + "EAGAIN".length();
            assertTrue(!nowait.substring(0, col).strip().endsWith(" 0"), "nowait counts EAGAIN: " + nowait);
            assertTrue(blocking.substring(0, col).strip().endsWith(" 0"), "blocking has none: " + blocking);
            assertTrue(r.out().contains("The report counts those errors"), "the description is shown\n" + r.out());
        }
    }

    @Test
    @Timeout(180)
    void aUnixSocketsSetupIsItsCallsAloneAsMsggetIs(@TempDir Path dir) throws Exception {
        try (StateDir state = new StateDir()) {
            JsonNode r = run(dir, """
                    name: setup
                    channels:
                      sock: {type: socket, domain: unix}
                      q: {type: msgq}
                    processes:
                      w: {role: writer, channel: sock, messages: 200}
                      r: {role: reader, channel: sock}
                      mw: {role: writer, channel: q, messages: 200}
                      mr: {role: reader, channel: q}
                    """);
            JsonNode sock = byName(r.get("channels"), "sock"), q = byName(r.get("channels"), "q");
            long msgget = q.get("setup").get("msgget").asLong();
            long setup = sock.get("setupNs").asLong();
            long steps = 0;
            for (String k : List.of("socket", "bind", "listen", "accept", "connect")) {
                assertTrue(sock.get("setup").has(k), k + " is timed: " + sock);
                steps += sock.get("setup").get(k).asLong();
            }
            assertEquals(
                    steps, setup, "setupNs is the calls alone; waiting for the peer is apart: " + sock.get("setup"));
            // How small the socket's setup is beside msgget is a benchmark's question (bench/README), not a
            // unit test's: a bound in ms failed under load (bind took 61 ms once). What is asserted here is
            // what the figure is made of: each call timed on its own, msgget's too, and nothing else.
            assertTrue(msgget > 0, "msgget is timed: " + q.get("setup"));
        }
    }

    @Test
    @Timeout(180)
    void lossALossyChannelAllowsIsMarkedWithItsShare(@TempDir Path dir) throws Exception {
        try (StateDir state = new StateDir()) {
            JsonNode r = run(dir, """
                    name: racy
                    channels:
                      ring: {type: shm, sync: none, slots: 4}
                    processes:
                      w: {role: writer, channel: ring, messages: 20000, warmup: 0}
                      r: {role: reader, channel: ring}
                    """);
            JsonNode ring = r.get("channels").get(0);
            String out = r.get("_out").asText();
            if (ring.get("lost").asLong() > 0) {
                Matcher m = Pattern.compile(
                                "allowed loss  ring: ([\\d,]+) of ([\\d,]+) lost \\(([\\d.]+)%\\).*: loss that an unsynchronised ring"
                                        + " \\(sync: none\\) allows, not a failure")
                        .matcher(out);
                assertTrue(m.find(), out);
                assertEquals(
                        ring.get("lost").asLong(), Long.parseLong(m.group(1).replace(",", "")));
            } else {
                assertTrue(!out.contains("allowed loss"), out);
            }
        }
    }

    @Test
    @Timeout(180)
    void moreSpinnersThanCpusAndAShortRunAreWarnedAbout(@TempDir Path dir) throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        try (StateDir state = new StateDir()) {
            JsonNode r = run(dir, """
                    name: spinners
                    channels:
                      ring: {type: shm, sync: spin}
                    processes:
                      w: {role: writer, channel: ring, messages: 300}
                      r: {role: reader, channel: ring, replicas: %d}
                    """.formatted(cpus));
            String out = r.get("_out").asText();
            assertTrue(
                    out.contains("warning  " + (cpus + 1) + " processes spin (ring: sync spin or atomic) on " + cpus),
                    out);
            assertTrue(out.contains("use at most " + cpus + " spinning processes, or sync: semaphore"), out);
        }
    }

    @Test
    @Timeout(240)
    void ipcsMineKnowsALiveSegmentMarkedForRemoval(@TempDir Path logs) throws Exception {
        CrashEndToEndTest.Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                Path yaml = logs.resolve("marked.yaml");
                Files.writeString(yaml, """
                        name: marked
                        channels:
                          ring: {type: shm}
                          q: {type: msgq}
                        processes:
                          sw: {role: writer, channel: ring, duration: 3s, rate: 200/s}
                          sr: {role: reader, channel: ring}
                          mw: {role: writer, channel: q, duration: 3s, rate: 200/s}
                          mr: {role: reader, channel: q}
                        """);
                cli = CrashEndToEndTest.start(state.dir(), logs, "run", "-v", yaml.toString());
                CrashEndToEndTest.awaitGo(cli, state.runs());
                descendants.addAll(cli.process().descendants().toList());
                long cliPid = cli.process().pid();
                JsonNode mine =
                        JSON.readTree(Ipclab.run("ipcs", "--mine", "--json").out());
                JsonNode segment = null;
                for (JsonNode o : mine)
                    if (o.get("kind").asText().equals("shm") && o.get("cpid").asLong() == cliPid) segment = o;
                assertTrue(
                        segment != null,
                        "the run's segment, marked for removal (key 0), is ipclab's: " + mine.toPrettyString());
                assertEquals("0x00000000", segment.get("key").asText(), segment.toPrettyString());
                assertTrue(cli.process().waitFor(120, java.util.concurrent.TimeUnit.SECONDS), cli.toString());
                assertEquals(0, cli.process().exitValue(), cli.toString());
                assertEquals(List.of(), CrashEndToEndTest.segmentsCreatedBy(cliPid), "gone at its last detach");
            } finally {
                CrashEndToEndTest.cleanUp(cli, descendants);
            }
        }
    }

    @Test
    void aJavaScenariosProblemsCarryTheFileAndLineOfTheBuilderCall(@TempDir Path dir) throws Exception {
        Path java = dir.resolve("Broken.java");
        Files.writeString(java, """
                import static ipclab.dsl.Scenarios.*;

                import ipclab.dsl.model.Scenario;

                public class Broken {
                    public static Scenario scenario() {
                        return Scenario.named("broken")
                                .channel(msgq("q"))
                                .process(writer("producer").channel("q")
                                        .size(bytes(16)))
                                .process(reader("consumer").channel("nowhere"))
                                .build();
                    }
                }
                """);
        Ipclab v = Ipclab.run("validate", java.toString());
        assertEquals(2, v.code(), v.toString());
        assertTrue(v.err().contains(java + ":10: processes.producer.size: size=16B is too small"), v.err());
        assertTrue(v.err().contains(java + ":11: processes.consumer.channel: no channel 'nowhere'"), v.err());
    }

    @Test
    void runAndValidateTakeSeveralFilesAndGlobs() {
        Ipclab v = Ipclab.run("validate", "-v", "../scenarios/pingpong-*.yaml", "../scenarios/hello.yaml");
        assertEquals(0, v.code(), v.toString());
        assertEquals(7, v.out().lines().filter(l -> l.startsWith("ok  ")).count(), v.out());
        assertTrue(
                v.out().contains("\n    Round-trip latency over a System V message queue"),
                "validate -v shows the description\n" + v.out());
        Ipclab none = Ipclab.run("validate", "../scenarios/nothing-*.yaml");
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("../scenarios/nothing-*.yaml: no file matches this pattern"), none.err());
    }
}

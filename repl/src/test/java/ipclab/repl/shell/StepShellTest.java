package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stepping through {@code ipclab repl -c}: real processes, each /step one operation, the
 * outcomes decided by the order of the steps alone, and every object removed at the end.
 */
@Timeout(600)
@SuppressWarnings("try") // a StateDir works by being open
class StepShellTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Two incrementers without sync, as someone else would write them. */
    private Path race() throws Exception {
        Path f = dir.resolve("race.yaml");
        Files.writeString(f, """
                name: two-adders
                channels:
                  counter: {type: shm, sync: none}
                processes:
                  a: {role: incrementer, channel: counter, messages: 1}
                  b: {role: incrementer, channel: counter, messages: 1}
                """);
        return f;
    }

    private JsonNode counterAfter(String order) throws Exception {
        Path report = dir.resolve(order.replace(' ', '-') + ".json");
        StringBuilder steps = new StringBuilder();
        for (String p : order.split(" ")) steps.append("/step ").append(p).append("; ");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/load " + race() + "; /start --step; " + steps + "/continue; /report --json " + report);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("wrote " + report), r.out());
            return JSON.readTree(report.toFile()).get("counters").get("counter");
        }
    }

    @Test
    void loadLoadStoreStoreLosesExactlyOneUpdateAndTheReportSaysSo() throws Exception {
        JsonNode c = counterAfter("a b a b");
        assertEquals(1, c.get("final").asLong(), c.toString());
        assertEquals(2, c.get("expected").asLong(), c.toString());
        assertEquals(1, c.get("lostUpdates").asLong(), c.toString());
    }

    @Test
    void oneWholeIncrementThenTheOtherLosesNone() throws Exception {
        JsonNode c = counterAfter("a a b b");
        assertEquals(2, c.get("final").asLong(), c.toString());
        assertEquals(0, c.get("lostUpdates").asLong(), c.toString());
    }

    @Test
    void eachStepSaysWhatItDidAndShowReadsTheCounterInTheSegment() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/start " + race() + "; /step a; /step b; /show counter; /step a; /show counter; /ps");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("   1  a          load(counter) ok value=0   next: store(counter)"), r.out());
            assertTrue(r.out().contains("   2  b          load(counter) ok value=0   next: store(counter)"), r.out());
            assertTrue(r.out().contains("counter 0  lock free  incrementers 2  sync none"), r.out());
            assertTrue(r.out().contains("   3  a          store(counter) ok value=1   exited"), r.out());
            assertTrue(r.out().contains("counter 1  lock free"), "read again, live\n" + r.out());
            assertTrue(
                    r.out().matches("(?s).*  a +incrementer +\\d+ +exited with code 0 +steps 2, increments 1.*"),
                    r.out());
            assertTrue(
                    r.out().matches("(?s).*\\* b +incrementer +\\d+ +waiting to do store on counter +steps 1.*"),
                    r.out());
            assertTrue(r.out().contains("step 3; enabled (*): b"), r.out());
        }
    }

    @Test
    void aReaderOfAnEmptyQueueIsBlockedUntilTheWriterSendsAndShowPeeksWithoutTaking() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/start ../scenarios/queue-full.yaml; /step reader; /ps; /step reader; "
                            + "/step writer 5; /show q; /step reader; /ps; /continue");
            assertEquals(1, r.code(), "the second /step reader is refused\n" + r);
            assertTrue(r.out().contains("reader     msgrcv(q) eagain mtype=0   now blocked"), r.out());
            assertTrue(
                    r.out().matches("(?s).*reader +reader +\\d+ +blocked on msgrcv\\(q\\) since step 1: eagain.*"),
                    r.out());
            assertTrue(
                    r.err()
                            .contains(
                                    "error: /step reader: reader is blocked on msgrcv(q) since step 1: eagain; it can move again"
                                            + " once another process acts on q (enabled: writer)"),
                    r.err());
            assertTrue(
                    r.out().contains("writer     msgsnd(q) eagain writer=0 seq=4 mtype=1 size=64   now blocked"),
                    r.out());
            assertTrue(r.out().contains("msg_qnum 4  msg_cbytes 256  msg_qbytes 256"), r.out());
            assertTrue(r.out().matches("(?s).*msg_lspid \\d+ \\(writer\\)  msg_lrpid 0 \\(none yet\\).*"), r.out());
            assertTrue(
                    r.out().contains("    0      1    64  seq 0  writer 0")
                            || r.out().contains("CONFIG_CHECKPOINT_RESTORE"),
                    r.out());
            assertTrue(r.out().contains("0  senders still running      1"), r.out());
            assertTrue(
                    r.out().contains("reader     msgrcv(q) ok writer=0 seq=0 mtype=1 size=64"),
                    "peeking took nothing\n" + r.out());
            assertTrue(r.out().contains("✓ ok") || r.out().contains("ok\n"), r.out());
        }
    }

    @Test
    void breakpointsStopAStepAndContinueAndKillEndsTheRunAsACrash() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/break writer semop; /break q messages 3; /break; /start ../scenarios/queue-full.yaml; "
                            + "/step writer 10; /delete 2; /continue; /ps; /kill reader; /step writer");
            assertTrue(r.out().contains("breakpoint 1: before semop of writer"), r.out());
            assertTrue(r.out().contains("  2  when q messages reaches 3"), r.out());
            assertTrue(r.out().contains("   3  writer     msgsnd(q) ok writer=0 seq=2"), r.out());
            assertTrue(
                    r.out().contains("breakpoint 2: when q messages reaches 3"),
                    "/step 10 stopped at 3 messages\n" + r.out());
            assertTrue(r.out().contains("stepping each enabled process in turn"), r.out());
            assertTrue(r.out().contains("breakpoint 1: before semop of writer, next: semop on q"), r.out());
            assertTrue(r.out().contains("killed reader (SIGKILL)"), r.out());
            assertTrue(r.out().matches("(?s).*reader \\(pid \\d+\\) was killed by SIGKILL.*"), r.out());
            assertTrue(
                    r.err().contains("error: /step: the run has ended (every process exited); /start begins another"),
                    r.err());
            assertEquals(1, r.code(), r.toString());
        }
    }

    @Test
    void stepWithoutARunAndShowOfAnUnknownChannelAreExplained() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/step; /show q; /start " + race() + "; /show nosuch; /step c; /break a nosuch; /exit");
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("error: /step: no stepped run; /start [FILE|VAR] starts one"), r.err());
            assertTrue(r.err().contains("error: /show: no run in progress; /start one"), r.err());
            assertTrue(
                    r.err().contains("error: -c: /show: no channel nosuch in this run (channels: counter)"), r.err());
            assertTrue(r.err().contains("error: /step c: no process c (processes: a, b)"), r.err());
            assertTrue(r.err().contains("error: /break a nosuch: unknown step operation nosuch"), r.err());
        }
    }

    @Test
    void aRingIsDecodedThroughItsDescriptorAndASlotHexDumped() throws Exception {
        Path f = dir.resolve("ring.yaml");
        Files.writeString(f, """
                name: ring
                channels:
                  ring: {type: shm, sync: semaphore, slots: 4}
                processes:
                  w: {role: writer, channel: ring, messages: 2, size: 64B}
                  r: {role: reader, channel: ring}
                """);
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl", "-c", "/start " + f + "; /step w 3; /show ring; /show ring 0 --hex; /show ring 9");
            assertEquals(1, r.code(), "slot 9 does not exist\n" + r);
            assertTrue(
                    r.out()
                            .contains(
                                    "header  magic 0x49504352 (IPCR)  version 2  slots 4 x 15360 B  writers 1  readers 1"
                                            + "  sync semaphore  fanout shared"),
                    r.out());
            assertTrue(r.out().matches("(?s).*cursors  write 1  read 0  writers done 0.*"), r.out());
            assertTrue(
                    r.out()
                            .matches(
                                    "(?s).*0 <r +0x1000 +1 \\(published 0\\) +0  seq 0  writer 0  length 64  checksum 0x.*"),
                    r.out());
            assertTrue(r.out().contains("empty slots                 3"), "one slot taken of four\n" + r.out());
            assertTrue(r.out().contains("  slot 0, 15360 bytes"), r.out());
            assertTrue(
                    r.out().contains("  0000  01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|"),
                    r.out());
            assertTrue(r.err().contains("error: /show ring 9: the ring has slots 0..3"), r.err());
        }
    }

    @Test
    void exitWithAHeldRunRemovesItsObjects() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", "/start ../scenarios/queue-full.yaml; /show q; /exit");
            assertEquals(0, r.code(), r.toString());
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("msq id (\\d+)").matcher(r.out());
            assertTrue(m.find(), r.out());
            String msg = Files.readString(Path.of("/proc/sysvipc/msg"));
            assertFalse(msg.matches("(?s).*\\s" + m.group(1) + "\\s.*"), "the queue is gone\n" + msg);
            try (var runs = Files.list(state.runs())) {
                assertEquals(java.util.List.of(), runs.toList(), "and the run's registry file");
            }
        }
    }

    @Test
    void aTcpSocketsQueuedBytesComeFromProcNet() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", "/start ../scenarios/pingpong-tcp.yaml; /step ping; /show link");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("(from /proc/net)"), r.out());
            assertTrue(
                    r.out().matches("(?s).*tcp +\\d+ +\\d+ +ESTABLISHED +0 +64\n.*"),
                    "the ping waits in the echo's receive queue\n" + r.out());
        }
    }
}

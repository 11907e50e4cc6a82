package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.repl.Ipclab;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    static final String HELLO = "../scenarios/hello.yaml";

    @Test
    void aValidFileSaysOkWithItsShape() {
        Ipclab r = Ipclab.run("validate", HELLO);
        assertEquals(0, r.code(), r.toString());
        assertEquals("ok  " + HELLO + "  (2 processes, 1 channel)\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void aSweepCountsItsRunsAndReplicasCount(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, """
                name: sizes
                channels:
                  q: {type: msgq}
                processes:
                  producer: {role: writer, channel: q, messages: 10, replicas: 2}
                  consumer: {role: reader, channel: q}
                sweep:
                  processes.producer.size: [64, 1KiB, 4KiB]
                """);
        Ipclab r = Ipclab.run("validate", f.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("ok  " + f + "  (3 processes, 1 channel, 3 sweep runs)\n", r.out());
    }

    @Test
    void everyProblemOfEveryFileWithExit2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                channels:
                  q:
                    type: msgqq
                processes:
                  w: {role: writer, channel: q}
                  r: {role: reader, channel: q}
                """);
        Path missing = dir.resolve("missing.yaml");
        Ipclab r = Ipclab.run("validate", bad.toString(), HELLO, missing.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("ok  " + HELLO + "  (2 processes, 1 channel)\n", r.out());
        assertEquals(
                bad + ":4:11: channels.q.type: 'msgqq' is not one of shm | msgq | socket | pipe; did you mean 'msgq'?\n"
                        + missing + ": no such file\n"
                        + "2 problems in 2 of 3 files\n",
                r.err());
    }

    @Test
    void noFileIsABadUsage() {
        Ipclab r = Ipclab.run("validate");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "ipclab: Missing required parameter: 'FILE'\nTry 'ipclab validate --help' for more information.\n",
                r.err());
    }
}

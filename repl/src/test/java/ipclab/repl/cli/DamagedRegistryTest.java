package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry files that no run wrote — a null kind, a path-like kind, not JSON, truncated, a file
 * entry outside ipclab's own directories — never stop {@code ipclab clean} or {@code ipclab run}:
 * each damaged file is reported and moved to {@code runs/quarantine/}, and a file outside
 * ipclab's directories is refused with the reason, never deleted.
 */
@SuppressWarnings("try") // a StateDir works by being open
class DamagedRegistryTest {
    private static final String HEAD = """
            {"scenario": "x", "supervisorPid": 2147483000, "supervisorStartTime": 1, "uid": 0, "createdMillis": 0, "workers": [],
            """;

    private static void damage(StateDir state) throws Exception {
        Files.createDirectories(state.runs());
        Files.writeString(
                state.runs().resolve("null-kind.json"),
                HEAD + "\"objects\": [{\"kind\": null, \"id\": 3, \"key\": 0, \"path\": null}]}");
        Files.writeString(
                state.runs().resolve("path-kind.json"),
                HEAD + "\"objects\": [{\"kind\": \"../../etc/passwd\", \"id\": 3, \"key\": 0, \"path\": null}]}");
        Files.writeString(state.runs().resolve("not-json.json"), "this is not a run file\n");
        Files.writeString(state.runs().resolve("truncated.json"), HEAD + "\"objects\": [{\"kind\": \"msg\", \"id\"");
    }

    @Test
    void cleanReportsAndQuarantinesDamagedFiles() throws Exception {
        try (StateDir state = new StateDir()) {
            damage(state);
            Ipclab r = Ipclab.run("clean");
            assertEquals(0, r.code(), r.toString());
            assertFalse(r.err().contains("Exception"), r.toString());
            for (String f : List.of("null-kind.json", "path-kind.json", "not-json.json", "truncated.json")) {
                assertTrue(r.err().contains("ipclab: damaged run registry file " + f + " ("), f + "\n" + r);
                assertTrue(Files.exists(state.runs().resolve("quarantine").resolve(f)), f + " quarantined");
                assertFalse(Files.exists(state.runs().resolve(f)), f + " moved");
            }
            assertTrue(r.err().contains("null-kind.json (an entry has no kind)"), r.err());
            assertTrue(r.err().contains("path-kind.json (not a run file: "), r.err());
            assertEquals("nothing to clean\n", r.out());
            assertEquals(0, Ipclab.run("clean").err().length(), "set aside once, not reported again");
        }
    }

    @Test
    void cleanNeverDeletesAFileOutsideIpclabsDirectories(@TempDir Path elsewhere) throws Exception {
        try (StateDir state = new StateDir()) {
            Path victim = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
            Files.createDirectories(state.runs());
            Files.writeString(
                    state.runs().resolve("foreign.json"),
                    HEAD.replace("\"uid\": 0", "\"uid\": " + ipclab.engine.run.Proc.uid())
                            + "\"objects\": [{\"kind\": \"file\", \"id\": -1, \"key\": 0, \"path\": \"" + victim
                            + "\"}]}");
            Ipclab r = Ipclab.run("clean");
            assertEquals(0, r.code(), r.toString());
            assertTrue(Files.exists(victim), "not deleted\n" + r);
            assertTrue(
                    r.out().contains("left    file " + victim + ": refused, outside ipclab's own directories"),
                    r.out());
        }
    }

    @Test
    void aRegistryDirectoryOfAnotherOwnerOrALinkIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        try (StateDir state = new StateDir()) {
            Path real = Files.createDirectories(tmp.resolve("elsewhere"));
            Files.createSymbolicLink(state.runs(), real);
            Ipclab r = Ipclab.run("clean");
            assertEquals(1, r.code(), r.toString());
            assertTrue(
                    r.err()
                            .contains("the run registry directory " + state.runs()
                                    + " is not safe to use: it is a symbolic link"),
                    r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
        }
    }

    @Test
    void aLooseRegistryDirectoryOfOursIsTightenedTo0700() throws Exception {
        try (StateDir state = new StateDir()) {
            Files.createDirectories(
                    state.runs(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(state.runs(), PosixFilePermissions.fromString("rwxr-xr-x"));
            assertEquals(0, Ipclab.run("clean").code());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.runs())));
        }
    }

    @Test
    @Timeout(300)
    void runGoesOnPastDamagedFiles() throws Exception {
        try (StateDir state = new StateDir()) {
            damage(state);
            Ipclab r = Ipclab.run("run", "../scenarios/hello.yaml");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.err().contains("ipclab: damaged run registry file null-kind.json"), r.err());
            assertTrue(r.out().contains("✓ ok"), r.out());
            assertTrue(Files.exists(state.runs().resolve("quarantine").resolve("truncated.json")));
        }
    }
}

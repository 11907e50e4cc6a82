package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.Ipclab;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsTheCommands() {
        Ipclab r = Ipclab.run("--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: ipclab"), r.out());
        for (String c : Commands.names()) {
            assertTrue(r.out().contains("  " + c + " "), c + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0 ok, 1 failure, 2 bad usage or input,"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour when not a terminal");
    }

    @Test
    void helpListsTheLaunchersOwnCommandsAfterTheOthers() {
        Ipclab r = Ipclab.run("--help");
        assertTrue(
                r.out()
                        .contains("  help      Display help information about the specified command.\n"
                                + "  test      Run the whole test suite, as CI does (mvn verify with JDK 25).\n"
                                + "  build     Build ipclab now; also done on first use and after a change.\n"),
                r.out());
        assertFalse(Commands.names().contains("test"), "not a command of this program: the REPL does not complete it");
    }

    @Test
    void versionNamesIpclabJavaAndKernel() {
        Ipclab r = Ipclab.run("--version");
        assertEquals(0, r.code(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals("ipclab 0.1.0-SNAPSHOT", lines[0]);
        assertTrue(lines[1].startsWith("java " + Runtime.version()), lines[1]);
        assertTrue(lines[2].startsWith("kernel " + VersionInfo.kernel()), lines[2]);
    }

    @Test
    void mistypedCommandGetsASuggestionAndExit2() {
        Ipclab r = Ipclab.run("ipsc");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals("""
                ipclab: Unmatched argument at index 0: 'ipsc'
                Did you mean: ipclab ipcs?
                Try 'ipclab --help' for more information.
                """, r.err());
    }

    @Test
    void mistypedOptionGetsPicocliSuggestion() {
        Ipclab r = Ipclab.run("ipcs", "--mien");
        assertEquals(2, r.code(), r.toString());
        assertEquals("""
                ipclab: Unknown option: '--mien'
                Possible solutions: --mine
                Try 'ipclab ipcs --help' for more information.
                """, r.err());
    }

    @Test
    void unknownOptionIsUsageError() {
        Ipclab r = Ipclab.run("ipcs", "--jsn");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("ipclab: Unknown option: '--jsn'"), r.err());
        assertTrue(r.err().contains("Try 'ipclab ipcs --help' for more information."), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void debugShowsTheStackTraceForUsageErrors() {
        Ipclab r = Ipclab.run(java.util.Map.of("IPCLAB_DEBUG", "1"), "ipcs", "--jsn");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat picocli."), r.err());
    }

    @Test
    void badInputInACommandIsOneLineAndExit2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path json = dir.resolve("no-such-dir").resolve("r.json");
        Ipclab r = Ipclab.run("run", ValidateCommandTest.HELLO, "--json", json.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "ipclab run: --json " + json + ": the directory " + json.getParent() + " does not exist\n", r.err());
    }

    @Test
    void aFailingCommandIsOneLineAndExit1() {
        var err = new java.io.StringWriter();
        var w = new java.io.PrintWriter(err, true);
        Cli cli = new Cli(w, w, new ipclab.repl.report.Style(false, false), java.util.Map.of());
        var cmd = Commands.commandLine(cli, false).getSubcommands().get("run");
        int code = new ErrorHandlers(cli, false)
                .handleExecutionException(
                        new IllegalStateException("shmget(key=0x0, size=64, flags=IPC_CREAT|0600) failed: ENOSPC"),
                        cmd,
                        null);
        assertEquals(1, code);
        assertEquals("""
                ipclab run: shmget(key=0x0, size=64, flags=IPC_CREAT|0600) failed: ENOSPC
                (run with --debug or IPCLAB_DEBUG=1 for the stack trace)
                """, err.toString());
        err.getBuffer().setLength(0);
        new ErrorHandlers(cli, true).handleExecutionException(new IllegalStateException("boom"), cmd, null);
        assertTrue(
                err.toString().startsWith("ipclab run: boom\njava.lang.IllegalStateException: boom\n\tat "),
                err.toString());
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        Ipclab r = Ipclab.run();
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("ipclab: a command is needed.\nUsage: ipclab"), r.err());
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String c : Commands.names()) {
            if (c.equals("help")) continue;
            Ipclab r = Ipclab.run(c, "--help");
            assertEquals(0, r.code(), c + ": " + r);
            assertTrue(r.out().startsWith("Usage: ipclab " + c), r.out());
        }
    }

    @Test
    void nestedSubcommandsHaveTheirHelpToo() {
        Ipclab r = Ipclab.run("trace", "show", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Usage: ipclab trace show"), r.out());
        assertTrue(r.out().contains("--svg=FILE"), r.out());
    }
}

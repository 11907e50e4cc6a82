package ipclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in {@code src/test/resources/broken/} is refused with exactly the diagnostics in its
 * {@code .expected} file (file:line:column: path: message, sorted by line), and never with a stack
 * trace. Inputs that cannot live as resources (binary junk, huge, deeply nested) are made here.
 */
class BrokenScenariosTest {
    static Path dir() {
        try {
            return Path.of(BrokenScenariosTest.class.getResource("/broken").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScenarioException refused(byte[] bytes, String name) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.fromYaml(bytes, name, Limits.DEFAULT));
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenFileGivesItsExactDiagnostics() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "the corpus has " + files.size() + " files");
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    String name = f.getFileName().toString();
                    Path expectedFile = f.resolveSibling(name.replace(".yaml", ".expected"));
                    ScenarioException e = refused(Files.readAllBytes(f), name);
                    String expected = Files.readString(expectedFile).strip();
                    assertEquals(expected, e.getMessage());
                    for (Diagnostic d : e.diagnostics()) {
                        assertTrue(d.line() >= 1 && d.column() >= 1, "a position for " + d);
                        assertFalse(d.message().contains("Exception"), "no exception text in " + d);
                        assertFalse(d.message().contains("\tat "), "no stack trace in " + d);
                    }
                }));
    }

    @Test
    void misspelledKeyExactText() throws IOException {
        ScenarioException e =
                refused(Files.readAllBytes(dir().resolve("misspelled-keys.yaml")), "misspelled-keys.yaml");
        assertEquals(
                "misspelled-keys.yaml:9:5: channels.q.capacty: unknown channel key 'capacty'; did you mean 'capacity'? "
                        + "(valid keys: type, size, slots, sync, fanout, remove, mode, capacity, domain, verify, sample)",
                e.diagnostics().get(3).toString());
    }

    @Test
    void msgmaxErrorNamesTheLimitItsFileAndTheFix() throws IOException {
        ScenarioException e =
                refused(Files.readAllBytes(dir().resolve("over-kernel-limits.yaml")), "over-kernel-limits.yaml");
        assertEquals(
                "over-kernel-limits.yaml:13:11: processes.producer.size: size=16KiB is larger than msgmax, the largest message the kernel accepts: "
                        + "8192 bytes (/proc/sys/kernel/msgmax); raise it with 'sudo sysctl -w kernel.msgmax=16384' or send smaller messages",
                e.diagnostics().get(2).toString());
    }

    @Test
    void diagnosticsAreSortedByLine() throws IOException {
        ScenarioException e = refused(Files.readAllBytes(dir().resolve("topology.yaml")), "topology.yaml");
        List<Integer> lines = e.diagnostics().stream().map(Diagnostic::line).toList();
        assertEquals(lines.stream().sorted().toList(), lines);
        assertTrue(lines.size() >= 8, "all problems reported together: " + lines);
    }

    @Test
    void emptyFile() {
        assertEquals(
                "empty.yaml:1:1: the file is empty; a scenario needs at least 'name', 'channels' and 'processes'",
                refused(new byte[0], "empty.yaml").getMessage());
        assertEquals(
                "blank.yaml:1:1: the file is empty; a scenario needs at least 'name', 'channels' and 'processes'",
                refused("\n  \n\t\n".getBytes(StandardCharsets.UTF_8), "blank.yaml")
                        .getMessage());
    }

    @Test
    void binaryJunk() {
        byte[] junk = new byte[512];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 'n';
        junk[1] = 'a';
        junk[2] = (byte) 0xff;
        assertEquals(
                "junk.bin:1:3: not a text file: byte 0xff at offset 2 is not UTF-8; a scenario is UTF-8 YAML",
                refused(junk, "junk.bin").getMessage());
        byte[] nul = "name: x\nchan\0nels: {}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "nul.yaml:2:5: not a text file: control character 0x00 at offset 12; a scenario is UTF-8 YAML",
                refused(nul, "nul.yaml").getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "name: deep\nchannels: " + "[".repeat(200) + "]".repeat(200) + "\n";
        String m = refused(deep.getBytes(StandardCharsets.UTF_8), "deep.yaml").getMessage();
        assertTrue(m.startsWith("deep.yaml:2:"), m);
        assertTrue(m.endsWith("nested more than 16 levels deep; a scenario needs 4"), m);
        String deepMaps = "name: deep\nchannels: " + "{a: ".repeat(100) + "1" + "}".repeat(100) + "\n";
        assertTrue(refused(deepMaps.getBytes(StandardCharsets.UTF_8), "maps.yaml")
                .getMessage()
                .contains("nested more than 16 levels deep"));
    }

    @Test
    void hugeFileIsRefusedBeforeParsing(@TempDir Path tmp) throws IOException {
        byte[] big = ("name: big\ndescription: \"" + "x".repeat(2 << 20) + "\"\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "big.yaml:1:1: the file has " + big.length + " bytes; a scenario may have at most 1048576 (1 MiB)",
                refused(big, "big.yaml").getMessage());
        Path f = tmp.resolve("big.yaml");
        Files.write(f, big);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, Limits.DEFAULT));
        assertEquals(
                f + ": the file has " + big.length + " bytes; a scenario may have at most 1048576 (1 MiB)",
                e.getMessage());
    }

    @Test
    void missingFileAndDirectory(@TempDir Path tmp) {
        Path none = tmp.resolve("none.yaml");
        assertEquals(
                none + ": no such file",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(none, Limits.DEFAULT))
                        .getMessage());
        assertEquals(
                tmp + ": is a directory; give a scenario file (.yaml)",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(tmp, Limits.DEFAULT))
                        .getMessage());
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws IOException {
        byte[] bomb = Files.readAllBytes(dir().resolve("alias-bomb.yaml"));
        // a hang guard, not a speed claim: the file must be refused, not expanded
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(bomb, "alias-bomb.yaml"));
        assertEquals(
                "alias-bomb.yaml:2:4: a: YAML anchors (&a) are not supported; write each value out", e.getMessage());
        StringBuilder aliasesOnly = new StringBuilder("name: lol\nx: [");
        for (int i = 0; i < 10_000; i++) aliasesOnly.append(i == 0 ? "" : ",").append("*a");
        aliasesOnly.append("]\n");
        assertTrue(refused(aliasesOnly.toString().getBytes(StandardCharsets.UTF_8), "aliases.yaml")
                .getMessage()
                .endsWith("x[0]: YAML aliases (*a) are not supported; write the value out"));
    }

    @Test
    void everyCorpusFileHasItsExpectation() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            s.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> {
                if (!Files.exists(p.resolveSibling(p.getFileName().toString().replace(".yaml", ".expected")))) {
                    throw new UncheckedIOException(new IOException("no .expected for " + p));
                }
            });
        }
    }
}

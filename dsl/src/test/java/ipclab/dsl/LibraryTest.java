package ipclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.KernelLimits;
import ipclab.dsl.yaml.ScenarioWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped scenarios ({@code scenarios/} at the repository root) and the valid scenarios
 * "written by someone else" ({@code src/test/resources/valid/}) validate, against Linux's default
 * limits and against this machine's; each library file points at the schema and explains itself.
 */
class LibraryTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String SCHEMA_COMMENT = "# yaml-language-server: $schema=../dsl/src/main/resources/" + Schema.RESOURCE;

    static List<Path> yamlIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static Path valid() {
        try {
            return Path.of(LibraryTest.class.getResource("/valid").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> libraryScenariosValidate() throws IOException {
        List<Path> files = yamlIn(ROOT.resolve("scenarios"));
        assertTrue(files.size() >= 15, "scenarios: " + files);
        assertTrue(
                Files.exists(ROOT.resolve("dsl/src/main/resources/" + Schema.RESOURCE)),
                "the schema comment's path exists");
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    String text = Files.readString(f);
                    assertTrue(text.startsWith(SCHEMA_COMMENT + "\n"), "starts with the schema comment");
                    List<ScenarioLoader.Loaded> all = ScenarioLoader.loadAll(f, Limits.DEFAULT);
                    ScenarioLoader.loadAll(f, KernelLimits.current());
                    for (ScenarioLoader.Loaded l : all) {
                        Scenario s = l.scenario();
                        String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                        if (all.size() == 1) assertEquals(stem, s.name(), "the file is named after the scenario");
                        else
                            assertTrue(
                                    s.name().startsWith(stem + "-"),
                                    "a part of " + stem + " is named " + stem + "-...: " + s.name());
                        assertNotNull(s.description());
                        assertTrue(s.description().length() > 100, "a description a student can read: " + s.name());
                        assertFalse(s.expect().isEmpty() && s.compare().isEmpty(), "claims to check");
                        assertEquals(
                                s,
                                ScenarioLoader.parse(ScenarioWriter.toYaml(s), "rewritten.yaml"),
                                "YAML -> model -> YAML -> model");
                        long processes = l.plans().getFirst().processes().size();
                        assertTrue(processes <= 4, "at most 4 JVMs at once on a 2-core CI machine: " + processes);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> scenariosWrittenElsewhereValidate() throws IOException {
        return yamlIn(valid()).stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    Scenario s = ScenarioLoader.load(f, Limits.DEFAULT).scenario();
                    assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "rewritten.yaml"));
                }));
    }

    @Test
    void flowStyleFileReadsAsWritten() throws Exception {
        Scenario s = ScenarioLoader.load(valid().resolve("flow-style.yaml"), Limits.DEFAULT)
                .scenario();
        assertEquals("single-quoted, with a ' quote", s.description());
        assertEquals(10_000L, s.processes().get("producer").messages());
        assertEquals(-5L, s.processes().get("consumer").mtype());
        assertEquals(
                2,
                ScenarioLoader.load(valid().resolve("flow-style.yaml"), Limits.DEFAULT)
                        .plans()
                        .getFirst()
                        .expectations()
                        .size());
    }
}

package ipclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fluent-Java examples in {@code examples/} at the repository root compile (javac at test
 * time, the test classpath), their {@code main} runs, every scenario they build validates, and a
 * scenario that also ships as YAML is the same model as the YAML file (descriptions aside: the
 * YAML ones are longer).
 */
class ExamplesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path classes;

    static URLClassLoader loader;
    static List<String> classNames = new ArrayList<>();

    @BeforeAll
    static void compile() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(ROOT.resolve("examples"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.size() >= 8, "examples: " + sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xlint:all",
                "-Werror",
                "-proc:none"));
        sources.forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, err, err, args.toArray(String[]::new));
        assertEquals(0, rc, "javac: " + err.toString(StandardCharsets.UTF_8));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ExamplesTest.class.getClassLoader());
        sources.forEach(p -> classNames.add(p.getFileName().toString().replace(".java", "")));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAndValidates() {
        return classNames.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Class<?> c = loader.loadClass(name);
                    List<Scenario> built = new ArrayList<>();
                    for (Method m : c.getDeclaredMethods()) {
                        if (!Modifier.isPublic(m.getModifiers())
                                || !Modifier.isStatic(m.getModifiers())
                                || m.getParameterCount() != 0) continue;
                        Object v = m.invoke(null);
                        if (v instanceof Scenario s) built.add(s);
                        if (v instanceof Map<?, ?> map) map.values().forEach(x -> built.add((Scenario) x));
                    }
                    assertTrue(!built.isEmpty(), name + " builds at least one scenario");
                    for (Scenario s : built) {
                        ScenarioLoader.plan(s, Limits.DEFAULT);
                        Path yaml = ROOT.resolve("scenarios").resolve(s.name() + ".yaml");
                        if (Files.exists(yaml)) {
                            Scenario fromYaml =
                                    ScenarioLoader.load(yaml, Limits.DEFAULT).scenario();
                            assertEquals(
                                    withoutDescription(fromYaml),
                                    withoutDescription(s),
                                    s.name() + " in Java and in YAML");
                        }
                    }
                    PrintStream out = System.out;
                    ByteArrayOutputStream captured = new ByteArrayOutputStream();
                    try {
                        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                        c.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                    } finally {
                        System.setOut(out);
                    }
                    assertTrue(
                            captured.toString(StandardCharsets.UTF_8).contains("name: "), name + ".main prints YAML");
                }));
    }

    static Scenario withoutDescription(Scenario s) {
        return new Scenario(
                s.name(),
                null,
                s.seed(),
                s.timeout(),
                s.channels(),
                s.processes(),
                s.sweep(),
                null,
                s.expect(),
                null,
                null);
    }
}

package ipclab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every case of bench/cases.txt has its scenario in scenarios/bench (the dsl's library test only
 * looks at scenarios/*.yaml), it validates, and it carries the case's count and size.
 */
class BenchScenariosTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void everyCaseHasAValidScenarioWithItsCountAndSize() throws IOException, ScenarioException {
        List<String> cases = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("bench/cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+");
            String name = f[0] + "-" + f[1] + "-" + f[2];
            cases.add(name + ".yaml");
            Path file = ROOT.resolve("scenarios/bench/" + name + ".yaml");
            assertTrue(Files.isRegularFile(file), file + " is missing: run bench/gen-scenarios.sh");
            String text = Files.readString(file);
            assertTrue(text.contains("    messages: " + f[3] + "\n"), file + " does not send " + f[3] + " messages");
            assertEquals(1, ScenarioLoader.load(file).plans().size(), file.toString());
        }
        List<String> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("scenarios/bench"))) {
            files = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertEquals(
                cases.stream().sorted().toList(), files, "scenarios/bench holds exactly the cases of bench/cases.txt");
    }
}

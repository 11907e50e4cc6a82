package ipclab.dsl.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed corpus of the fuzz tests: every scenario that ships ({@code scenarios/**}{@code /*.yaml}
 * at the root of the checkout), found by walking up from the module's working directory, so that a
 * scenario added later is fuzzed without a change here.
 */
public final class Corpus {
    private Corpus() {}

    /** The root of the checkout: the nearest directory upwards holding {@code scenarios/} and a pom. */
    public static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("scenarios")) && Files.isRegularFile(d.resolve("pom.xml"))) return d;
        }
        throw new IllegalStateException(
                "no scenarios/ directory above " + Path.of("").toAbsolutePath());
    }

    /** Every shipped scenario file, sorted (so that a seed names the same case on every machine). */
    public static List<Path> shipped() {
        try (Stream<Path> s = Files.walk(root().resolve("scenarios"))) {
            List<Path> files =
                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            if (files.size() < 10) throw new IllegalStateException("only " + files.size() + " shipped scenarios found");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of {@code file}. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

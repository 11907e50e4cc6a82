package ipclab.repl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FILE arguments of {@code run} and {@code validate}: each a file, or a glob the shell did not
 * expand (quoted, or from a script): {@code 'scenarios/*.yaml'}, {@code 'scenarios/**.yaml'}.
 * A Java file's {@code #member} suffix is kept and never read as a glob ({@code PingPong.java#all[tcp]}).
 */
final class FileArgs {
    private FileArgs() {}

    /** The arguments with their globs expanded, in order (matches of one glob sorted by name); a glob matching nothing is an error. */
    static List<Path> expand(List<String> args) {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            int hash = a.indexOf('#');
            String file = hash < 0 ? a : a.substring(0, hash);
            if (!isGlob(file)) {
                out.add(Path.of(a));
                continue;
            }
            List<Path> matches = matches(file);
            if (matches.isEmpty()) throw new InputException(a + ": no file matches this pattern");
            for (Path m : matches) out.add(hash < 0 ? m : Path.of(m + a.substring(hash)));
        }
        return out;
    }

    static boolean isGlob(String s) {
        return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
    }

    /** Files under the pattern's fixed leading directories that match it. */
    private static List<Path> matches(String pattern) {
        Path p = Path.of(pattern);
        Path fixed = p.isAbsolute() ? p.getRoot() : Path.of("");
        for (Path part : p) {
            if (isGlob(part.toString())) break;
            fixed = fixed.resolve(part);
        }
        Path base = fixed;
        if (base.toString().equals(pattern)
                || !Files.isDirectory(base.toString().isEmpty() ? Path.of(".") : base)) return List.of();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path root = base.toString().isEmpty() ? Path.of(".") : base;
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(f -> base.toString().isEmpty() ? root.relativize(f) : f)
                    .filter(m::matches)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}

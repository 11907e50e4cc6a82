package ipclab.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the fuzz tests share: a {@link StateDir} with the kept traces ({@code ipclab.data.dir})
 * inside it too, and a work directory for the cases' files; the hostile-file corpus; and the
 * command line of ipclab as a JVM of its own. {@link #close()} restores and removes everything.
 */
public final class FuzzDirs implements AutoCloseable {
    private final StateDir state;
    private final Path work;
    private final String dataBefore;

    public FuzzDirs() throws IOException {
        state = new StateDir();
        work = Files.createDirectories(state.dir().resolve("fuzz"));
        dataBefore = System.getProperty("ipclab.data.dir");
        System.setProperty("ipclab.data.dir", state.dir().resolve("data").toString());
    }

    public StateDir state() {
        return state;
    }

    /** Where a case writes its files. */
    public Path work() {
        return work;
    }

    /**
     * The hostile-file corpus: {@code dsl/src/test/resources/broken} (each with its expected
     * diagnostics) and {@code src/test/resources/hostile}; every file fails to load.
     */
    public static List<Path> hostileCorpus() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String d : List.of("../dsl/src/test/resources/broken", "src/test/resources/hostile")) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                s.filter(p -> !p.toString().endsWith(".expected")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** {@code java ... ipclab.repl.Main} with this test JVM's class path, its state in {@code state}. */
    public static List<String> ipclabJvm(Path state, String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dipclab.state.dir=" + state);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("ipclab.repl.Main");
        return cmd;
    }

    @Override
    public void close() throws IOException {
        if (dataBefore == null) System.clearProperty("ipclab.data.dir");
        else System.setProperty("ipclab.data.dir", dataBefore);
        state.close();
    }
}

package ipclab.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Points ipclab's run registry ({@code ipclab.state.dir}) at a fresh temporary directory for one
 * test, so tests never read or clean the user's own registry; {@link #close()} restores it.
 */
public final class StateDir implements AutoCloseable {
    private final Path dir;
    private final String before;

    public StateDir() throws IOException {
        dir = Files.createTempDirectory("ipclab-state");
        before = System.getProperty("ipclab.state.dir");
        System.setProperty("ipclab.state.dir", dir.toString());
    }

    public Path dir() {
        return dir;
    }

    /** The run registry directory inside it. */
    public Path runs() {
        return dir.resolve("runs");
    }

    /** Writes a registry file, in the runtime's format, for a run whose supervisor is gone. */
    public Path staleRun(String scenario, String kind, int id, int key) throws IOException {
        Files.createDirectories(runs());
        Path f = runs().resolve(scenario + "-test.json");
        // supervisorStartTime 1 never matches this JVM's own start time: the run counts as dead
        Files.writeString(
                f, """
                {"scenario": "%s", "supervisorPid": %d, "supervisorStartTime": 1, "uid": %d, "createdMillis": 0,
                 "objects": [{"kind": "%s", "id": %d, "key": %d, "path": null}], "workers": []}
                """.formatted(scenario, ProcessHandle.current().pid(), ipclab.engine.run.Proc.uid(), kind, id, key));
        return f;
    }

    /** Writes a registry file for a run that is still going (this JVM stands in for its supervisor). */
    public Path liveRun(String scenario, String kind, int id, int key) throws IOException {
        Files.createDirectories(runs());
        Path f = runs().resolve(scenario + "-live.json");
        long start =
                ipclab.engine.run.Proc.startTime(ProcessHandle.current().pid()).orElseThrow();
        Files.writeString(f, """
                {"scenario": "%s", "supervisorPid": %d, "supervisorStartTime": %d, "uid": %d, "createdMillis": 0,
                 "objects": [{"kind": "%s", "id": %d, "key": %d, "path": null}], "workers": []}
                """.formatted(
                        scenario, ProcessHandle.current().pid(), start, ipclab.engine.run.Proc.uid(), kind, id, key));
        return f;
    }

    @Override
    public void close() throws IOException {
        if (before == null) System.clearProperty("ipclab.state.dir");
        else System.setProperty("ipclab.state.dir", before);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

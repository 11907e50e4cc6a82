package ipclab.engine.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the test classpath, as a real second process:
 *
 * <pre>
 *   &lt;java.home&gt;/bin/java --enable-native-access=ALL-UNNAMED [fast-start flags] -cp &lt;java.class.path&gt; Main args...
 * </pre>
 *
 * The surefire fork's flags are not inherited, so they are passed explicitly. Children in tests
 * are never measured, so they start with C1 only and the serial GC (see stack.md §3). Its stdout
 * is read line by line on a daemon thread ({@link #readLine}); stderr is collected for failure
 * messages. Close it (try-with-resources) so that a failed test leaves no process behind.
 */
public final class ChildJvm implements AutoCloseable {
    /** Flags for a quick start of an unmeasured child. */
    public static final List<String> FAST_START =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private static final Set<Long> STARTED = ConcurrentHashMap.newKeySet();
    private static final String EOF = new String("<eof>");

    private final Process process;
    private final String description;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process, String description) {
        this.process = process;
        this.description = description;
        this.outReader = Thread.ofPlatform()
                .daemon()
                .name("child-stdout-" + process.pid())
                .start(() -> pump(process.getInputStream(), out, true));
        this.errReader = Thread.ofPlatform()
                .daemon()
                .name("child-stderr-" + process.pid())
                .start(() -> pump(process.getErrorStream(), err, false));
    }

    /** Starts {@code main} with {@code args} and the fast-start flags. */
    public static ChildJvm start(Class<?> main, String... args) {
        return start(FAST_START, main, args);
    }

    /** Starts {@code main} with {@code args} and the given extra JVM flags. */
    public static ChildJvm start(List<String> jvmFlags, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            STARTED.add(p.pid());
            return new ChildJvm(p, main.getSimpleName() + " " + String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + cmd, e);
        }
    }

    /** The pids of every child JVM started so far by this process (for leak attribution). */
    public static Set<Long> startedPids() {
        return Set.copyOf(STARTED);
    }

    private void pump(InputStream in, StringBuffer all, boolean queue) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (queue) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            all.append("<read failed: ").append(e).append(">\n");
        } finally {
            if (queue) {
                lines.add(EOF);
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /**
     * The next line the child printed on stdout.
     *
     * @throws AssertionError if none came within {@code timeout} or the child closed stdout (with its stderr)
     */
    public String readLine(Duration timeout) {
        String line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a line from " + description, e);
        }
        if (line == null) {
            throw new AssertionError("no line from child [" + description + "] within " + timeout + failureDetails());
        }
        if (line == EOF) {
            lines.add(EOF);
            throw new AssertionError(
                    "child [" + description + "] closed stdout before printing the expected line" + failureDetails());
        }
        return line;
    }

    /**
     * Waits for the child to exit.
     *
     * @return its exit code
     * @throws AssertionError if it is still running after {@code timeout} (it is then killed)
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(
                        "child [" + description + "] still running after " + timeout + "; killed" + failureDetails());
            }
            outReader.join(5_000);
            errReader.join(5_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + description, e);
        }
    }

    /** Waits for the child to exit with status 0, else fails with its output. */
    public void awaitSuccess(Duration timeout) {
        int code = awaitExit(timeout);
        if (code != 0) {
            throw new AssertionError("child [" + description + "] exited with " + code + failureDetails());
        }
    }

    /** Everything the child printed on stdout so far (all of it once it exited). */
    public String stdout() {
        return out.toString();
    }

    /** Everything the child printed on stderr so far. */
    public String stderr() {
        return err.toString();
    }

    private String failureDetails() {
        return "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    /** Kills the child if it is still running and waits for it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package ipclab.dsl.fuzz;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.Limits;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every fuzz case must satisfy: within a time limit, the input either loads, or is refused
 * with at least one diagnostic that names the file, a line and a column (both from 1) and says
 * what is wrong in words, never with an exception's text. Anything else fails with the case's
 * description (origin and seed), so that it can be replayed.
 */
public final class FuzzCheck {
    private FuzzCheck() {}

    /** Generous for a loaded 2-core machine: a case normally takes a millisecond. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Text that only a leaked Java exception puts into a message for people. */
    public static final List<String> EXCEPTION_TEXT =
            List.of("Exception", "\tat ", "at ipclab.", "Cannot invoke", "java.lang.", "because \"", "is null");

    private static final ExecutorService POOL = Executors.newCachedThreadPool(
            r -> Thread.ofPlatform().daemon().name("fuzz-case").unstarted(r));

    /** Loads {@code bytes} as scenario {@code file} through {@link ScenarioLoader}, checks the outcome, and says whether it loaded. */
    public static boolean load(byte[] bytes, String file, Object what) {
        ScenarioException refused = within(what, () -> {
            try {
                ScenarioLoader.fromYaml(bytes, file, Limits.DEFAULT);
                return null;
            } catch (ScenarioException e) {
                return e;
            }
        });
        if (refused == null) return true;
        if (refused.diagnostics().isEmpty()) throw new AssertionError(what + ": refused without a diagnostic");
        for (Diagnostic d : refused.diagnostics()) {
            if (!d.file().equals(file) || d.line() < 1 || d.column() < 1)
                throw new AssertionError(what + ": a diagnostic without file:line:column: " + d);
            if (d.message().isBlank()) throw new AssertionError(what + ": a diagnostic without a message: " + d);
            noExceptionText(d.message(), what);
        }
        for (String line : refused.getMessage().split("\n")) {
            if (!line.matches("\\Q" + file + "\\E:\\d+:\\d+: .*"))
                throw new AssertionError(what + ": a line without file:line:column: " + line);
        }
        return false;
    }

    /** Fails when {@code text} holds what only an exception or a stack trace would print. */
    public static void noExceptionText(String text, Object what) {
        for (String bad : EXCEPTION_TEXT) {
            if (text.contains(bad)) throw new AssertionError(what + ": '" + bad + "' in what a person reads:\n" + text);
        }
    }

    /** Runs {@code body} on a daemon thread and fails when it throws or outlives {@link #TIMEOUT}. */
    public static <T> T within(Object what, Callable<T> body) {
        Future<T> f = POOL.submit(body);
        try {
            return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + ": no answer within " + TIMEOUT.toSeconds() + " s (a hang)");
        } catch (ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            throw new AssertionError(what + ": threw instead of reporting a diagnostic:\n" + trace, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }
}

package ipclab.repl.shell;

import ipclab.engine.run.RunReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Java snippets, evaluated by JShell in this JVM (a {@link CapturingControl}), with the DSL on the
 * class path and imported. JShell is built in a background thread as soon as the shell starts
 * (it takes most of a second), so the first prompt does not wait for it; the first snippet does,
 * if it comes sooner.
 */
final class JavaEval implements AutoCloseable {
    /** What every session imports: the DSL's one static import, the model and the report. */
    static final List<String> IMPORTS = List.of(
            "import static ipclab.dsl.Scenarios.*;",
            "import ipclab.dsl.model.*;",
            "import ipclab.engine.run.RunReport;");
    /** The variables the shell keeps up to date: the last run's report and the last error. */
    static final String LAST = "$last", ERR = "$err";

    /** A snippet variable as {@code /vars} lists it. */
    record Var(String type, String name, String value) {}

    private final Timing timing;
    private volatile CompletableFuture<Ready> ready;

    private record Ready(JShell shell, CapturingControl control) {}

    /**
     * @param eager build JShell now, in the background (a person at a prompt); else on the first
     *              snippet (a script of commands only never pays for it, and its runs do not share
     *              the CPU with a compiler warming up)
     */
    JavaEval(Timing timing, boolean eager) {
        this.timing = timing;
        if (eager) start();
    }

    private synchronized CompletableFuture<Ready> start() {
        if (ready == null) {
            ready = CompletableFuture.supplyAsync(() -> build(timing), runnable -> {
                Thread t = new Thread(runnable, "ipclab-jshell-warmup");
                t.setDaemon(true);
                t.start();
            });
        }
        return ready;
    }

    private static Ready build(Timing timing) {
        ClassLoader host = JavaEval.class.getClassLoader();
        CapturingControl[] control = new CapturingControl[1];
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "ipclab-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> params) {
                return control[0] = new CapturingControl(host);
            }
        };
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        JShell js;
        try {
            js = JShell.builder().executionEngine(provider, Map.of()).build();
            for (String i : IMPORTS) js.eval(i);
            js.eval("RunReport " + LAST + " = null;");
            js.eval("Throwable " + ERR + " = null;");
            // the first completion loads the compiler's symbol tables: do it now, not on the user's first Tab
            js.sourceCodeAnalysis().completionSuggestions("Scen", 4, new int[1]);
        } finally {
            me.setContextClassLoader(before); // building the local engine replaces it (observed)
        }
        timing.jshellReady();
        return new Ready(js, control[0]);
    }

    private Ready ready() {
        try {
            return start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting");
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    /** Whether JShell is built (so a completion will not wait for it). */
    boolean isReady() {
        CompletableFuture<Ready> r = ready;
        return r != null && r.isDone() && !r.isCompletedExceptionally();
    }

    SourceCodeAnalysis analysis() {
        return ready().shell().sourceCodeAnalysis();
    }

    /**
     * The first complete snippet of {@code text} and the rest, or null when the text is an
     * unfinished snippet (more lines are needed).
     */
    String[] firstSnippet(String text) {
        SourceCodeAnalysis.CompletionInfo ci = analysis().analyzeCompletion(text);
        return switch (ci.completeness()) {
            case DEFINITELY_INCOMPLETE -> null;
            case EMPTY -> new String[] {"", ""};
            case CONSIDERED_INCOMPLETE, UNKNOWN ->
                ci.source() == null ? new String[] {text.strip(), ""} : new String[] {ci.source(), ci.remaining()};
            default -> new String[] {ci.source(), ci.remaining()};
        };
    }

    /**
     * Evaluates one snippet, printing its value ({@code s ==> ...}) to out and its problems to err.
     *
     * @param where the snippet's place for error messages: {@code FILE:LINE} or {@code input}
     * @return the error, or null when it worked
     */
    Throwable eval(String source, String where, PrintWriter out, PrintWriter err) {
        Ready r = ready();
        Throwable failed = null;
        for (SnippetEvent ev : r.shell().eval(source)) {
            if (ev.causeSnippet() != null) continue;
            JShellException ex = ev.exception();
            if (ex != null) {
                err.println(where + ": " + describe(ex));
                failed = ex;
            } else if (ev.status() == Snippet.Status.REJECTED) {
                StringBuilder msg = new StringBuilder();
                r.shell().diagnostics(ev.snippet()).forEach(d -> {
                    if (d.isError()) err.println(at(where, source, d) + ": error: " + oneLine(d));
                    if (d.isError() && msg.isEmpty()) msg.append(oneLine(d));
                });
                failed = new IllegalArgumentException(msg.isEmpty() ? "the snippet was rejected" : msg.toString());
            } else if (ev.value() != null
                    && (ev.snippet() instanceof VarSnippet || ev.snippet() instanceof ExpressionSnippet)) {
                String name =
                        ev.snippet() instanceof VarSnippet v ? v.name() : ((ExpressionSnippet) ev.snippet()).name();
                Object live = r.control().valueOf(name);
                out.println(name + " ==> " + Values.show(live, ev.value()));
            }
        }
        return failed;
    }

    private static String describe(JShellException ex) {
        if (ex instanceof EvalException e) {
            return e.getExceptionClassName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (ex instanceof UnresolvedReferenceException u) {
            return "this uses " + u.getSnippet().source().strip()
                    + ", which cannot be used yet (it needs something not declared)";
        }
        return ex.getMessage();
    }

    /** {@code input:2:14} from the diagnostic's position inside the snippet. */
    private static String at(String where, String source, Diag d) {
        long pos = Math.max(0, Math.min(source.length(), d.getStartPosition()));
        int line = 1, col = 1;
        for (int i = 0; i < pos; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 1;
            } else col++;
        }
        int colon = where.lastIndexOf(':');
        if (colon > 0) {
            try {
                return where.substring(0, colon) + ":" + (Integer.parseInt(where.substring(colon + 1)) + line - 1) + ":"
                        + col;
            } catch (NumberFormatException e) {
                // not FILE:LINE
            }
        }
        return where + ":" + line + ":" + col;
    }

    private static String oneLine(Diag d) {
        return d.getMessage(Locale.ROOT).strip().replaceAll("\\s*\\R\\s*", ", ");
    }

    /** Whether a snippet declared this variable (false, without starting JShell, when no snippet ran yet). */
    boolean hasVar(String name) {
        if (ready == null) return false;
        JShell js = ready().shell();
        return js.variables()
                .anyMatch(v -> v.name().equals(name) && js.status(v).isActive());
    }

    /** The live value of a snippet variable, or null. */
    Object valueOf(String name) {
        Ready r = ready();
        return r.control().valueOf(name);
    }

    /**
     * Keeps {@code $last} and {@code $err} up to date.
     *
     * @param build whether to wait for JShell (before a snippet); else, while JShell is not there,
     *              nothing is done: the next snippet publishes the session's values
     */
    void publish(RunReport last, Throwable error, boolean build) {
        if (!build && !isReady()) return;
        CapturingControl c = ready().control();
        if (last != null) c.set(LAST, last);
        if (error != null) c.set(ERR, error);
    }

    /** The snippet variables, the shell's own first. */
    List<Var> vars() {
        if (!isReady()) return List.of();
        JShell js = ready().shell();
        List<Var> out = new ArrayList<>();
        js.variables().filter(v -> js.status(v).isActive()).forEach(v -> {
            Object live = ready().control().valueOf(v.name());
            out.add(new Var(v.typeName(), v.name(), Values.show(live, js.varValue(v))));
        });
        return out;
    }

    /** The names of the live variables whose value is of this type (for {@code /run VAR} and its completion). */
    List<String> varsOf(Class<?> type) {
        if (!isReady()) return List.of();
        JShell js = ready().shell();
        return js.variables()
                .filter(v -> js.status(v).isActive())
                .filter(v -> type.isInstance(ready().control().valueOf(v.name())))
                .map(VarSnippet::name)
                .toList();
    }

    /** Interrupts a snippet that is running (Ctrl-C); harmless when none is. */
    void stop() {
        if (isReady()) ready().shell().stop();
    }

    @Override
    public void close() {
        CompletableFuture<Ready> r = ready;
        if (r == null) return;
        if (isReady()) r.join().shell().close();
        else r.thenAccept(x -> x.shell().close()); // still starting: close it when it is there
    }
}

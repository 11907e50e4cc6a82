package ipclab.repl.cli;

import ipclab.engine.run.RunEvent;
import ipclab.repl.app.Progress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A sweep's progress on stderr: on a terminal one bar per sweep, redrawn in place
 * ({@code [#######.............] 7/20  12s, about 22s left  channels.link.type=msgq ...}); otherwise
 * one plain line per run ({@code run 7/20: channels.link.type=msgq ...}), which a log keeps readable;
 * one plain line per run ({@code run 7/20 (12s, about 22s left): channels.link.type=msgq ...});
 * nothing when quiet. With {@code -v} the engine's events too, on lines of their own.
 */
final class ProgressPrinter implements Progress {
    enum Mode {
        BAR,
        LINES,
        QUIET
    }

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final Mode mode;
    private final boolean verbose;
    private final LongSupplier clock;
    private long start = -1;
    private boolean barShown;

    ProgressPrinter(PrintWriter err, Mode mode, boolean verbose, LongSupplier nanoClock) {
        this.err = err;
        this.mode = mode;
        this.verbose = verbose;
        this.clock = nanoClock;
    }

    /** A bar when stderr's user sees a terminal, plain lines otherwise, nothing with {@code --quiet}. */
    static Mode mode(boolean quiet) {
        if (quiet) return Mode.QUIET;
        return System.console() != null && System.console().isTerminal() ? Mode.BAR : Mode.LINES;
    }

    @Override
    public synchronized void runStarting(int index, int count, Map<String, String> params) {
        if (mode == Mode.QUIET) return;
        long now = clock.getAsLong();
        if (index == 1 || start < 0) start = now;
        String time = timing(index - 1, count, now - start);
        if (mode == Mode.LINES) {
            err.println("run " + index + "/" + count + ": " + params(params));
        } else {
            int done = (int) ((long) WIDTH * (index - 1) / count);
            String bar = "[" + "#".repeat(done) + ".".repeat(WIDTH - done) + "]";
            err.print("\r\u001b[2K" + bar + " " + index + "/" + count + "  " + time + "  " + params(params));
            barShown = true;
        }
        err.flush();
    }

    @Override
    public synchronized void finished(int count) {
        if (mode == Mode.BAR && barShown) {
            long took = clock.getAsLong() - start;
            err.println("\r\u001b[2K[" + "#".repeat(WIDTH) + "] " + count + "/" + count + "  " + seconds(took));
            barShown = false;
        }
        start = -1;
        err.flush();
    }

    @Override
    public void event(long atMs, String process, RunEvent what, String detail) {
        if (!verbose) return;
        synchronized (this) {
            if (barShown) {
                err.println();
                barShown = false;
            }
            err.printf(
                    "%8d ms  %-12s %-10s %s%n",
                    atMs, process == null ? "" : process, what, detail == null ? "" : detail);
            err.flush();
        }
    }

    /** {@code 12s, about 22s left}: the estimate assumes the runs left take as long as those done. */
    static String timing(int done, int count, long elapsedNanos) {
        String s = seconds(elapsedNanos);
        if (done == 0) return s;
        long left = elapsedNanos / done * (count - done);
        return s + ", about " + seconds(left) + " left";
    }

    private static String seconds(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s < 60 ? s + "s" : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    private static String params(Map<String, String> params) {
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }
}

package ipclab.repl.app;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures that are likely distorted, each with what to do: more spinning processes than CPUs (a
 * spinner waits for a CPU, not for a message), a run too short for the JIT to have settled, and a
 * median latency more than twice off the previous run of the same scenario (and combination) on
 * this machine (kept in the {@link History}).
 */
final class Distortions {
    /** A run shorter than this is dominated by JIT compilation and warm-up. */
    static final long SHORT_RUN_MS = 1000;
    /** A median this many times off the previous run's is suspicious. */
    static final double P50_FACTOR = 2.0;

    private final History history;

    Distortions(History history) {
        this.history = history;
    }

    /** The warnings for one run of a plan; records its medians for the next run. */
    List<String> of(Plan plan, RunReport r) {
        List<String> out = new ArrayList<>();
        int cpus = r.host() == null
                ? Runtime.getRuntime().availableProcessors()
                : r.host().cpus();
        int spinning = 0;
        List<String> spinChannels = new ArrayList<>();
        for (PlannedChannel c : plan.channels()) {
            if (c.type() != ChannelType.SHM || (c.sync() != Sync.SPIN && c.sync() != Sync.ATOMIC)) continue;
            int n = plan.processesOn(c.name()).size();
            if (n == 0) continue;
            spinning += n;
            spinChannels.add(c.name());
        }
        String where = params(r);
        if (spinning > cpus) {
            out.add(spinning + " processes spin (" + String.join(", ", spinChannels) + ": sync spin or atomic) on "
                    + cpus
                    + (cpus == 1 ? " CPU" : " CPUs") + where
                    + ": a spinner waits for a CPU rather than for a message, so the figures"
                    + " show the scheduler; use at most " + cpus + " spinning processes, or sync: semaphore");
        }
        boolean measured = r.channels() != null
                && r.channels().stream().anyMatch(c -> c.counts().sent() > 0);
        if (measured && r.durationMs() < SHORT_RUN_MS) {
            out.add(
                    "the run took " + r.durationMs() + " ms" + where
                            + ": in a run this short the JIT is still compiling and"
                            + " figures vary from run to run; raise messages (or give a duration) so that it runs for a few seconds");
        }
        out.addAll(comparedWithLastRun(plan, r, where));
        return out;
    }

    private List<String> comparedWithLastRun(Plan plan, RunReport r, String where) {
        List<String> out = new ArrayList<>();
        if (r.channels() == null || !r.ok()) return out;
        for (RunReport.ChannelFigures c : r.channels()) {
            if (c.latencyNs() == null || c.latencyNs().p50() <= 0) continue;
            String key =
                    "p50|" + plan.scenario().name() + "|" + new java.util.TreeMap<>(plan.params()) + "|" + c.name();
            long p50 = c.latencyNs().p50();
            long prev = history.get(key);
            history.put(key, p50);
            if (prev <= 0) continue;
            double ratio = (double) p50 / prev;
            if (ratio > P50_FACTOR || ratio < 1 / P50_FACTOR) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s's p50 is %s%s, %.1fx %s than in the previous run of this scenario (%s):"
                                + " one of the two is distorted (JIT, other load on the machine); run it again, longer (more messages),"
                                + " before drawing a conclusion",
                        c.name(),
                        nanos(p50),
                        where,
                        ratio >= 1 ? ratio : 1 / ratio,
                        ratio >= 1 ? "higher" : "lower",
                        nanos(prev)));
            }
        }
        return out;
    }

    private static String params(RunReport r) {
        Map<String, String> p = r.params();
        if (p == null || p.isEmpty()) return "";
        List<String> kv = new ArrayList<>();
        p.forEach((k, v) -> kv.add(k + "=" + v));
        return " [" + String.join(" ", kv) + "]";
    }

    private static String nanos(long ns) {
        if (ns < 1_000) return ns + " ns";
        if (ns < 1_000_000) return String.format(Locale.ROOT, "%.3g us", ns / 1e3);
        if (ns < 1_000_000_000) return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
        return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
    }
}

package ipclab.repl.app;

import ipclab.dsl.verdict.Breakeven;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.RunReport.ChannelFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * After how many messages shared memory's dearer setup has paid for itself: with setup S and a
 * cost p per message ({@code 1 / msgs/s} of the channel, from first send to last receive), n
 * messages cost {@code S + n * p} ({@link Breakeven#messages}). Against every other mechanism of
 * the run; alone, against the last message queue measured on this machine ({@link History}).
 */
final class BreakEven {
    static final String MSGQ_SETUP = "msgq|setupNs";
    static final String MSGQ_PER_MESSAGE = "msgq|perMessageNs";

    private final History history;

    BreakEven(History history) {
        this.history = history;
    }

    /** Lines for one run, e.g. {@code ring (shm) has paid for its setup after 7,600 messages against q (msgq): ...}. */
    List<String> of(RunReport r) {
        List<String> out = new ArrayList<>();
        if (r.channels() == null) return out;
        List<ChannelFigures> busy =
                r.channels().stream().filter(c -> perMessage(c) > 0).toList();
        String where = params(r.params());
        for (ChannelFigures shm : busy) {
            if (!shm.type().equals("shm")) continue;
            boolean any = false;
            for (ChannelFigures other : busy) {
                if (other.type().equals("shm")) continue;
                any = true;
                out.add(line(shm, other.name() + " (" + other.type() + ")", other.setupNs(), perMessage(other), where));
            }
            long qSetup = history.get(MSGQ_SETUP), qPer = history.get(MSGQ_PER_MESSAGE);
            if (!any && qSetup > 0 && qPer > 0) {
                out.add(line(shm, "the last message queue measured here", qSetup, qPer, where));
            }
        }
        for (ChannelFigures c : busy) {
            if (!c.type().equals("msgq")) continue;
            history.put(MSGQ_SETUP, c.setupNs());
            history.put(MSGQ_PER_MESSAGE, Math.round(perMessage(c)));
        }
        return out;
    }

    private static String line(ChannelFigures shm, String other, double setupB, double perB, String where) {
        double n = Breakeven.messages(shm.setupNs(), perMessage(shm), setupB, perB);
        String when = n == 0
                ? "from the first message (its setup is no dearer)"
                : Double.isInfinite(n)
                        ? "never (it is no cheaper per message)"
                        : String.format(Locale.ROOT, "after %,.0f messages", Math.ceil(n));
        return String.format(
                Locale.ROOT,
                "break-even  %s (shm)%s: setup %s and %s per message against %s: setup %s and %s per message;"
                        + " shm has paid for its setup %s (this run: %,d messages)",
                shm.name(),
                where,
                nanos(shm.setupNs()),
                nanos(perMessage(shm)),
                other,
                nanos(setupB),
                nanos(perB),
                when,
                shm.counts().sent());
    }

    /** ns per message on the channel, 0 when it carried none. */
    static double perMessage(ChannelFigures c) {
        if (c.throughput() == null || c.throughput().msgsPerSec() <= 0) return 0;
        return 1e9 / c.throughput().msgsPerSec();
    }

    private static String params(Map<String, String> p) {
        if (p == null || p.isEmpty()) return "";
        List<String> kv = new ArrayList<>();
        p.forEach((k, v) -> kv.add(k + "=" + v));
        return " [" + String.join(" ", kv) + "]";
    }

    static String nanos(double ns) {
        if (ns < 1_000) return String.format(Locale.ROOT, "%.0f ns", ns);
        if (ns < 1_000_000) return String.format(Locale.ROOT, "%.3g us", ns / 1e3);
        if (ns < 1_000_000_000) return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
        return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
    }
}

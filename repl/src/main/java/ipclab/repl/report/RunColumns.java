package ipclab.repl.report;

import ipclab.engine.run.RunReport;
import ipclab.engine.run.RunReport.ChannelFigures;
import ipclab.engine.run.RunReport.Counter;
import ipclab.engine.run.RunReport.ProcessFigures;
import ipclab.repl.report.Style.Tone;
import ipclab.repl.report.TextTable.Align;
import ipclab.repl.report.TextTable.Cell;
import ipclab.repl.report.TextTable.Column;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The columns of a run's tables, each described once (header, alignment, how its cell is computed
 * and toned): the channel, process and counter tables of {@link RunTable}, a sweep's rows, and
 * {@link RunNotes}' summary of repeated runs. Absent figures print as {@code -}.
 */
final class RunColumns {
    private RunColumns() {}

    private static final Column<ChannelFigures> NAME = Column.text("channel", ChannelFigures::name);
    private static final Column<ChannelFigures> TYPE = Column.text("type", ChannelFigures::type);
    private static final Column<ChannelFigures> SETUP = Column.number("setup", c -> Units.nanos(c.setupNs()));
    private static final Column<ChannelFigures> SENT =
            Column.number("sent", c -> Units.count(c.counts().sent()));
    private static final Column<ChannelFigures> RECEIVED =
            Column.number("received", c -> Units.count(c.counts().received()));
    private static final Column<ChannelFigures> MSGS_PER_S = Column.number("msgs/s", c -> Units.rate(msgsPerSec(c)));
    private static final Column<ChannelFigures> MIB_PER_S = Column.number("MiB/s", c -> Units.decimal(mibPerSec(c)));
    private static final Column<ChannelFigures> P50 =
            Column.number("p50", c -> Units.nanos(latency(c, RunReport.Latency::p50)));
    private static final Column<ChannelFigures> P99 =
            Column.number("p99", c -> Units.nanos(latency(c, RunReport.Latency::p99)));
    private static final Column<ChannelFigures> SYSCALLS_PER_MSG =
            Column.number("syscalls/msg", c -> Units.decimal(c.syscallsPerMessage()));

    /** A run's channels; an idle one (a counter-only segment) shows only its name, type, zero counts and setup. */
    static final List<Column<ChannelFigures>> CHANNEL = List.of(
            NAME,
            TYPE,
            SENT,
            RECEIVED,
            busy(new Column<>("lost", Align.RIGHT, c -> {
                long lost = c.counts().lost();
                String mark = c.lossExpected() && lost > 0 ? "*" : "";
                return new Cell(Units.count(lost) + mark, c.lossExpected() ? warn(lost) : bad(lost));
            })),
            busy(count("dup", c -> c.counts().duplicated(), RunColumns::bad)),
            busy(count("corrupt", c -> c.counts().corrupted(), RunColumns::bad)),
            busy(count("reorder", c -> c.counts().reordered(), RunColumns::warn)),
            busy(MSGS_PER_S),
            busy(MIB_PER_S),
            busy(P50),
            busy(P99),
            busy(Column.number("max", c -> Units.nanos(latency(c, RunReport.Latency::max)))),
            busy(SYSCALLS_PER_MSG),
            SETUP);

    /** A sweep row's traffic: the busy channel's, or dashes for a run without one. */
    static final List<Column<ChannelFigures>> SWEEP_TRAFFIC = dashesForNone(List.of(
            SENT,
            RECEIVED,
            count("lost", c -> c.counts().lost(), RunColumns::bad),
            MSGS_PER_S,
            MIB_PER_S,
            P50,
            P99,
            SYSCALLS_PER_MSG));

    /** {@link RunNotes#summary}: each busy channel of each repeated run. */
    static final List<Column<ChannelFigures>> SUMMARY =
            List.of(NAME, TYPE, SENT, MSGS_PER_S, MIB_PER_S, P50, P99, SYSCALLS_PER_MSG, SETUP);

    static final List<Column<ProcessFigures>> PROCESS = List.of(
            Column.text("process", ProcessFigures::name),
            Column.text("role", ProcessFigures::role),
            Column.number("sent", p -> Units.count(p.sent())),
            Column.number("received", p -> Units.count(p.received())),
            Column.number("pid", p -> Long.toString(p.pid())),
            new Column<>("exit", Align.RIGHT, p -> {
                Integer exit = p.exitCode();
                return new Cell(
                        exit == null ? "-" : exit.toString(), exit != null && exit != 0 ? Tone.BAD : Tone.PLAIN);
            }),
            Column.number("user ms", p -> Units.decimal(p.userCpuMs())),
            Column.number("sys ms", p -> Units.decimal(p.sysCpuMs())),
            Column.number("vol cs", p -> Units.count(p.voluntaryCtxSwitches())),
            Column.number("invol cs", p -> Units.count(p.involuntaryCtxSwitches())),
            Column.number("faults min/maj", p -> Units.count(p.minorFaults()) + "/" + Units.count(p.majorFaults())),
            Column.number(
                    "syscalls",
                    p -> p.syscalls() == null
                            ? "-"
                            : Units.count(p.syscalls().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum())),
            Column.number("ready ms", p -> Units.decimal(p.spawnToReadyMs())),
            Column.text(
                    "cpus",
                    p -> p.cpus() == null || p.cpus().isEmpty() ? "-" : p.cpus() + (p.pinned() ? " pinned" : "")));

    /** A counter's figures (in a sweep, dashes for a row without one). */
    static final List<Column<Counter>> COUNTER = dashesForNone(List.of(
            Column.number("final", k -> Units.count(k.finalValue())),
            Column.number("expected", k -> Units.count(k.expected())),
            count("lost updates", Counter::lostUpdates, RunColumns::warn)));

    /** The columns, showing dashes for a row that has nothing of theirs (null). */
    private static <T> List<Column<T>> dashesForNone(List<Column<T>> columns) {
        return columns.stream().map(c -> c.dashWhen(Objects::isNull)).toList();
    }

    /** A right-aligned count, toned by its value ({@link #bad} or {@link #warn} when above 0). */
    private static <T> Column<T> count(String header, ToLongFunction<T> n, LongFunction<Tone> tone) {
        return new Column<>(header, Align.RIGHT, t -> {
            long v = n.applyAsLong(t);
            return new Cell(Units.count(v), tone.apply(v));
        });
    }

    /** A traffic column of the channel table: a dash for an idle channel. */
    private static Column<ChannelFigures> busy(Column<ChannelFigures> c) {
        return c.dashWhen(RunColumns::idle);
    }

    /** A latency in ns ({@code RunReport.Latency::p50}), or NaN when the channel has none (nothing was timed). */
    private static double latency(ChannelFigures c, ToDoubleFunction<RunReport.Latency> which) {
        return c.latencyNs() == null ? Double.NaN : which.applyAsDouble(c.latencyNs());
    }

    /** Messages per second, or NaN when the channel was not timed. */
    private static double msgsPerSec(ChannelFigures c) {
        return c.throughput() == null ? Double.NaN : c.throughput().msgsPerSec();
    }

    /** MiB per second, or NaN when the channel was not timed. */
    private static double mibPerSec(ChannelFigures c) {
        return c.throughput() == null ? Double.NaN : c.throughput().mibPerSec();
    }

    /** A channel that carried no messages (a counter-only segment). */
    static boolean idle(ChannelFigures c) {
        return c.counts().sent() == 0 && c.counts().received() == 0;
    }

    /** Bad when above 0: loss, duplicates, corruption. */
    private static Tone bad(long n) {
        return n > 0 ? Tone.BAD : Tone.PLAIN;
    }

    /** Worth a look when above 0: reordering, expected loss, lost updates. */
    private static Tone warn(long n) {
        return n > 0 ? Tone.WARN : Tone.PLAIN;
    }
}

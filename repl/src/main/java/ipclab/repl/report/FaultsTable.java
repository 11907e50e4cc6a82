package ipclab.repl.report;

import ipclab.engine.run.RunReport;
import ipclab.engine.run.RunReport.ChannelFigures;
import ipclab.engine.run.RunReport.Injected;
import ipclab.engine.run.RunReport.ProcessFigures;
import ipclab.repl.report.Style.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faults section of a run's report: each fault of the scenario, when it acted and what it
 * did; what each process saw (failed calls by errno, IPC_NOWAIT's retries); and, per channel a
 * fault touched, the messages lost because of it (told apart from unexplained loss, which fails a run).
 */
final class FaultsTable {
    private final Style style;

    FaultsTable(Style style) {
        this.style = style;
    }

    /** The section's lines (a blank line first), or none for a run without faults. */
    List<String> render(RunReport r) {
        List<Injected> faults = r.faults();
        if (faults.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        out.add("");
        TextTable t = new TextTable().text("fault").text("at").text("what happened");
        for (Injected f : faults) {
            t.row()
                    .cell(Nulls.text(f.fault()))
                    .cell(f.atMs() == null ? "-" : f.atMs() + " ms")
                    .cell(Nulls.text(f.result()), f.atMs() == null ? Tone.DIM : Tone.WARN);
        }
        out.addAll(t.render(style));
        TextTable seen = new TextTable()
                .text("process")
                .text("errors seen (calls that failed, by errno; EAGAIN/ENOMSG: IPC_NOWAIT retries)");
        for (ProcessFigures p : r.processes()) {
            List<String> errors = new ArrayList<>();
            for (Map.Entry<String, Long> e : Nulls.map(p.events()).entrySet()) {
                String k = e.getKey();
                String errno =
                        k.startsWith("errors.") ? k.substring("errors.".length()) : k.matches("E[A-Z0-9]+") ? k : null;
                if (errno != null) errors.add(errno + " " + Units.count(e.getValue()));
            }
            String exit = p.exitCode() == null
                    ? ""
                    : p.exitCode() == 137
                            ? "  (exit 137: SIGKILL)"
                            : p.exitCode() != 0 ? "  (exit " + p.exitCode() + ")" : "";
            if (!errors.isEmpty() || !exit.isEmpty())
                seen.row().cell(p.name()).cell(String.join(", ", errors) + exit, Tone.WARN);
        }
        if (!seen.isEmpty()) {
            out.add("");
            out.addAll(seen.render(style));
        }
        for (ChannelFigures c : r.channels()) {
            long faulty = c.counts().lost() + c.counts().corrupted();
            if (faulty == 0 || !touched(c.name(), faults, r.processes())) continue;
            out.add("channel " + c.name() + ": " + Units.count(c.counts().lost()) + " lost, "
                    + Units.count(c.counts().corrupted()) + " corrupted, counted as the faults' doing (not a failure)");
        }
        return out;
    }

    /** A fault acts on the channel, or on one of the processes using it. */
    private static boolean touched(String channel, List<Injected> faults, List<ProcessFigures> processes) {
        for (Injected f : faults) {
            if (("channel " + channel).equals(f.target())) return true;
            for (ProcessFigures p : processes)
                if (p.name().equals(f.target()) && channel.equals(p.channel())) return true;
        }
        return false;
    }
}

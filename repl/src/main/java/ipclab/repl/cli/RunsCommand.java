package ipclab.repl.cli;

import ipclab.engine.run.Outcome;
import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.engine.trace.TraceStore;
import ipclab.repl.app.Lab;
import ipclab.repl.report.TextTable;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ipclab runs}: the kept traces, oldest first, numbered. */
@Command(name = "runs")
public final class RunsCommand extends CliCommand {
    @Override
    public Integer call() throws IOException {
        Lab lab = new Lab();
        List<TraceStore.Entry> all = lab.traces().kept();
        if (all.isEmpty()) {
            cli.out().println("no trace kept in " + lab.traces().dir() + " yet: 'ipclab run FILE' keeps one per run");
            return ExitCodes.OK;
        }
        TextTable t = new TextTable()
                .number("#")
                .text("scenario")
                .text("recorded")
                .text("schedule")
                .number("steps")
                .text("outcome")
                .text("trace");
        for (TraceStore.Entry e : all) {
            try {
                Trace tr = lab.traces().read(e.path());
                t.row()
                        .cell(Integer.toString(e.number()))
                        .cell(tr.scenario().name())
                        .cell(tr.createdAt())
                        .cell(tr.scheduler().toString())
                        .cell(tr.stepped() ? Integer.toString(tr.steps().size()) : "-")
                        .cell(Outcome.worst(tr.reports()).name().toLowerCase(java.util.Locale.ROOT))
                        .cell(e.path().toString());
            } catch (TraceException x) {
                t.row()
                        .cell(Integer.toString(e.number()))
                        .cell(e.scenario())
                        .cell("-")
                        .cell("-")
                        .cell("-")
                        .cell("unreadable: "
                                + x.kind()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' '))
                        .cell(e.path().toString());
            }
        }
        t.render(cli.style()).forEach(cli.out()::println);
        return ExitCodes.OK;
    }
}

package ipclab.repl.cli;

import ipclab.engine.trace.Trace;
import ipclab.repl.app.Lab;
import ipclab.repl.report.TraceDiagram;
import ipclab.repl.report.TraceRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipclab trace show TRACE [--svg FILE]}: a stepped trace as a sequence diagram. */
@Command(name = "trace", subcommands = TraceCommand.Show.class)
public final class TraceCommand extends CliCommand {
    @Override
    public Integer call() {
        cli.err().println("ipclab trace: a subcommand is needed: show TRACE [--svg FILE]");
        return ExitCodes.USAGE;
    }

    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        TraceCommand parent;

        @picocli.CommandLine.Mixin
        TraceArgument trace;

        @Option(names = "--svg", paramLabel = "FILE")
        Path svg;

        @Override
        public Integer call() throws IOException {
            Cli cli = parent.cli;
            RunCommand.checkWritable(svg, "--svg");
            Trace t = trace.read(new Lab());
            if (!t.stepped()) {
                throw new InputException(
                        "this trace is of a free run: it has no steps to draw (record one with --schedule random or pct)");
            }
            TraceRows rows = TraceRows.of(t);
            String title = t.scenario().name() + ", schedule " + t.scheduler() + ", " + Schedules.summary(t.steps());
            TraceDiagram.show(rows, title, svg, cli.out(), cli.style());
            return ExitCodes.OK;
        }
    }
}

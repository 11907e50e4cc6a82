package ipclab.repl.cli;

import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every ipclab subcommand, registered once, in the order {@code --help} lists them. A command's
 * name, help and options live on its class; this table only says which commands exist.
 */
public final class Commands {
    /** One factory per subcommand; each gets the shared {@link Cli}. */
    static final List<Function<Cli, Object>> ALL = List.of(
            RunCommand::new,
            ValidateCommand::new,
            SchemaCommand::new,
            IpcsCommand::new,
            CleanCommand::new,
            ipclab.repl.shell.ReplCommand::new);

    private Commands() {}

    /**
     * The {@code ipclab} command line with every subcommand and the built-in {@code help}, printing
     * to the {@link Cli}'s streams, with ipclab's error handling.
     *
     * @param debug print stack traces for errors
     */
    public static CommandLine commandLine(Cli cli, boolean debug) {
        CommandLine root = new CommandLine(new IpclabCommand(cli));
        for (Function<Cli, Object> f : ALL) root.addSubcommand(f.apply(cli));
        root.addSubcommand(new CommandLine.HelpCommand());
        root.setOut(cli.out());
        root.setErr(cli.err());
        root.setColorScheme(CommandLine.Help.defaultColorScheme(cli.style().color() ? Ansi.ON : Ansi.OFF));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandlers handlers = new ErrorHandlers(cli, debug);
        root.setParameterExceptionHandler(handlers);
        root.setExecutionExceptionHandler(handlers);
        return root;
    }

    /** The names of the registered subcommands (for the REPL's completion). */
    public static List<String> names() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Cli cli = new Cli(sink, sink, new Style(false, false), Map.of());
        return commandLine(cli, false).getSubcommands().values().stream()
                .map(CommandLine::getCommandSpec).map(CommandSpec::name).toList();
    }
}

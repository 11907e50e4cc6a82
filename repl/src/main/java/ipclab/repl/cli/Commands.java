package ipclab.repl.cli;

import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every ipclab subcommand, registered once, in the order {@code --help} lists them. A command's
 * name, help and options live on its class; this table only says which commands exist.
 */
public final class Commands {
    /** One factory per subcommand; {@link #commandLine} gives each the shared {@link Cli}. */
    static final List<Supplier<CliCommand>> ALL = List.of(
            RunCommand::new,
            ReplayCommand::new,
            ExploreCommand::new,
            RunsCommand::new,
            TraceCommand::new,
            ValidateCommand::new,
            SchemaCommand::new,
            IpcsCommand::new,
            CleanCommand::new);

    /** A command of the {@code ipclab} launcher script itself: it never reaches this program. */
    record LauncherCommand(String name, String description) {}

    /** Listed in {@code --help} after the subcommands, so that the help names every command a user can type. */
    static final List<LauncherCommand> LAUNCHER_ONLY = List.of(
            new LauncherCommand("test", "Run the whole test suite, as CI does (mvn verify with JDK 25)."),
            new LauncherCommand("build", "Build ipclab now; also done on first use and after a change."));

    private Commands() {}

    /**
     * The {@code ipclab} command line with every subcommand and the built-in {@code help}, printing
     * to the {@link Cli}'s streams, with ipclab's error handling.
     *
     * @param debug print stack traces for errors
     */
    public static CommandLine commandLine(Cli cli, boolean debug) {
        return commandLine(cli, debug, List.of());
    }

    /**
     * As {@link #commandLine(Cli, boolean)}, with more subcommands after the built-in ones: the
     * layer above (the REPL's {@code repl} command) registers itself without this package knowing it.
     */
    public static CommandLine commandLine(Cli cli, boolean debug, List<Supplier<CliCommand>> more) {
        CommandLine root = new CommandLine(new IpclabCommand().on(cli));
        List<Supplier<CliCommand>> all = new java.util.ArrayList<>(ALL);
        all.addAll(more);
        for (Supplier<CliCommand> f : all) {
            CommandLine sub = new CommandLine(f.get().on(cli));
            addHelp(sub);
            root.addSubcommand(sub);
        }
        root.addSubcommand(new CommandLine.HelpCommand());
        root.setOut(cli.out());
        root.setErr(cli.err());
        root.setColorScheme(CommandLine.Help.defaultColorScheme(cli.style().color() ? Ansi.ON : Ansi.OFF));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Commands::commandListWithLauncher);
        ErrorHandlers handlers = new ErrorHandlers(cli, debug);
        root.setParameterExceptionHandler(handlers);
        root.setExecutionExceptionHandler(handlers);
        return root;
    }

    /** Every subcommand's -h, --help, added here once, down to nested ones ({@code trace show}). */
    private static void addHelp(CommandLine command) {
        command.addMixin("help", new HelpOption());
        command.getSubcommands().values().forEach(Commands::addHelp);
    }

    /** The command list of {@code --help}: the subcommands, then the launcher's own commands, in one table. */
    private static String commandListWithLauncher(CommandLine.Help help) {
        Map<String, CommandLine.Help> all = new LinkedHashMap<>(help.subcommands());
        for (LauncherCommand command : LAUNCHER_ONLY) {
            CommandSpec spec = CommandSpec.create().name(command.name());
            spec.usageMessage().description(command.description());
            all.put(
                    command.name(),
                    new CommandLine(spec).setColorScheme(help.colorScheme()).getHelp());
        }
        return help.commandList(all);
    }

    /** The names of the registered subcommands (for the REPL's completion). */
    public static List<String> names() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Cli cli = new Cli(sink, sink, new Style(false, false), Map.of());
        return commandLine(cli, false).getSubcommands().values().stream()
                .map(CommandLine::getCommandSpec)
                .map(CommandSpec::name)
                .toList();
    }
}

package ipclab.repl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code ipclab} command: global options; the work is done by subcommands. */
@Command(
        name = "ipclab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        resourceBundle = "ipclab.repl.cli.HelpText")
public final class IpclabCommand extends CliCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugFlag debug;

    /** No subcommand: the usage, on stderr, and exit 2. */
    @Override
    public Integer call() {
        cli.err().println("ipclab: a command is needed.");
        spec.commandLine().usage(cli.err());
        return ExitCodes.USAGE;
    }
}

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
        description = "A lab for interprocess communication on Linux: scenarios of real processes over System V "
                + "shared memory, message queues, sockets and pipes, measured, checked, and cleaned up.",
        footer = {
            "",
            "The ./ipclab launcher script also takes:",
            "  test   run the whole test suite (mvn -B verify, what CI runs)",
            "  build  build the project now (it builds by itself on first use and when sources change)",
            "",
            "Exit codes: 0 ok, 1 failure, 2 bad usage or input,",
            "            3 (run) an expect claim was refuted, 130 (run) interrupted by Ctrl-C.",
            "Run 'ipclab COMMAND --help' for a command's options."
        })
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

package ipclab.repl.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every subcommand ({@link Commands} adds it; the version is the top command's alone). */
public final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;
}

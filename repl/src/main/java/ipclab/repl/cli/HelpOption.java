package ipclab.repl.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every subcommand ({@link Commands} adds it; the version is the top command's alone). */
public final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            descriptionKey = "commandHelp")
    boolean help;
}

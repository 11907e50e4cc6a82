package ipclab.repl.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a subcommand (the version is the top command's alone). */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}

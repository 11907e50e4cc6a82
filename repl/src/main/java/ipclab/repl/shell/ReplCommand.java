package ipclab.repl.shell;

import ipclab.repl.app.TextFiles;
import ipclab.repl.cli.CliCommand;
import ipclab.repl.cli.DebugFlag;
import ipclab.repl.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipclab repl [FILE | -c COMMANDS]}: the interactive shell, or a script run without one. */
@Command(name = "repl")
public final class ReplCommand extends CliCommand {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", descriptionKey = "FILE")
    Path script;

    @Option(names = "-c", paramLabel = "COMMANDS")
    String commands;

    @Override
    public Integer call() throws IOException {
        if (script != null && commands != null) {
            cli.err().println("ipclab repl: give a script FILE or -c COMMANDS, not both");
            return ExitCodes.USAGE;
        }
        String text = null;
        if (script != null) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(script);
            } catch (NoSuchFileException e) {
                cli.err().println("ipclab repl: " + script + ": no such file");
                return ExitCodes.USAGE;
            } catch (IOException e) {
                cli.err()
                        .println("ipclab repl: " + script + ": cannot be read: "
                                + (Files.isDirectory(script) ? "it is a directory" : e.getMessage()));
                return ExitCodes.USAGE;
            }
            TextFiles.NotUtf8 bad = TextFiles.firstNotUtf8(bytes);
            if (bad != null) {
                cli.err()
                        .println("ipclab repl: " + script + ":" + bad.line() + ":" + bad.column()
                                + ": not a text file: " + bad.describe() + "; a script is UTF-8 text");
                return ExitCodes.USAGE;
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        boolean debug = DebugFlag.requested(
                spec.commandLine().getParseResult().originalArgs().toArray(String[]::new), cli.env());
        Timing timing = new Timing();
        try (Shell shell = new Shell(cli, timing, debug, commands == null && text == null)) {
            if (commands != null) return Terminals.runScript(shell, commands, "-c", 0);
            if (text != null) return Terminals.runScript(shell, text, script.toString(), 1);
            return Terminals.interactive(shell, cli.env());
        }
    }
}

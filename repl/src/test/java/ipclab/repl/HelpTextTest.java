package ipclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.cli.Cli;
import ipclab.repl.cli.Commands;
import ipclab.repl.report.Style;
import ipclab.repl.shell.ReplCommand;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help text lives in one resource bundle ({@code ipclab/repl/cli/HelpText.properties}), away
 * from the options it describes: a renamed option or a key typed wrong shows as an empty
 * description, which picocli does not complain about. This walks every command, as {@code Main}
 * registers them (with the REPL's {@code repl}), down to nested subcommands.
 */
class HelpTextTest {
    private static final String BUNDLE = "ipclab.repl.cli.HelpText";

    private static CommandLine root() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Cli cli = new Cli(sink, sink, new Style(false, false), Map.of());
        return Commands.commandLine(cli, false, List.of(ReplCommand::new));
    }

    private static List<CommandSpec> commands(CommandLine line) {
        List<CommandSpec> all = new ArrayList<>(List.of(line.getCommandSpec()));
        for (CommandLine sub : new LinkedHashSet<>(line.getSubcommands().values())) all.addAll(commands(sub));
        return all;
    }

    private static String where(CommandSpec command, ArgSpec arg) {
        String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
        return "'" + command.qualifiedName() + "' " + name;
    }

    @Test
    void everyCommandOptionAndParameterHasADescription() {
        List<String> missing = new ArrayList<>();
        for (CommandSpec command : commands(root())) {
            if (String.join("", command.usageMessage().description()).isBlank()) {
                missing.add("'" + command.qualifiedName() + "' itself");
            }
            for (ArgSpec arg : command.args()) {
                if (String.join("", arg.description()).isBlank()) missing.add(where(command, arg));
            }
        }
        assertEquals(List.of(), missing, "no description (a key missing from " + BUNDLE + "?)");
    }

    /** A key no command reads is text no user sees: an option renamed or removed, its description left behind. */
    @Test
    void everyKeyOfTheBundleIsRead() {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE);
        Set<String> read = new TreeSet<>();
        for (CommandSpec command : commands(root())) {
            if (command.userObject() instanceof CommandLine.HelpCommand) continue;
            String prefix = command.qualifiedName(".") + ".";
            List<String> keys = new ArrayList<>(List.of("usage.description", "usage.footer"));
            for (OptionSpec o : command.options()) {
                keys.add(o.descriptionKey().isEmpty() ? o.longestName().replaceFirst("^-+", "") : o.descriptionKey());
            }
            command.positionalParameters().forEach(p -> keys.add(p.descriptionKey()));
            for (String key : keys) {
                read.add(prefix + key);
                read.add(key);
            }
        }
        Set<String> unread = new TreeSet<>();
        for (String key : bundle.keySet()) {
            if (!read.contains(key.replaceFirst("\\.\\d+$", ""))) unread.add(key);
        }
        assertTrue(unread.isEmpty(), "keys of " + BUNDLE + " no command reads: " + unread);
    }
}

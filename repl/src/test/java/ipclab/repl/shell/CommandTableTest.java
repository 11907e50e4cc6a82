package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    static Command row(String name, Command.Kind kind) {
        return new Command(name, "", name + " does things.", args -> true, Command.ArgCompleter.NONE, kind);
    }

    final CommandTable table = new CommandTable()
            .add(row("load", Command.Kind.SCENARIO))
            .add(row("run", Command.Kind.SCENARIO))
            .add(row("report", Command.Kind.SCENARIO))
            .add(row("help", Command.Kind.SESSION))
            .add(row("timing", Command.Kind.HIDDEN));

    @Test
    void aUniquePrefixFindsItsCommand() {
        assertEquals("load", ((CommandTable.Found) table.find("l")).command().name());
        assertEquals(
                "report", ((CommandTable.Found) table.find("rep")).command().name());
        assertEquals("run", ((CommandTable.Found) table.find("run")).command().name());
    }

    @Test
    void anAmbiguousPrefixListsTheCandidates() {
        CommandTable.Lookup l = table.find("r");
        assertEquals(new CommandTable.Ambiguous("r", List.of("/run", "/report")), l);
        assertEquals("/r is ambiguous: /run, /report", CommandTable.explain(l));
    }

    @Test
    void aTypoGetsDidYouMean() {
        assertEquals("no command /rnu; did you mean /run? (/help lists them)", CommandTable.explain(table.find("rnu")));
        assertEquals("no command /xyz (/help lists them)", CommandTable.explain(table.find("xyz")));
    }

    @Test
    void hiddenCommandsAreFoundByFullNameOnly() {
        assertEquals(
                "timing", ((CommandTable.Found) table.find("timing")).command().name());
        assertEquals(CommandTable.Unknown.class, table.find("tim").getClass());
        assertEquals(
                List.of("load", "run", "report", "help"),
                table.visible().stream().map(Command::name).toList());
    }

    @Test
    void aNameIsRegisteredOnce() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> table.add(row("run", Command.Kind.STEP)));
        assertEquals("command /run is registered twice", e.getMessage());
    }

    @Test
    void wordsKeepQuotedSpaces() {
        assertEquals(List.of("load", "my file.yaml", "x"), Words.split(" load 'my file.yaml'  x"));
        assertEquals(List.of("report", "--json", "a b.json"), Words.split("report --json \"a b.json\""));
    }
}

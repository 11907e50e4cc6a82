package ipclab.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one suggestion policy: what the YAML diagnostics and the command line both use. */
class SuggestionsTest {
    private static final List<String> COMMANDS = List.of("run", "validate", "schema", "ipcs", "clean", "help");

    @Test
    void aSwapIsOneStep() {
        assertEquals(1, Suggestions.distance("ipsc", "ipcs"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(List.of("ipcs"), Suggestions.commands("ipsc", COMMANDS));
        assertEquals(List.of("validate"), Suggestions.commands("valdiate", COMMANDS));
        assertEquals(List.of("clean"), Suggestions.commands("clena", COMMANDS));
    }

    @Test
    void aCommandTypedInPartIsSuggested() {
        assertEquals(List.of("validate"), Suggestions.commands("val", COMMANDS));
        assertEquals(
                Optional.empty(),
                Suggestions.closest("val", COMMANDS),
                "keys and values are not completed from a prefix");
    }

    @Test
    void farOffWordsGetNothing() {
        assertEquals(List.of(), Suggestions.commands("frobnicate", COMMANDS));
        assertEquals(List.of(), Suggestions.commands("x", COMMANDS));
        assertEquals("", Suggestions.didYouMean("frobnicate", Key.Scope.PROCESS.keys()));
    }

    @Test
    void keysGetTheFirstClosest() {
        assertEquals("; did you mean 'messages'?", Suggestions.didYouMean("mesages", Key.Scope.PROCESS.keys()));
        assertEquals(List.of("sent", "rent"), Suggestions.commands("bent", List.of("sent", "rent", "bend2")));
    }
}

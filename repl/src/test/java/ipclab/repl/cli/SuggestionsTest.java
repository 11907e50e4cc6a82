package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.Suggestions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Did you mean" for a mistyped command: the dsl's one suggestion policy, as the command line uses it. */
class SuggestionsTest {
    private static final List<String> NAMES = List.of("run", "validate", "schema", "ipcs", "clean", "help");

    @Test
    void aSwapIsOneStep() {
        assertEquals(Optional.of("ipcs"), Suggestions.closestOrCompletion("ipsc", NAMES));
        assertEquals(Optional.of("validate"), Suggestions.closestOrCompletion("valdiate", NAMES));
        assertEquals(Optional.of("clean"), Suggestions.closestOrCompletion("clena", NAMES));
    }

    @Test
    void aPrefixSuggestsTheCommand() {
        assertEquals(Optional.of("validate"), Suggestions.closestOrCompletion("val", NAMES));
    }

    @Test
    void farOffWordsGetNothing() {
        assertEquals(Optional.empty(), Suggestions.closestOrCompletion("frobnicate", NAMES));
        assertEquals(Optional.empty(), Suggestions.closestOrCompletion("x", NAMES));
    }

    @Test
    void distance() {
        assertEquals(1, Suggestions.distance("ipsc", "ipcs"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("run", "run"));
    }
}

package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> NAMES = List.of("run", "validate", "schema", "ipcs", "clean", "help");

    @Test
    void aSwapIsOneStep() {
        assertEquals(List.of("ipcs"), Suggestions.closest("ipsc", NAMES));
        assertEquals(List.of("validate"), Suggestions.closest("valdiate", NAMES));
        assertEquals(List.of("clean"), Suggestions.closest("clena", NAMES));
    }

    @Test
    void aPrefixSuggestsTheCommand() {
        assertEquals(List.of("validate"), Suggestions.closest("val", NAMES));
    }

    @Test
    void farOffWordsGetNothing() {
        assertEquals(List.of(), Suggestions.closest("frobnicate", NAMES));
        assertEquals(List.of(), Suggestions.closest("x", NAMES));
    }

    @Test
    void distance() {
        assertEquals(1, ipclab.dsl.model.Suggestions.distance("ipsc", "ipcs"));
        assertEquals(3, ipclab.dsl.model.Suggestions.distance("kitten", "sitting"));
        assertEquals(0, ipclab.dsl.model.Suggestions.distance("run", "run"));
    }
}

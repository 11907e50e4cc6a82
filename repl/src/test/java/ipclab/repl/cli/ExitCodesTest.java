package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.engine.run.Outcome;
import org.junit.jupiter.api.Test;

/** The one table from how a run ended to the exit status scripts rely on (README, "Exit codes"). */
class ExitCodesTest {
    @Test
    void eachOutcomeHasItsDocumentedStatus() {
        assertEquals(0, ExitCodes.of(Outcome.OK));
        assertEquals(1, ExitCodes.of(Outcome.FAILED));
        assertEquals(3, ExitCodes.of(Outcome.REFUTED));
    }
}

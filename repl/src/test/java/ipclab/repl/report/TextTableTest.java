package ipclab.repl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsTextLeftAndNumbersRight() {
        TextTable t = new TextTable().text("name").number("sent").text("note");
        t.row().cell("ring").cell("10,000").cell("");
        t.row().cell("jobs-queue").cell("7").cell("slow");
        assertEquals(
                List.of("name          sent  note", "ring        10,000", "jobs-queue       7  slow"),
                t.render(new Style(false, true)));
    }

    @Test
    void colourDoesNotBreakAlignment() {
        TextTable t = new TextTable().text("a").number("b");
        t.row().cell("x", Style.Tone.BAD).cell("12", Style.Tone.GOOD);
        List<String> lines = t.render(new Style(true, true));
        assertEquals("\u001b[1ma\u001b[0m   \u001b[1mb\u001b[0m", lines.get(0));
        assertEquals("\u001b[31mx\u001b[0m  \u001b[32m12\u001b[0m", lines.get(1));
    }

    @Test
    void tooManyCellsIsABug() {
        TextTable t = new TextTable().text("a");
        var e = assertThrows(
                IllegalStateException.class, () -> t.row().cell("1").cell("2"));
        assertEquals("row has more cells than the 1 columns [a]", e.getMessage());
    }
}

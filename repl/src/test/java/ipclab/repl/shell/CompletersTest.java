package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.cli.Cli;
import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers, through the same {@link ShellCompleter} JLine calls, without a terminal. */
class CompletersTest {
    final StringWriter out = new StringWriter();
    final Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(out, true), new Style(false, false), Map.of());

    List<String> tab(Shell shell, String line) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(null);
        List<Candidate> cs = new ArrayList<>();
        new ShellCompleter(shell).complete(null, parser.parse(line, line.length()), cs);
        return cs.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void commandsOptionsFilesAndHelpTopics(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "");
        Files.createDirectory(dir.resolve("sub"));
        try (Shell shell = new Shell(cli, new Timing(), false, false)) {
            assertEquals(List.of("/help", "/history"), tab(shell, "/h"));
            assertEquals(List.of("/help"), tab(shell, "/he"));
            assertEquals(List.of("--json"), tab(shell, "/report --"));
            assertEquals(List.of(dir + "/a.yaml", dir + "/sub/"), tab(shell, "/load " + dir + "/"));
            assertEquals(List.of(dir + "/a.yaml"), tab(shell, "/report --json " + dir + "/a"));
            assertEquals(
                    List.of("java", "load"),
                    tab(shell, "/help " + "").stream()
                            .filter(s -> s.equals("java") || s.equals("load"))
                            .toList());
            assertEquals(List.of("--json", "--kind", "--mine"), tab(shell, "/ipcs --"));
            assertEquals(List.of(), tab(shell, "/timi"), "hidden commands are not offered");
        }
    }

    @Test
    void scenarioVariablesProcessAndChannelNamesAndJava() throws Exception {
        try (Shell shell = new Shell(cli, new Timing(), false, false)) {
            shell.execute(
                    "var race = scenario(\"r\").channel(shm(\"counter\")).process(incrementer(\"inc\").channel(\"counter\").replicas(2)).build();",
                    "test",
                    1);
            assertTrue(out.toString().contains("race ==> scenario 'r'"), out.toString());
            assertEquals(List.of("race"), tab(shell, "/run ra"));
            shell.execute("/validate race", "test", 2);
            assertEquals(
                    List.of("inc-1", "inc-2"), new Completers(shell).processes().complete(List.of(), "inc"));
            assertEquals(List.of("counter"), new Completers(shell).channels().complete(List.of(), "c"));
            assertEquals(List.of("inc-1", "inc-2"), tab(shell, "/step i"));
            assertEquals(List.of("counter"), tab(shell, "/show c"));
            assertEquals(List.of("--hex"), tab(shell, "/show counter --"));
            assertEquals(List.of("counter", "inc-1", "inc-2"), tab(shell, "/break "));
            assertEquals(List.of("store"), tab(shell, "/break inc-1 sto"));
            assertEquals(List.of("counter"), tab(shell, "/break counter cou"));
            assertTrue(
                    tab(shell, "race.proc").contains("race.processes()"),
                    tab(shell, "race.proc").toString());
            assertTrue(
                    tab(shell, "Scen").contains("Scenario"), tab(shell, "Scen").toString());
        }
    }
}

package ipclab.repl.app;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario file as {@link Lab#load(Path)} takes it: YAML ({@link ScenarioLoader#load}; a file of
 * several documents separated by {@code ---} lines holds several scenarios, run in turn, as the
 * parts of one comparison), or fluent Java ({@link JavaScenarios}, then {@link ScenarioLoader#plan} for each scenario it gives). Either
 * every scenario of the file plans, or one {@link ScenarioException} holds every problem.
 */
final class ScenarioFiles {
    private ScenarioFiles() {}

    static List<LoadedScenario> load(Path arg) throws ScenarioException {
        String s = arg.toString();
        if (!JavaScenarios.isJava(s)) return yaml(arg);
        List<JavaScenarios.Found> found = JavaScenarios.load(s);
        List<LoadedScenario> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (JavaScenarios.Found f : found) {
            try {
                String label = found.size() == 1 ? s : JavaScenarios.fileOf(s) + "#" + f.member();
                out.add(LoadedScenario.of(label, ScenarioLoader.plan(f.scenario())));
            } catch (ScenarioException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    private static final Pattern SEPARATOR = Pattern.compile("---\\s*(#.*)?");

    /** One scenario per YAML document; a document is padded with the lines before it, so diagnostics keep the file's line numbers. */
    private static List<LoadedScenario> yaml(Path file) throws ScenarioException {
        String name = file.toString();
        List<String> docs;
        try {
            docs = documents(Files.readString(file));
        } catch (IOException | UncheckedIOException e) {
            docs = List.of();     // the loader says what is wrong with the file
        }
        if (docs.size() <= 1) return List.of(LoadedScenario.of(name, ScenarioLoader.load(file)));
        List<LoadedScenario> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String doc : docs) {
            try {
                ScenarioLoader.Loaded l = ScenarioLoader.fromYaml(doc, name);
                out.add(LoadedScenario.of(name + "#" + l.scenario().name(), l));
            } catch (ScenarioException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /** The documents that hold more than blank lines and comments, each preceded by as many empty lines as came before it. */
    static List<String> documents(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder doc = new StringBuilder();
        int start = 0;
        boolean content = false;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || SEPARATOR.matcher(lines[i]).matches()) {
                if (content) out.add("\n".repeat(start) + doc);
                doc.setLength(0);
                content = false;
                start = i + 1;
                continue;
            }
            doc.append(lines[i]).append('\n');
            String t = lines[i].strip();
            if (!t.isEmpty() && !t.startsWith("#")) content = true;
        }
        return out;
    }
}

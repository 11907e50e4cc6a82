package ipclab.repl.cli;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario file as {@code run} and {@code validate} take it: YAML ({@link ScenarioLoader#load}),
 * or fluent Java ({@link JavaScenarios}, then {@link ScenarioLoader#plan} for each scenario it gives).
 * Either every scenario of the file plans, or one {@link ScenarioException} holds every problem.
 */
final class ScenarioFiles {
    private ScenarioFiles() {}

    /**
     * One planned scenario of a file.
     *
     * @param label the file, and for a Java file with several scenarios the member: {@code examples/Race.java#sweep()}
     */
    record Entry(String label, ScenarioLoader.Loaded loaded) {}

    static List<Entry> load(Path arg) throws ScenarioException {
        String s = arg.toString();
        if (!JavaScenarios.isJava(s)) return List.of(new Entry(s, ScenarioLoader.load(arg)));
        List<JavaScenarios.Found> found = JavaScenarios.load(s);
        List<Entry> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (JavaScenarios.Found f : found) {
            try {
                String label = found.size() == 1 ? s : JavaScenarios.fileOf(s) + "#" + f.member();
                out.add(new Entry(label, ScenarioLoader.plan(f.scenario())));
            } catch (ScenarioException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }
}

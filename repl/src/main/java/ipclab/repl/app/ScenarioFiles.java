package ipclab.repl.app;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import java.nio.file.Path;
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
                // a builder call's place names the class's file; the user named it by its path
                String path = JavaScenarios.fileOf(s);
                String simple = Path.of(path).getFileName().toString();
                for (Diagnostic d : e.diagnostics()) {
                    problems.add(
                            d.file().equals(simple)
                                    ? new Diagnostic(path, d.line(), d.column(), d.path(), d.message())
                                    : d);
                }
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /** One scenario per YAML document, labelled {@code file#name} when there are several. */
    private static List<LoadedScenario> yaml(Path file) throws ScenarioException {
        List<ScenarioLoader.Loaded> all = ScenarioLoader.loadAll(file);
        String name = file.toString();
        if (all.size() == 1) return List.of(LoadedScenario.of(name, all.getFirst()));
        return all.stream()
                .map(l -> LoadedScenario.of(name + "#" + l.scenario().name(), l))
                .toList();
    }
}

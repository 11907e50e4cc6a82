package ipclab.dsl;

import ipclab.dsl.model.CallSites;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.KernelLimits;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.Planner;
import ipclab.dsl.plan.Problem;
import ipclab.dsl.yaml.ScenarioReader;
import ipclab.dsl.yaml.SourceMap;
import ipclab.dsl.yaml.YamlDocuments;
import ipclab.dsl.yaml.YamlNode;
import ipclab.dsl.yaml.YamlProblem;
import ipclab.dsl.yaml.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point from a scenario (a YAML file, YAML text, or a {@link Scenario} built in
 * Java) to the {@link Plan}s the engine runs. Either every plan comes back, or a
 * {@link ScenarioException} holding every problem found, each a {@link Diagnostic} with file, line
 * and column, sorted by line. Nothing here creates a kernel object or runs anything.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    /**
     * A scenario and its plans (one per sweep combination, one without a sweep).
     *
     * @param scenario as written (sweep not applied)
     * @param plans    in sweep order
     * @param skipped  sweep combinations this machine cannot run (a message beyond msgmax), in sweep order
     */
    public record Loaded(Scenario scenario, List<Plan> plans, List<Planner.Skipped> skipped) {
        public Loaded {
            plans = List.copyOf(plans);
            skipped = List.copyOf(skipped);
        }

        public Loaded(Scenario scenario, List<Plan> plans) {
            this(scenario, plans, List.of());
        }
    }

    /** Loads and plans a YAML file against the running kernel's limits. */
    public static Loaded load(Path file) throws ScenarioException {
        return load(file, KernelLimits.current());
    }

    /** Loads and plans a YAML file against the given limits. */
    public static Loaded load(Path file, KernelLimits limits) throws ScenarioException {
        return fromYaml(readBytes(file), file.toString(), limits);
    }

    /** Loads and plans every scenario of a YAML file (several when documents are separated by {@code ---} lines) against the running kernel's limits. */
    public static List<Loaded> loadAll(Path file) throws ScenarioException {
        return loadAll(file, KernelLimits.current());
    }

    /**
     * Loads and plans every scenario of a YAML file against the given limits: one per document
     * ({@link YamlDocuments}); either all of them, or every problem of every document.
     */
    public static List<Loaded> loadAll(Path file, KernelLimits limits) throws ScenarioException {
        byte[] bytes = readBytes(file);
        List<String> docs = YamlDocuments.split(new String(bytes, StandardCharsets.UTF_8));
        if (docs.size() == 1) return List.of(fromYaml(bytes, file.toString(), limits));
        List<Loaded> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String doc : docs) {
            try {
                out.add(fromYaml(doc, file.toString(), limits));
            } catch (ScenarioException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(dedupe(problems));
        return out;
    }

    /** Loads and plans YAML text; {@code fileName} is used in diagnostics. */
    public static Loaded fromYaml(String text, String fileName) throws ScenarioException {
        return fromYaml(text.getBytes(StandardCharsets.UTF_8), fileName, KernelLimits.current());
    }

    /** Loads and plans YAML text against the given limits. */
    public static Loaded fromYaml(String text, String fileName, KernelLimits limits) throws ScenarioException {
        return fromYaml(text.getBytes(StandardCharsets.UTF_8), fileName, limits);
    }

    /** Loads and plans YAML bytes (checked to be UTF-8 text) against the given limits. */
    public static Loaded fromYaml(byte[] bytes, String fileName, KernelLimits limits) throws ScenarioException {
        ScenarioReader.Result r = ScenarioReader.read(bytes);
        List<Diagnostic> out = new ArrayList<>(located(r.problems(), fileName));
        if (!r.unreadable()) {
            Planner.Outcome o = Planner.plan(r.scenario(), limits);
            for (Problem p : o.problems()) {
                if (!related(p, r)) out.add(locate(p, fileName, r.sourceMap()));
            }
            if (out.isEmpty()) return new Loaded(r.scenario(), o.plans(), o.skipped());
        }
        throw new ScenarioException(dedupe(out));
    }

    /** Reads YAML into the model only: syntax and vocabulary checked, semantics not (no plan). */
    public static Scenario parse(String text, String fileName) throws ScenarioException {
        ScenarioReader.Result r = ScenarioReader.read(text.getBytes(StandardCharsets.UTF_8));
        if (!r.problems().isEmpty() || r.scenario() == null)
            throw new ScenarioException(dedupe(located(r.problems(), fileName)));
        return r.scenario();
    }

    /** Plans a scenario built in Java against the running kernel's limits. */
    public static Loaded plan(Scenario s) throws ScenarioException {
        return plan(s, KernelLimits.current());
    }

    /**
     * Plans a scenario built in Java; a diagnostic names the file and line of the builder call that
     * set the offending value ({@link CallSites}), else the scenario.
     */
    public static Loaded plan(Scenario s, KernelLimits limits) throws ScenarioException {
        Planner.Outcome o = Planner.plan(s, limits);
        if (!o.ok()) {
            String where = "scenario " + s.name();
            throw new ScenarioException(o.problems().stream()
                    .map(p -> {
                        CallSites.Site site = CallSites.find(s, p.path());
                        return site == null
                                ? new Diagnostic(where, 0, 0, p.path(), p.message())
                                : new Diagnostic(site.file(), site.line(), 0, p.path(), p.message());
                    })
                    .toList());
        }
        return new Loaded(s, o.plans(), o.skipped());
    }

    private static byte[] readBytes(Path file) throws ScenarioException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) throw single(name, "is a directory; give a scenario file (.yaml)");
            long size = Files.size(file);
            if (size > YamlTreeReader.MAX_BYTES) {
                throw single(
                        name,
                        "the file has " + size + " bytes; a scenario may have at most " + YamlTreeReader.MAX_BYTES
                                + " (1 MiB)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] b = in.readNBytes(YamlTreeReader.MAX_BYTES + 1);
                if (b.length > YamlTreeReader.MAX_BYTES)
                    throw single(
                            name,
                            "the file has more than " + YamlTreeReader.MAX_BYTES
                                    + " bytes; a scenario may have at most 1 MiB");
                return b;
            }
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (IOException e) {
            throw single(name, "cannot be read: " + e.getMessage());
        }
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new Diagnostic(file, 0, 0, "", message)));
    }

    private static List<Diagnostic> located(List<YamlProblem> problems, String file) {
        return problems.stream()
                .map(p -> new Diagnostic(file, p.line(), p.column(), p.path(), p.message()))
                .toList();
    }

    private static Diagnostic locate(Problem p, String file, SourceMap map) {
        YamlNode.Position pos = p.atKey() ? map.keyPosition(p.path()) : map.valuePosition(p.path());
        if (pos == null) pos = new YamlNode.Position(1, 1);
        return new Diagnostic(file, pos.line(), pos.column(), p.path(), p.message());
    }

    /**
     * A planner problem that follows from one the reader already reported is left out: one at or
     * under a path reported, one naming a channel or process that had to be left out, one about the
     * topology of a channel whose left-out process would have been on it.
     */
    private static boolean related(Problem p, ScenarioReader.Result r) {
        String path = p.path();
        boolean processTrouble =
                !r.leftOut().isEmpty() || r.badPaths().stream().anyMatch(b -> b.startsWith("processes"));
        if (p.missingPartner() && processTrouble) return true;
        for (String b : r.badPaths()) {
            if (path.equals(b) || path.startsWith(b + ".") || path.startsWith(b + "[")) return true;
        }
        for (String name : r.leftOut()) if (p.message().contains("'" + name + "'")) return true;
        for (String c : r.channelsOfLeftOut()) if (path.equals("channels." + c)) return true;
        return false;
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> ds) {
        return ds.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }
}

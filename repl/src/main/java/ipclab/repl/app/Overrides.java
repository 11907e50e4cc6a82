package ipclab.repl.app;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.ProcessSpecBuilder;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.ScenarioBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * What the command line changes in a scenario before it runs: {@code --repeat N}, {@code --quick}
 * and {@code -p path=v1,v2} (a sweep axis set or added, as JMH's {@code -p}). Applied by
 * {@link Lab#override}, which plans the result again.
 *
 * @param repeat  runs per combination, or null to keep the scenario's
 * @param quick   a short run with the same claims: each combination once (unless {@code repeat} says otherwise),
 *                writers and pingers send a tenth of their messages (at least {@value #QUICK_MIN_MESSAGES}) and warm up a tenth
 * @param sweep   sweep path to values; a path a scenario does not have is left to the scenarios that have it
 */
public record Overrides(Integer repeat, boolean quick, SequencedMap<String, List<String>> sweep) {
    /** The fewest messages a quick run sends per writer or pinger. */
    public static final long QUICK_MIN_MESSAGES = 100;

    public Overrides {
        sweep = sweep == null ? new LinkedHashMap<>() : new LinkedHashMap<>(sweep);
    }

    public static Overrides none() {
        return new Overrides(null, false, null);
    }

    public boolean any() {
        return repeat != null || quick || !sweep.isEmpty();
    }

    /** Whether {@code s} has the channel or process a sweep path names (seed and timeout: every scenario). */
    static boolean takes(Scenario s, String path) {
        String[] p = path.split("\\.", 3);
        return switch (p[0]) {
            case "channels" -> p.length == 3 && s.channels().containsKey(p[1]);
            case "processes" -> p.length == 3 && s.processes().containsKey(p[1]);
            default -> true;
        };
    }

    Scenario apply(Scenario s) {
        ScenarioBuilder b = s.toBuilder();
        sweep.forEach((path, values) -> {
            if (takes(s, path)) b.sweep(path, values.toArray());
        });
        Integer r = repeat != null ? repeat : quick ? Integer.valueOf(1) : s.repeat();
        if (r != null) b.repeat(r);
        Scenario out = b.build();
        if (!quick) return out;
        SequencedMap<String, ProcessSpec> ps = new LinkedHashMap<>();
        for (ProcessSpec p : out.processes().values()) ps.put(p.name(), quick(p));
        return out.with(out.channels(), ps);
    }

    /** A tenth of a writer's or pinger's messages and warm-up; incrementers keep theirs (a race needs time to show). */
    private static ProcessSpec quick(ProcessSpec p) {
        if (p.role() != Role.WRITER && p.role() != Role.PINGER) return p;
        ProcessSpecBuilder b = p.toBuilder();
        if (p.messages() != null || p.duration() == null) {
            long m = p.messages() != null ? p.messages() : ipclab.dsl.plan.Planner.DEFAULT_MESSAGES;
            b.messages(Math.max(QUICK_MIN_MESSAGES, m / 10));
        }
        if (p.warmup() != null) b.warmup(p.warmup() / 10);
        return b.build();
    }

    /** The scenario with these overrides, planned again; diagnostics then name the scenario, not file lines. */
    LoadedScenario apply(LoadedScenario s) throws ScenarioException {
        if (!any()) return s;
        Scenario changed = apply(s.scenario());
        if (changed.equals(s.scenario())) return s;
        return LoadedScenario.of(s.label(), ipclab.dsl.ScenarioLoader.plan(changed));
    }

    /** The sweep paths no scenario of {@code scenarios} has: a mistake to report. */
    public List<String> unused(List<LoadedScenario> scenarios) {
        return sweep.keySet().stream()
                .filter(path -> scenarios.stream().noneMatch(s -> takes(s.scenario(), path)))
                .toList();
    }
}

package ipclab.repl.app;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.Planner;
import java.util.List;

/**
 * A scenario that passed validation (the model's rules and this kernel's limits) and is planned:
 * ready for {@link Lab#run}. Nothing has been created for it yet.
 *
 * @param label    where it came from, as the user named it: the file, {@code examples/Race.java#sweep} for one
 *                 of a Java file's several scenarios, or the label given to {@link Lab#load(Scenario, String)}
 * @param scenario the scenario as written
 * @param plans    one plan per sweep combination (one without a sweep), in the order they run
 * @param skipped  sweep combinations this machine cannot run (a message beyond msgmax), with the reason
 */
public record LoadedScenario(String label, Scenario scenario, List<Plan> plans, List<Planner.Skipped> skipped) {
    public LoadedScenario {
        plans = List.copyOf(plans);
        skipped = List.copyOf(skipped);
    }

    public LoadedScenario(String label, Scenario scenario, List<Plan> plans) {
        this(label, scenario, plans, List.of());
    }

    static LoadedScenario of(String label, ScenarioLoader.Loaded loaded) {
        return new LoadedScenario(label, loaded.scenario(), loaded.plans(), loaded.skipped());
    }

    /** How many times each combination runs ({@code repeat:}, 1 by default). */
    public int repeats() {
        return scenario.repeats();
    }

    /** Does it state comparative claims ({@code compare:})? */
    public boolean compares() {
        return !scenario.compare().isEmpty();
    }

    /** Does it run once per combination of a {@code sweep:}? */
    public boolean isSweep() {
        return !scenario.sweep().isEmpty();
    }

    /** {@code 2 processes, 1 channel} and, for a sweep, {@code , 4 sweep runs}; counts are after replicas. */
    public String summary() {
        Plan first = plans.getFirst();
        int p = first.processes().size();
        int c = first.channels().size();
        String s = p + (p == 1 ? " process, " : " processes, ") + c + (c == 1 ? " channel" : " channels");
        if (isSweep()) s += ", " + plans.size() + " sweep runs";
        if (repeats() > 1) s += ", each " + repeats() + " times";
        if (!skipped.isEmpty()) s += ", " + skipped.size() + " not possible on this machine";
        return s;
    }
}

package ipclab.repl.app;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import java.util.List;

/**
 * A scenario that passed validation (the model's rules and this kernel's limits) and is planned:
 * ready for {@link Lab#run}. Nothing has been created for it yet.
 *
 * @param label    where it came from, as the user named it: the file, {@code examples/Race.java#sweep} for one
 *                 of a Java file's several scenarios, or the label given to {@link Lab#load(Scenario, String)}
 * @param scenario the scenario as written
 * @param plans    one plan per sweep combination (one without a sweep), in the order they run
 */
public record LoadedScenario(String label, Scenario scenario, List<Plan> plans) {
    public LoadedScenario {
        plans = List.copyOf(plans);
    }

    static LoadedScenario of(String label, ScenarioLoader.Loaded loaded) {
        return new LoadedScenario(label, loaded.scenario(), loaded.plans());
    }

    /** Does it run once per combination of a {@code sweep:}? */
    public boolean isSweep() { return !scenario.sweep().isEmpty(); }

    /** {@code 2 processes, 1 channel} and, for a sweep, {@code , 4 sweep runs}; counts are after replicas. */
    public String summary() {
        Plan first = plans.getFirst();
        int p = first.processes().size();
        int c = first.channels().size();
        String s = p + (p == 1 ? " process, " : " processes, ") + c + (c == 1 ? " channel" : " channels");
        if (isSweep()) s += ", " + plans.size() + " sweep runs";
        return s;
    }
}

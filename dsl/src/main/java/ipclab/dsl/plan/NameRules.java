package ipclab.dsl.plan;

import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Names: of the scenario, its channels, its processes and their replicas, none clashing. */
final class NameRules {
    private NameRules() {}

    private static final Pattern SCENARIO_NAME = Pattern.compile(Planner.SCENARIO_NAME_PATTERN);
    private static final Pattern NAME = Pattern.compile(Planner.NAME_PATTERN);

    static void checkScenario(Scenario s, List<Problem> problems) {
        if (!SCENARIO_NAME.matcher(s.name()).matches()) {
            problems.add(
                    Problem.value(
                            "name",
                            "'" + s.name()
                                    + "' is not a valid scenario name; use letters, digits and '-' (at most 64), e.g. shm-vs-msgq"));
        }
    }

    /** Checks channel, process and replica names; returns every process and replica name with its group. */
    static Map<String, String> check(Scenario s, List<Problem> problems) {
        for (String c : s.channels().keySet()) {
            if (!NAME.matcher(c).matches())
                problems.add(
                        Problem.key(
                                "channels." + c,
                                "'" + c
                                        + "' is not a valid name; start with a letter, then letters, digits, '-' or '_' (at most 40)"));
        }
        Map<String, String> owner = new LinkedHashMap<>(); // every process and replica name -> its group
        for (ProcessSpec p : s.processes().values()) {
            String path = "processes." + p.name();
            if (!NAME.matcher(p.name()).matches())
                problems.add(
                        Problem.key(
                                path,
                                "'" + p.name()
                                        + "' is not a valid name; start with a letter, then letters, digits, '-' or '_' (at most 40)"));
            if (s.channels().containsKey(p.name()))
                problems.add(
                        Problem.key(
                                path,
                                "'" + p.name()
                                        + "' names both a channel and a process; claims in expect: could not tell them apart, so rename one"));
        }
        for (ProcessSpec p : s.processes().values()) {
            for (String r : replicaNames(p.name(), replicas(p))) {
                String prev = owner.putIfAbsent(r, p.name());
                if (prev != null && !r.equals(p.name())) {
                    problems.add(Problem.key(
                            "processes." + (prev.equals(r) ? p.name() : prev),
                            "replica name '" + r + "' of " + p.name() + " clashes with process " + prev
                                    + "; rename one"));
                } else if (prev != null) {
                    problems.add(Problem.key(
                            "processes." + p.name(),
                            "process name '" + r + "' clashes with a replica of " + prev + "; rename one"));
                }
            }
        }
        return owner;
    }

    /** How many processes a group becomes (a bad count, reported elsewhere, counts as 1). */
    static int replicas(ProcessSpec p) {
        return p.replicas() == null ? 1 : Math.max(1, p.replicas());
    }

    /** {@code name} alone, or name-1 ... name-n. */
    static List<String> replicaNames(String name, int n) {
        if (n <= 1) return List.of(name);
        List<String> out = new ArrayList<>();
        // past MAX_PROCESSES the scenario is refused anyway: the names are only for messages, and
        // making all of replicas=2000000000 would exhaust memory
        for (int i = 1; i <= Math.min(n, Planner.MAX_PROCESSES + 1); i++) out.add(name + "-" + i);
        return out;
    }
}

package ipclab.repl.app;

import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.Comparing;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.Planner;
import ipclab.dsl.verdict.ComparativeClaim;
import ipclab.dsl.verdict.Evaluator;
import ipclab.dsl.verdict.Figure;
import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Samples;
import ipclab.dsl.verdict.Verdict;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.RunReport.ChannelFigures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the results of a comparison's scenarios (its parts: one YAML document each) into what
 * its claims are weighed against: for every combination, its system and size
 * ({@link Comparing}) and the figures its first channel measured, one sample per repeat.
 *
 * <p>Which figures a channel gives follows its processes: a pinger's channel the round-trip
 * {@code latency} and {@code setup}; a writer's {@code throughput}, {@code syscallsPerMessage},
 * {@code perMessage} (wall time per message), {@code retriesPerMessage} (EAGAIN and ENOMSG),
 * {@code lost} and {@code setup}; incrementers' {@code lostUpdates}; every run its {@code leaks}. When two parts
 * measure the same system, size and figure, the first part's figure stands. A failed run gives no
 * sample; a combination this machine cannot run gives, for each of its figures, the reason.
 */
public final class ComparisonRuns {
    private ComparisonRuns() {}

    /** The claims of every part, parsed (they were checked when the scenario was loaded). */
    public static List<ComparativeClaim> claims(List<ScenarioResult> results) {
        List<ComparativeClaim> out = new ArrayList<>();
        for (ScenarioResult r : results) {
            for (String text : r.scenario().scenario().compare()) {
                try {
                    out.add(ComparativeClaim.parse(text));
                } catch (ClaimSyntaxException e) {
                    throw new IllegalStateException(
                            "claim '" + text + "' passed validation but does not parse: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** The verdict on every claim of every part, against the figures of every part. */
    public static List<Verdict> verdicts(List<ScenarioResult> results) {
        return Evaluator.evaluate(claims(results), measurements(results));
    }

    public static Measurements measurements(List<ScenarioResult> results) {
        Measurements.Builder b = Measurements.builder();
        Set<String> seen = new LinkedHashSet<>();
        for (ScenarioResult r : results) {
            LoadedScenario s = r.scenario();
            String name = s.scenario().name();
            for (int k = 0; k < s.plans().size(); k++) {
                Plan plan = s.plans().get(k);
                String system = Comparing.system(name, plan.params());
                long size = Comparing.size(plan);
                List<RunReport> runs = r.combination(k);
                for (Figure f : figures(plan)) {
                    if (!seen.add(system + "/" + size + "/" + f)) continue;
                    List<Double> values = new ArrayList<>();
                    for (RunReport run : runs) {
                        Double v = run.failures().isEmpty() ? value(f, plan, run) : null;
                        if (v != null) values.add(v);
                    }
                    if (values.isEmpty()) b.unavailable(system, size, f, why(runs));
                    else b.add(system, size, f, new Samples(values));
                }
            }
            for (Planner.Skipped sk : s.skipped()) {
                String system = Comparing.system(name, sk.params());
                long size = Comparing.size(sk.params());
                for (Figure f : figures(s.plans().getFirst())) {
                    if (seen.add(system + "/" + size + "/" + f)) b.unavailable(system, size, f, sk.reason());
                }
            }
        }
        return b.build();
    }

    /** The figures a plan's first channel gives, by the roles on it. */
    static List<Figure> figures(Plan plan) {
        PlannedChannel c = plan.channels().getFirst();
        Set<Role> roles = new LinkedHashSet<>();
        plan.processesOn(c.name()).forEach(p -> roles.add(p.role()));
        List<Figure> out = new ArrayList<>();
        if (roles.contains(Role.PINGER)) out.addAll(List.of(Figure.LATENCY, Figure.SETUP));
        if (roles.contains(Role.WRITER)) {
            out.addAll(List.of(
                    Figure.THROUGHPUT,
                    Figure.SYSCALLS_PER_MESSAGE,
                    Figure.PER_MESSAGE,
                    Figure.RETRIES_PER_MESSAGE,
                    Figure.LOST,
                    Figure.SETUP));
        }
        if (roles.contains(Role.INCREMENTER)) out.add(Figure.LOST_UPDATES);
        out.add(Figure.LEAKS);
        return out.stream().distinct().toList();
    }

    private static Double value(Figure f, Plan plan, RunReport run) {
        String name = plan.channels().getFirst().name();
        ChannelFigures c = run.channels() == null
                ? null
                : run.channels().stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .orElse(null);
        return switch (f) {
            case LEAKS -> (double) (run.leaks() == null ? 0 : run.leaks().size());
            case LOST_UPDATES -> {
                RunReport.Counter counter =
                        run.counters() == null ? null : run.counters().get(name);
                yield counter == null ? null : (double) counter.lostUpdates();
            }
            default ->
                c == null
                        ? null
                        : switch (f) {
                            // No message measured (a run cut short by its duration during warm-up) is no figure, not a
                            // zero.
                            case THROUGHPUT ->
                                c.throughput() == null
                                                || c.counts().received() == 0
                                                || c.throughput().mibPerSec() <= 0
                                        ? null
                                        : c.throughput().mibPerSec();
                            case LATENCY ->
                                c.latencyNs() == null
                                                || c.counts().received() == 0
                                                || c.latencyNs().p50() <= 0
                                        ? null
                                        : (double) c.latencyNs().p50();
                            case SYSCALLS_PER_MESSAGE -> c.syscallsPerMessage();
                            case SETUP -> (double) c.setupNs();
                            case PER_MESSAGE ->
                                c.throughput() == null || c.throughput().msgsPerSec() <= 0
                                        ? null
                                        : 1e9 / c.throughput().msgsPerSec();
                            case RETRIES_PER_MESSAGE ->
                                c.counts().sent() == 0
                                        ? null
                                        : retries(run, name)
                                                / (double) c.counts().sent();
                            case LOST -> (double) c.counts().lost();
                            default -> null;
                        };
        };
    }

    /** EAGAIN and ENOMSG the channel's processes counted. */
    private static long retries(RunReport run, String channel) {
        long n = 0;
        for (RunReport.ProcessFigures p : run.processes()) {
            if (!channel.equals(p.channel()) || p.events() == null) continue;
            n += p.events().getOrDefault("EAGAIN", 0L) + p.events().getOrDefault("ENOMSG", 0L);
        }
        return n;
    }

    private static String why(List<RunReport> runs) {
        for (RunReport r : runs) {
            if (!r.failures().isEmpty())
                return "the run failed: " + r.failures().getFirst().message();
        }
        return "not measured";
    }
}

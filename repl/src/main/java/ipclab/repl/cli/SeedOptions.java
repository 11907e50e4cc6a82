package ipclab.repl.cli;

import ipclab.engine.schedule.SchedulerSpec;
import picocli.CommandLine.Option;

/** {@code --seed} and {@code --depth} of a stepped schedule, for {@code run} and {@code explore} (a picocli mixin). */
final class SeedOptions {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1")
    long seed;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "2")
    int depth;

    /** The schedule {@code strategy} (free, random, pct) names, with this seed and depth. */
    SchedulerSpec spec(String strategy) {
        return Schedules.spec(strategy, seed, depth);
    }
}

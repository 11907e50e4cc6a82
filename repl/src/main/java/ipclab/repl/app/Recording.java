package ipclab.repl.app;

import ipclab.dsl.plan.KernelLimits;
import ipclab.dsl.yaml.ScenarioWriter;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.engine.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a {@link Trace} of a run: the scenario as YAML ({@link ScenarioWriter}, whose round trip
 * is the identity, so a Java scenario is recorded the same way as a YAML one), this ipclab's
 * version, the host with its kernel limits.
 */
final class Recording {
    private Recording() {}

    static Trace trace(LoadedScenario s, SchedulerSpec scheduler, List<StepEvent> steps, List<RunReport> reports) {
        String yaml = ScenarioWriter.toYaml(s.scenario());
        return new Trace(
                Version.ipclab(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                Trace.Scenario.of(s.scenario().name(), s.label(), yaml),
                s.plans().getFirst().seed(),
                host(),
                scheduler,
                steps,
                reports);
    }

    static Trace.Host host() {
        KernelLimits k = KernelLimits.current();
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("msgmax", k.msgmax());
        limits.put("msgmnb", k.msgmnb());
        limits.put("shmmax", k.shmmax());
        limits.put("semmsl", k.semmsl());
        limits.put("wmemDefault", k.wmemDefault());
        String kernel;
        try {
            kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            kernel = System.getProperty("os.version");
        }
        return new Trace.Host(
                kernel,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(),
                limits);
    }
}

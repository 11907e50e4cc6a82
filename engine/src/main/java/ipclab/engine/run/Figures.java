package ipclab.engine.run;

import ipclab.dsl.model.Names;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Expectation;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ChannelAccounting;
import ipclab.engine.channel.CounterFigures;
import ipclab.engine.protocol.WorkerReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns what the workers reported into a {@link RunReport}: per process, per channel, counters, claims. */
final class Figures {
    private Figures() {}

    static RunReport report(Plan plan, List<Worker> workers, Map<String, Map<String, Long>> setupNanos, Map<String, Long> counterValues,
                            List<String> leaks, List<RunReport.Failure> failuresSoFar, List<TraceEntry> trace,
                            long goNanos, long endNanos, long startNanos, List<RunReport.Kept> kept) {
        List<RunReport.Failure> failures = new ArrayList<>(failuresSoFar);
        List<RunReport.ProcessFigures> processes = new ArrayList<>();
        for (Worker w : workers) processes.add(process(w));

        List<RunReport.ChannelFigures> channels = new ArrayList<>();
        Map<String, RunReport.Counter> counters = new LinkedHashMap<>();
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        long at = ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1_000_000;
        for (PlannedChannel c : plan.channels()) {
            List<Worker> on = new ArrayList<>();
            for (Worker w : workers) if (w.process.channel().equals(c.name())) on.add(w);
            boolean incrementers = on.stream().anyMatch(w -> w.process.role() == Role.INCREMENTER);
            RunReport.ChannelFigures f = channel(c, on, setupNanos.getOrDefault(c.name(), Map.of()), latencies);
            channels.add(f);
            if (!incrementers && !f.lossExpected() && (f.lost() > 0 || f.duplicated() > 0 || f.corrupted() > 0) && failuresSoFar.isEmpty()) {
                failures.add(new RunReport.Failure("loss", null, String.format(Locale.ROOT,
                        "channel %s: %d lost, %d duplicated, %d corrupted of %d sent", c.name(), f.lost(), f.duplicated(),
                        f.corrupted(), f.sent()), at, List.of()));
            }
            if (incrementers) {
                List<WorkerReport> reports = new ArrayList<>();
                for (Worker w : on) reports.add(w.report);
                Long fin = counterValues.get(c.name());
                if (fin != null) {
                    CounterFigures cf = ChannelAccounting.counter(c, fin, reports);
                    RunReport.Counter k = new RunReport.Counter(cf.finalValue(), cf.expected(), cf.lostUpdates());
                    counters.put(c.name(), k);
                    if (k.lostUpdates() != 0 && c.sync() != Sync.NONE && failuresSoFar.isEmpty()) {
                        failures.add(new RunReport.Failure("loss", null, "counter " + c.name() + ": " + k.lostUpdates()
                                + " lost updates with sync " + Names.yaml(c.sync()), at, List.of()));
                    }
                }
            }
        }
        List<RunReport.ExpectationResult> results = new ArrayList<>();
        ReportMetrics metrics = new ReportMetrics(plan, processes, channels, counters, workers, latencies);
        for (Expectation e : plan.expectations()) {
            Expectation.Result r = e.evaluate(metrics);
            results.add(new RunReport.ExpectationResult(e.text(), r.ok(), r.actual()));
        }
        boolean ok = failures.isEmpty() && results.stream().allMatch(RunReport.ExpectationResult::ok);
        long duration = goNanos == 0 ? 0 : ((endNanos == 0 ? System.nanoTime() : endNanos) - goNanos) / 1_000_000;
        return new RunReport(plan.scenario().name(), plan.seed(), ok, duration, host(), processes, channels, counters, leaks,
                results, failures, plan.params(), trace, kept);
    }

    static RunReport.Host host() {
        String kernel;
        try {
            kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            kernel = System.getProperty("os.version");
        }
        return new RunReport.Host(kernel, Runtime.getRuntime().availableProcessors(), Runtime.version().toString());
    }

    private static RunReport.ProcessFigures process(Worker w) {
        WorkerReport r = w.report;
        double spawnToReady = w.readyNanos == 0 ? 0 : Math.round((w.readyNanos - w.spawnNanos) / 1e4) / 100.0;
        String role = Names.yaml(w.process.role());
        if (r == null) {
            return new RunReport.ProcessFigures(w.name(), role, w.process.channel(), w.pid, w.exitCode, 0, 0, 0, 0, 0, 0,
                    Map.of(), spawnToReady, 0, 0, Map.of(), Map.of(), Map.of());
        }
        return new RunReport.ProcessFigures(w.name(), role, w.process.channel(), w.pid, w.exitCode, r.userCpuMicros / 1000.0,
                r.sysCpuMicros / 1000.0, r.voluntaryCtxSwitches, r.involuntaryCtxSwitches, r.minorFaults, r.majorFaults,
                r.syscalls, spawnToReady, r.sent, r.received, r.setupNanos, r.teardownNanos, r.events);
    }

    /** Channel figures: {@link ChannelAccounting#merge} of its processes' reports, plus setup costs. */
    private static RunReport.ChannelFigures channel(PlannedChannel c, List<Worker> on, Map<String, Long> supervisorSetup,
                                                    Map<String, Histogram> latencies) {
        List<PlannedProcess> procs = new ArrayList<>();
        List<WorkerReport> reports = new ArrayList<>();
        Map<String, Long> setup = new LinkedHashMap<>(supervisorSetup);
        Map<String, Long> teardown = new LinkedHashMap<>();
        for (Worker w : on) {
            procs.add(w.process);
            if (w.report == null) continue;
            reports.add(w.report);
            w.report.setupNanos.forEach((k, v) -> setup.merge(k, v, Long::sum));
            w.report.teardownNanos.forEach((k, v) -> teardown.merge(k, v, Long::sum));
        }
        ipclab.engine.channel.ChannelFigures f = ChannelAccounting.merge(c, procs, reports);
        if (f.latency() != null) latencies.put(c.name(), f.latency());
        long setupNs = 0;
        for (long v : setup.values()) setupNs += v;
        double perMessage = f.syscallsPerMessage();
        long increments = 0;
        for (WorkerReport r : reports) increments += r.increments;
        if (f.sent() == 0 && increments > 0) perMessage = (double) f.syscalls() / increments; // incrementers: per increment
        return new RunReport.ChannelFigures(f.name(), f.type(), f.sent(), f.received(), f.lost(), f.duplicated(), f.corrupted(),
                f.reordered(), f.bytes(), setupNs, new RunReport.Throughput(round(f.msgsPerSec()), round(f.mibPerSec())),
                new RunReport.Latency(f.p50(), f.p90(), f.p99(), f.p999(), f.max()), round(perMessage),
                f.lossExpected(), setup, teardown);
    }

    static RunReport.Latency latency(Histogram h) {
        if (h == null || h.getTotalCount() == 0) return new RunReport.Latency(0, 0, 0, 0, 0);
        return new RunReport.Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}

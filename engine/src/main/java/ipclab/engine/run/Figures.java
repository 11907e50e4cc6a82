package ipclab.engine.run;

import ipclab.dsl.model.Names;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.Expectation;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ChannelAccounting;
import ipclab.engine.channel.ChannelTotals;
import ipclab.engine.channel.CounterFigures;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns what the workers reported into a {@link RunReport}: per process, per channel, counters, claims; {@link Verdict} says pass or fail. */
final class Figures {
    private Figures() {}

    static RunReport report(RunEnd end) {
        Plan plan = end.plan();
        List<Worker> workers = end.workers();
        List<RunReport.Failure> failuresSoFar = end.failures();
        List<RunReport.Failure> failures = new ArrayList<>(failuresSoFar);
        List<RunReport.ProcessFigures> processes = new ArrayList<>();
        long firstSpawn = Long.MAX_VALUE; // the run's start: its first spawn
        for (Worker w : workers) firstSpawn = Math.min(firstSpawn, w.spawnNanos);
        for (Worker w : workers) processes.add(process(w, firstSpawn));

        List<RunReport.ChannelFigures> channels = new ArrayList<>();
        Map<String, RunReport.Counter> counters = new LinkedHashMap<>();
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        long at = end.atMs();
        for (PlannedChannel c : plan.channels()) {
            List<Worker> on = new ArrayList<>();
            for (Worker w : workers) if (w.process.channel().equals(c.name())) on.add(w);
            boolean incrementers = on.stream().anyMatch(w -> w.process.role() == Role.INCREMENTER);
            RunReport.ChannelFigures f = channel(c, on, end.setupNanos().getOrDefault(c.name(), Map.of()), latencies);
            channels.add(f);
            RunReport.Failure loss =
                    plan.faulted(c.name()) ? null : Verdict.channelLoss(c, f, incrementers, failuresSoFar, at);
            if (loss != null) failures.add(loss);
            if (incrementers) {
                List<WorkerReport> reports = new ArrayList<>();
                for (Worker w : on) reports.add(w.report);
                Long fin = end.counters().get(c.name());
                if (fin != null) {
                    CounterFigures cf = ChannelAccounting.counter(c, fin, reports);
                    RunReport.Counter k = new RunReport.Counter(cf.finalValue(), cf.expected(), cf.lostUpdates());
                    counters.put(c.name(), k);
                    RunReport.Failure lostUpdates = Verdict.counterLoss(c, k, failuresSoFar, at);
                    if (lostUpdates != null) failures.add(lostUpdates);
                }
            }
        }
        List<RunReport.ExpectationResult> results = new ArrayList<>();
        ReportMetrics metrics = new ReportMetrics(plan, processes, channels, counters, workers, latencies);
        for (Expectation e : plan.expectations()) results.add(Verdict.check(e, metrics));
        return new RunReport(
                plan.scenario().name(),
                plan.seed(),
                Verdict.ok(failures, results),
                end.durationMs(),
                host(),
                processes,
                channels,
                counters,
                end.leaks(),
                results,
                failures,
                plan.params(),
                end.trace(),
                end.kept(),
                end.faults());
    }

    static RunReport.Host host() {
        String kernel;
        try {
            kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            kernel = System.getProperty("os.version");
        }
        return new RunReport.Host(
                kernel,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString());
    }

    private static RunReport.ProcessFigures process(Worker w, long firstSpawn) {
        WorkerReport r = w.report != null ? w.report : new WorkerReport(); // died before reporting: all zero
        double spawnToReady = w.readyNanos == 0 ? 0 : Math.round((w.readyNanos - w.spawnNanos) / 1e4) / 100.0;
        double readyAt = w.readyNanos == 0 ? 0 : Math.round((w.readyNanos - firstSpawn) / 1e4) / 100.0;
        String role = Names.yaml(w.process.role());
        return new RunReport.ProcessFigures(
                w.name(),
                role,
                w.process.channel(),
                w.pid,
                w.exitCode,
                r.userCpuMicros / 1000.0,
                r.sysCpuMicros / 1000.0,
                r.voluntaryCtxSwitches,
                r.involuntaryCtxSwitches,
                r.minorFaults,
                r.majorFaults,
                r.syscalls,
                spawnToReady,
                r.sent,
                r.received,
                r.setupNanos,
                r.teardownNanos,
                r.events,
                r.cpus == null || r.cpus.isEmpty() ? cpus(w) : r.cpus,
                w.process.pinned(),
                readyAt);
    }

    /** The planned CPUs when the worker said nothing (it died first): what it was to run on. */
    private static String cpus(Worker w) {
        return w.process.cpus().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /** Channel figures: {@link ChannelAccounting#merge} of its processes' reports, plus setup costs. */
    private static RunReport.ChannelFigures channel(
            PlannedChannel c, List<Worker> on, Map<String, Long> supervisorSetup, Map<String, Histogram> latencies) {
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
        ChannelTotals f = ChannelAccounting.merge(c, procs, reports);
        if (f.latency() != null) latencies.put(c.name(), f.latency());
        long setupNs = 0;
        // waiting for the peer (wait-peer) is shown in setup, apart, but is no cost of the kernel's
        for (var e : setup.entrySet()) if (!e.getKey().startsWith(Endpoint.WAIT_PREFIX)) setupNs += e.getValue();
        double perMessage = f.syscallsPerMessage();
        long increments = 0;
        for (WorkerReport r : reports) increments += r.increments;
        if (f.counts().sent() == 0 && increments > 0)
            perMessage = (double) f.syscalls() / increments; // incrementers: per increment
        return new RunReport.ChannelFigures(
                f.name(),
                f.type(),
                f.counts(),
                setupNs,
                new RunReport.Throughput(round(f.msgsPerSec()), round(f.mibPerSec())),
                new RunReport.Latency(f.p50(), f.p90(), f.p99(), f.p999(), f.max()),
                round(perMessage),
                f.lossExpected(),
                setup,
                teardown);
    }

    static RunReport.Latency latency(Histogram h) {
        if (h == null || h.getTotalCount() == 0) return new RunReport.Latency(0, 0, 0, 0, 0);
        return new RunReport.Latency(
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(90),
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9),
                h.getMaxValue());
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

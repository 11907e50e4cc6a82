package ipclab.engine.run;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Expectation;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.worker.WorkerReport;
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

    static RunReport report(Plan plan, List<Worker> workers, Map<String, Long> setupNanos, Map<String, Long> counterValues,
                            List<String> leaks, List<RunReport.Failure> failuresSoFar, List<TraceEntry> trace,
                            long goNanos, long endNanos, long startNanos) {
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
            RunReport.ChannelFigures f = channel(c, on, setupNanos.getOrDefault(c.name(), 0L), latencies);
            channels.add(f);
            boolean lossExpected = (c.type() == ChannelType.SHM && c.sync() == Sync.NONE)
                    || (c.type() == ChannelType.SOCKET && c.domain() == SocketDomain.UDP);
            if (!incrementers && !lossExpected && (f.lost() > 0 || f.duplicated() > 0 || f.corrupted() > 0) && failuresSoFar.isEmpty()) {
                failures.add(new RunReport.Failure("loss", null, String.format(Locale.ROOT,
                        "channel %s: %d lost, %d duplicated, %d corrupted of %d sent", c.name(), f.lost(), f.duplicated(),
                        f.corrupted(), f.sent()), at, List.of()));
            }
            if (incrementers) {
                long expected = 0;
                for (Worker w : on) if (w.report != null) expected += w.report.increments;
                Long fin = counterValues.get(c.name());
                if (fin != null) {
                    RunReport.Counter k = new RunReport.Counter(fin, expected, expected - fin);
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
                results, failures, plan.params(), trace);
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

    /**
     * Channel figures from its processes' reports.
     * TODO(runtime): ChannelAccounting.merge once the channels branch is merged (exact loss/duplicates from receivedSeqs).
     */
    private static RunReport.ChannelFigures channel(PlannedChannel c, List<Worker> on, long setupNs, Map<String, Histogram> latencies) {
        long sent = 0, received = 0, bytes = 0, corrupted = 0, reordered = 0, dups = 0, syscalls = 0, increments = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        Histogram lat = null;
        for (Worker w : on) {
            WorkerReport r = w.report;
            if (r == null) continue;
            sent += r.sent;
            received += r.received;
            bytes += r.bytesSent;
            corrupted += r.corrupted;
            reordered += r.reordered;
            dups += r.duplicatedLocally;
            increments += r.increments;
            for (long v : r.syscalls.values()) syscalls += v;
            for (long v : r.setupNanos.values()) setupNs += v;
            if (r.firstOpNanos != 0) first = Math.min(first, r.firstOpNanos);
            if (r.lastOpNanos != 0) last = Math.max(last, r.lastOpNanos);
            if (r.latency != null) {
                if (lat == null) lat = new Histogram(r.latency.getNumberOfSignificantValueDigits());
                lat.add(r.latency);
            }
        }
        if (lat != null) latencies.put(c.name(), lat);
        long messages = sent > 0 ? sent : increments;
        double secs = last > first ? (last - first) / 1e9 : 0;
        RunReport.Throughput tp = new RunReport.Throughput(secs > 0 ? round(received / secs) : 0,
                secs > 0 ? round(bytes / secs / (1024.0 * 1024.0)) : 0);
        return new RunReport.ChannelFigures(c.name(), Names.yaml(c.type()), sent, received, Math.max(0, sent - received), dups,
                corrupted, reordered, bytes, setupNs, tp, latency(lat), messages == 0 ? 0 : round((double) syscalls / messages));
    }

    static RunReport.Latency latency(Histogram h) {
        if (h == null || h.getTotalCount() == 0) return new RunReport.Latency(0, 0, 0, 0, 0);
        return new RunReport.Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}

package ipclab.engine.run;

import ipclab.dsl.plan.Expectation;
import ipclab.dsl.plan.MetricNames;
import ipclab.dsl.plan.Plan;
import ipclab.engine.protocol.WorkerReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A run's figures by dotted path, for {@code expect:} claims: {@code <process|group|channel>.<metric>}.
 * Names as in {@link ipclab.dsl.plan.MetricNames}. A group (the scenario's process name) sums its
 * replicas; a process's or group's latency (beyond MetricNames) is its (merged) histogram.
 *
 * <pre>
 *   process, group: sent (messages or increments) received bytes syscalls bytesSent bytesReceived increments exitCode spawnToReadyMs
 *                   userCpuMs sysCpuMs voluntaryCtxSwitches involuntaryCtxSwitches minorFaults majorFaults
 *                   latency.{p50,p90,p99,p999,max} (ns)   syscalls.&lt;call&gt;   events.&lt;name&gt;
 *   channel:        sent received lost duplicated corrupted reordered bytes setupNs syscallsPerMessage
 *                   throughput.{msgsPerSec,mibPerSec} latency.{p50,p90,p99,p999,max}
 *                   final expected lostUpdates (shm counters)
 *   run:            durationMs (as "run.durationMs")
 * </pre>
 */
final class ReportMetrics implements Expectation.Metrics {
    private final Map<String, Double> values = new LinkedHashMap<>();

    ReportMetrics(
            Plan plan,
            List<RunReport.ProcessFigures> processes,
            List<RunReport.ChannelFigures> channels,
            Map<String, RunReport.Counter> counters,
            List<Worker> workers,
            Map<String, Histogram> channelLatency) {
        Map<String, Histogram> groupLatency = new LinkedHashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            RunReport.ProcessFigures p = processes.get(i);
            Worker w = workers.get(i);
            String group = w.process.group();
            Map<String, Double> own = new LinkedHashMap<>();
            WorkerReport r = w.report;
            own.put("sent", (double) p.sent() + (r == null ? 0 : r.increments));
            own.put("received", (double) p.received());
            own.put("bytesSent", r == null ? 0.0 : r.bytesSent);
            own.put("bytesReceived", r == null ? 0.0 : r.bytesReceived);
            own.put("bytes", r == null ? 0.0 : r.bytesSent + r.bytesReceived);
            own.put("increments", r == null ? 0.0 : r.increments);
            own.put("userCpuMs", p.userCpuMs());
            own.put("sysCpuMs", p.sysCpuMs());
            own.put("voluntaryCtxSwitches", (double) p.voluntaryCtxSwitches());
            own.put("involuntaryCtxSwitches", (double) p.involuntaryCtxSwitches());
            own.put("minorFaults", (double) p.minorFaults());
            own.put("majorFaults", (double) p.majorFaults());
            own.put("spawnToReadyMs", p.spawnToReadyMs());
            if (p.exitCode() != null) own.put("exitCode", (double) p.exitCode());
            long calls = 0;
            for (var e : p.syscalls().entrySet()) {
                own.put("syscalls." + e.getKey(), (double) e.getValue());
                calls += e.getValue();
            }
            own.put("syscalls", (double) calls);
            for (var e : p.events().entrySet()) own.put("events." + e.getKey(), (double) e.getValue());
            // errors by errno: the calls that failed (errors.EIDRM), and IPC_NOWAIT's retries (events EAGAIN, ENOMSG)
            for (var e : p.events().entrySet()) {
                if (e.getKey().startsWith(MetricNames.ERRORS_PREFIX))
                    own.merge(e.getKey(), (double) e.getValue(), Double::sum);
                else if (e.getKey().matches("E[A-Z0-9]+"))
                    own.merge(MetricNames.ERRORS_PREFIX + e.getKey(), (double) e.getValue(), Double::sum);
            }
            for (var e : own.entrySet()) {
                values.put(p.name() + "." + e.getKey(), e.getValue());
                if (!group.equals(p.name())) values.merge(group + "." + e.getKey(), e.getValue(), Double::sum);
            }
            if (r != null && r.latency != null) {
                latency(p.name(), r.latency);
                groupLatency
                        .computeIfAbsent(group, g -> new Histogram(r.latency.getNumberOfSignificantValueDigits()))
                        .add(r.latency);
            }
        }
        for (var e : groupLatency.entrySet())
            if (!values.containsKey(e.getKey() + ".latency.p50")) latency(e.getKey(), e.getValue());
        for (RunReport.ChannelFigures c : channels) {
            String n = c.name() + ".";
            values.put(n + "sent", (double) c.counts().sent());
            values.put(n + "received", (double) c.counts().received());
            values.put(n + "lost", (double) c.counts().lost());
            values.put(
                    n + "lostToFaults",
                    plan.faulted(c.name()) ? (double) c.counts().lost() : 0.0);
            values.put(n + "duplicated", (double) c.counts().duplicated());
            values.put(n + "corrupted", (double) c.counts().corrupted());
            values.put(n + "reordered", (double) c.counts().reordered());
            values.put(n + "bytes", (double) c.counts().bytes());
            values.put(n + "setupNs", (double) c.setupNs());
            values.put(n + "syscallsPerMessage", c.syscallsPerMessage());
            values.put(n + "throughput.msgsPerSec", c.throughput().msgsPerSec());
            values.put(n + "throughput.mibPerSec", c.throughput().mibPerSec());
            put(n + "latency", c.latencyNs());
        }
        for (var e : counters.entrySet()) {
            values.put(e.getKey() + ".final", (double) e.getValue().finalValue());
            values.put(e.getKey() + ".expected", (double) e.getValue().expected());
            values.put(e.getKey() + ".lostUpdates", (double) e.getValue().lostUpdates());
        }
    }

    private void latency(String name, Histogram h) {
        put(name + ".latency", Figures.latency(h));
    }

    private void put(String prefix, RunReport.Latency l) {
        values.put(prefix + ".p50", (double) l.p50());
        values.put(prefix + ".p90", (double) l.p90());
        values.put(prefix + ".p99", (double) l.p99());
        values.put(prefix + ".p999", (double) l.p999());
        values.put(prefix + ".max", (double) l.max());
    }

    @Override
    public Double value(String path) {
        Double v = values.get(path);
        if (v != null) return v;
        // a process that saw no error of a kind has 0 of it
        int dot = path.indexOf('.');
        if (dot > 0
                && path.startsWith(MetricNames.ERRORS_PREFIX, dot + 1)
                && values.containsKey(path.substring(0, dot) + ".sent")) return 0.0;
        return null;
    }

    /** Every path this run has (for "did you mean"). */
    Map<String, Double> all() {
        return Map.copyOf(values);
    }
}

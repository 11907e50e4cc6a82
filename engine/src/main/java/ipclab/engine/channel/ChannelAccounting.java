package ipclab.engine.channel;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.MessageCounts;
import ipclab.engine.protocol.ReceivedSeqs;
import ipclab.engine.protocol.WorkerReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Merges the reports of one channel's workers into {@link ChannelTotals}: loss and duplicates
 * from the receivers' bounded summaries ({@link ReceivedSeqs}) against what each writer says it sent.
 */
public final class ChannelAccounting {
    private ChannelAccounting() {}

    /** True when the scenario expects loss on this channel (shm sync none, UDP). */
    public static boolean lossExpected(PlannedChannel ch) {
        return (ch.type() == ChannelType.SHM && ch.sync() == Sync.NONE)
                || (ch.type() == ChannelType.SOCKET && ch.domain() == SocketDomain.UDP);
    }

    /** The channel's type as reports name it: shm, msgq, pipe, or the socket domain (unix, tcp, ...). */
    public static String typeName(PlannedChannel ch) {
        return ch.type() == ChannelType.SOCKET ? Names.yaml(ch.domain()) : Names.yaml(ch.type());
    }

    /**
     * @param procs   the channel's processes (plan order)
     * @param reports their reports, matched by name; a missing report counts as a process that did nothing
     */
    public static ChannelTotals merge(PlannedChannel ch, List<PlannedProcess> procs, List<WorkerReport> reports) {
        Map<String, WorkerReport> byName = new HashMap<>();
        for (WorkerReport r : reports) if (r != null && r.name != null) byName.put(r.name, r);

        List<PlannedProcess> senders = new ArrayList<>();
        List<WorkerReport> receivers = new ArrayList<>();
        long sent = 0, received = 0, corrupted = 0, reordered = 0, dupLocal = 0, bytes = 0, syscalls = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        Histogram latency = null;
        for (PlannedProcess p : procs) {
            WorkerReport r = byName.get(p.name());
            if (r == null) r = new WorkerReport();
            for (long n : r.syscalls.values()) syscalls += n;
            corrupted += r.corrupted;
            reordered += r.reordered;
            if (r.latency != null) {
                if (latency == null)
                    latency = new Histogram(
                            r.latency.getHighestTrackableValue(), r.latency.getNumberOfSignificantValueDigits());
                latency.add(r.latency);
            }
            if (p.role().originates()) {
                senders.add(p);
                dupLocal += r.duplicatedLocally; // a pinger's duplicate replies
                sent += r.sent;
                if (r.sent > 0 && r.firstOpNanos != 0) first = Math.min(first, r.firstOpNanos);
            }
            if (p.role().consumes()) {
                receivers.add(r);
                received += r.received;
                dupLocal += r.duplicatedLocally;
                bytes += r.bytesReceived;
                if (r.received > 0 && r.lastOpNanos != 0) last = Math.max(last, r.lastOpNanos);
            }
        }

        long lost = 0, dupAcross = 0;
        boolean broadcast = ch.type() == ChannelType.SHM && ch.fanout() == Fanout.BROADCAST;
        for (PlannedProcess w : senders) {
            WorkerReport wr = byName.get(w.name());
            if (wr == null) continue; // killed before it said what it sent: nothing to hold its messages against
            if (broadcast) {
                for (WorkerReport r : receivers) {
                    Loss l = loss(wr.sent, r.receivedSeqs.get(w.index()));
                    lost += l.lost();
                    dupAcross += l.duplicated();
                }
            } else {
                ReceivedSeqs all = null;
                for (WorkerReport r : receivers) {
                    ReceivedSeqs s = r.receivedSeqs.get(w.index());
                    if (s != null) all = all == null ? s : all.plus(s);
                }
                Loss l = loss(wr.sent, all);
                lost += l.lost();
                dupAcross += l.duplicated();
            }
        }

        long window = first == Long.MAX_VALUE || last == Long.MIN_VALUE || last <= first ? 0 : last - first;
        double secs = window / 1e9;
        double mps = secs > 0 ? received / secs : 0;
        double mib = secs > 0 ? bytes / secs / (1024.0 * 1024.0) : 0;
        long p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
        if (latency != null && latency.getTotalCount() > 0) {
            p50 = latency.getValueAtPercentile(50);
            p90 = latency.getValueAtPercentile(90);
            p99 = latency.getValueAtPercentile(99);
            p999 = latency.getValueAtPercentile(99.9);
            max = latency.getMaxValue();
        }
        return new ChannelTotals(
                ch.name(),
                typeName(ch),
                new MessageCounts(sent, received, lost, dupLocal + dupAcross, corrupted, reordered, bytes),
                window,
                mps,
                mib,
                latency,
                p50,
                p90,
                p99,
                p999,
                max,
                syscalls,
                sent > 0 ? (double) syscalls / sent : 0,
                lossExpected(ch));
    }

    /** Increments: the counter the supervisor read against what the incrementers say they did. */
    public static CounterFigures counter(PlannedChannel ch, long finalValue, List<WorkerReport> reports) {
        long expected = 0;
        for (WorkerReport r : reports) if (r != null) expected += r.increments;
        return CounterFigures.of(ch.name(), finalValue, expected);
    }

    /** Messages of one writer lost, and duplicated beyond what each receiver saw itself. */
    record Loss(long lost, long duplicated) {}

    /**
     * One writer's loss and duplicates from the sum of what its receivers got ({@code got}; null:
     * nothing). Every message arrived exactly once when the distinct counts, late arrivals included,
     * add up to {@code sent} and the hashes to the hash of 0..sent-1. Otherwise what arrived below
     * a receiver's window counts as duplicated (it cannot be told from one) and what the distinct
     * counts lack as lost, so that {@code received - duplicated + lost == sent} still holds; equal
     * counts with a different hash mean at least one message lost and one duplicated, counted so.
     */
    static Loss loss(long sent, ReceivedSeqs got) {
        if (got == null) return new Loss(Math.max(0, sent), 0);
        long n = got.distinct();
        if (n + got.outOfWindow() == sent && got.hash() == ReceivedSeqs.hashOfFirst(sent)) return new Loss(0, 0);
        long lost = Math.max(0, sent - n);
        long dup = Math.max(0, n - sent) + got.outOfWindow();
        if (lost == 0 && dup == 0) return new Loss(1, 1); // same count, other messages
        return new Loss(lost, dup);
    }
}

package ipclab.engine.channel;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.WorkerReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Merges the reports of one channel's workers into {@link ChannelTotals}: loss and duplicates
 * from the receivers' sequence bitmaps against what each writer says it sent.
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
            long sentW = wr == null ? 0 : wr.sent;
            if (broadcast) {
                for (WorkerReport r : receivers)
                    lost += Math.max(0, sentW - popcount(r.receivedSeqs.get(w.index()), sentW));
            } else {
                long[] union = null;
                long sum = 0;
                for (WorkerReport r : receivers) {
                    long[] b = r.receivedSeqs.get(w.index());
                    if (b == null) continue;
                    sum += popcount(b, sentW);
                    union = or(union, b);
                }
                long distinct = popcount(union, sentW);
                dupAcross += sum - distinct;
                lost += Math.max(0, sentW - distinct);
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
                sent,
                received,
                lost,
                dupLocal + dupAcross,
                corrupted,
                reordered,
                bytes,
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

    /** Bits set below {@code limit}. */
    static long popcount(long[] bits, long limit) {
        if (bits == null || limit <= 0) return 0;
        long n = 0;
        long words = Math.min(bits.length, (limit + 63) >>> 6);
        for (int i = 0; i < words; i++) {
            long w = bits[i];
            long base = (long) i << 6;
            if (base + 64 > limit) w &= (1L << (limit - base)) - 1;
            n += Long.bitCount(w);
        }
        return n;
    }

    private static long[] or(long[] acc, long[] b) {
        if (acc == null) return b.clone();
        long[] out = acc.length >= b.length ? acc : java.util.Arrays.copyOf(acc, b.length);
        for (int i = 0; i < b.length; i++) out[i] |= b[i];
        return out;
    }
}

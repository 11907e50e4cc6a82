package ipclab.engine.channel;

import ipclab.engine.protocol.MessageCounts;
import org.HdrHistogram.Histogram;

/**
 * One channel's totals for a run, merged from its workers' reports by {@link ChannelAccounting}; the
 * supervisor turns them into the report's {@code RunReport.ChannelFigures}.
 *
 * @param counts             sent, received, lost...: the ledger of {@link MessageCounts}
 * @param windowNanos        first send to last receive
 * @param latency            merged latency histogram (one-way for readers, round trip for pingers); null if none
 * @param syscalls           all the channel's processes' system calls, counted by the bindings
 * @param syscallsPerMessage syscalls / sent
 * @param lossExpected       loss is no failure here (sync none, UDP)
 */
public record ChannelTotals(
        String name,
        String type,
        MessageCounts counts,
        long windowNanos,
        double msgsPerSec,
        double mibPerSec,
        Histogram latency,
        long p50,
        long p90,
        long p99,
        long p999,
        long max,
        long syscalls,
        double syscallsPerMessage,
        boolean lossExpected) {

    /** True when nothing was lost, duplicated or corrupted, or when that is expected. */
    public boolean ok() {
        return lossExpected || counts.intact();
    }
}

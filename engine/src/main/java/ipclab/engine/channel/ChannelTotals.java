package ipclab.engine.channel;

import org.HdrHistogram.Histogram;

/**
 * One channel's totals for a run, merged from its workers' reports by {@link ChannelAccounting}; the
 * supervisor turns them into the report's {@code RunReport.ChannelFigures}.
 *
 * <p>Ledger: {@code received - duplicated + lost == sent} for one reader or shared readers; with
 * broadcast fan-out the same holds per reader, so {@code received - duplicated + lost == sent * readers}.
 * {@code received} counts intact deliveries (checksum good), duplicates included; corrupted
 * deliveries are counted apart and are not part of {@code received}.
 *
 * @param sent               messages the writers (pingers) sent
 * @param received           intact deliveries (broadcast: every reader's delivery counts)
 * @param lost               messages a reader that should have got them never got intact
 * @param bytes              bytes delivered (receivers' bytes)
 * @param windowNanos        first send to last receive
 * @param latency            merged latency histogram (one-way for readers, round trip for pingers); null if none
 * @param syscalls           all the channel's processes' system calls, counted by the bindings
 * @param syscallsPerMessage syscalls / sent
 * @param lossExpected       loss is no failure here (sync none, UDP)
 */
public record ChannelTotals(
        String name,
        String type,
        long sent,
        long received,
        long lost,
        long duplicated,
        long corrupted,
        long reordered,
        long bytes,
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
        return lossExpected || (lost == 0 && duplicated == 0 && corrupted == 0);
    }
}

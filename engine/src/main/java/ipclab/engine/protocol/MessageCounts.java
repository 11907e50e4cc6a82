package ipclab.engine.protocol;

/**
 * What became of one channel's messages, merged from its workers' reports: the counts that both
 * the channel layer's {@code ChannelTotals} and the report's {@code RunReport.ChannelFigures} carry (the report writes
 * them unwrapped, as keys of the channel).
 *
 * <p>Ledger: {@code received - duplicated + lost == sent} for one reader or shared readers; with
 * broadcast fan-out the same holds per reader, so {@code received - duplicated + lost == sent * readers}.
 * {@code received} counts intact deliveries (checksum good), duplicates included; corrupted
 * deliveries are counted apart and are not part of {@code received}.
 *
 * @param sent     messages the writers (pingers) sent
 * @param received intact deliveries (broadcast: every reader's delivery counts)
 * @param lost     messages a reader that should have got them never got intact
 * @param bytes    bytes delivered (receivers' bytes)
 */
public record MessageCounts(
        long sent, long received, long lost, long duplicated, long corrupted, long reordered, long bytes) {

    /** True when nothing was lost, duplicated or corrupted. */
    public boolean intact() {
        return lost == 0 && duplicated == 0 && corrupted == 0;
    }
}

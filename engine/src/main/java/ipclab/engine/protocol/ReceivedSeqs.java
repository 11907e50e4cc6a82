package ipclab.engine.protocol;

/**
 * What one receiver got from one writer, in a size that does not grow with the message count: how
 * many distinct sequence numbers, how many arrived too late to be told apart from duplicates (below
 * the receiver's window), and an additive multiset hash of every sequence counted in either.
 *
 * <p>Several readers share a writer's messages in disjoint, interleaved sets, which no bounded
 * summary lists; the supervisor instead adds up the readers' counts and hashes: when the counts
 * add up to what the writer sent and the hashes add up to {@link #hashOfFirst(long) the hash of
 * 0..sent-1}, every message arrived exactly once (a different multiset matches by chance with a
 * probability of about 2^-64). A writer's messages that one reader alone gets are checked exactly by
 * its window (see {@code SeqLedger}).
 *
 * @param distinct    sequences received intact here at least once, within the window (duplicates in it excluded)
 * @param outOfWindow intact arrivals below the window: each is either a late first arrival or a duplicate
 * @param hash        sum (mod 2^64) of {@link #mix} over the sequences counted in {@code distinct} and {@code outOfWindow}
 */
public record ReceivedSeqs(long distinct, long outOfWindow, long hash) {

    /** A sequence's contribution to {@link #hash}: the SplitMix64 finaliser (a bijection, well spread). */
    public static long mix(long seq) {
        long z = seq + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The hash of the sequences 0..n-1, each once: what the receivers' hashes must add up to. */
    public static long hashOfFirst(long n) {
        long h = 0;
        for (long s = 0; s < n; s++) h += mix(s);
        return h;
    }

    /** The sum of two receivers' summaries of one writer. */
    public ReceivedSeqs plus(ReceivedSeqs o) {
        return new ReceivedSeqs(distinct + o.distinct, outOfWindow + o.outOfWindow, hash + o.hash);
    }
}

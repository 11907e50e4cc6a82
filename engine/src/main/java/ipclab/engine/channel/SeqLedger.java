package ipclab.engine.channel;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.WorkerReport;
import java.util.Arrays;
import java.util.List;

/**
 * A receiver's record of what it got: one bitmap of sequence numbers per writer, plus the last
 * sequence seen from each writer. Flags duplicates (seen twice here) and reordering (a writer's
 * sequence going backwards). Bitmaps are sized for bounded writers; for duration-bounded writers
 * (messages = Long.MAX_VALUE) they start at 1 Mi bits and double when needed (rare, amortised).
 */
public final class SeqLedger {
    private static final int INITIAL_UNBOUNDED_WORDS = 1 << 14;

    private final long[][] bits; // by writer index; null when that index is no writer
    private final long[] limit; // messages the writer sends (Long.MAX_VALUE: unbounded)
    private final long[] last;
    private long received;
    private long duplicates;
    private long reordered;
    private long corrupted;

    /** @param peers every process on the channel; writers and pingers are the senders */
    public SeqLedger(List<PlannedProcess> peers) {
        int max = 0;
        for (PlannedProcess p : peers) max = Math.max(max, p.index() + 1);
        bits = new long[max][];
        limit = new long[max];
        last = new long[max];
        Arrays.fill(last, -1L);
        for (PlannedProcess p : peers) {
            if (!p.role().originates()) continue;
            // a pinger's warmup round trips are numbered messages too
            long n = p.role() == ipclab.dsl.model.Role.PINGER ? p.messages() + p.warmup() : p.messages();
            limit[p.index()] = n;
            bits[p.index()] = new long
                    [n == Long.MAX_VALUE || n < 0
                            ? INITIAL_UNBOUNDED_WORDS
                            : (int) Math.min(Integer.MAX_VALUE - 8, (n + 63) >>> 6)];
        }
    }

    /**
     * Records one intact message (checksum verified). Returns false and counts it corrupted when
     * the writer or sequence cannot be one of this channel's.
     */
    public boolean record(int writer, long seq) {
        if (writer < 0 || writer >= bits.length || bits[writer] == null || seq < 0 || seq >= limit[writer]) {
            corrupted++;
            return false;
        }
        long[] b = bits[writer];
        int word = (int) (seq >>> 6);
        if (word >= b.length) b = grow(writer, word);
        long mask = 1L << seq;
        if ((b[word] & mask) != 0) {
            duplicates++;
        } else {
            b[word] |= mask;
        }
        received++;
        if (seq < last[writer]) reordered++;
        last[writer] = seq;
        return true;
    }

    private long[] grow(int writer, int word) {
        long[] b = bits[writer];
        int n = b.length;
        while (n <= word) n = n >= (Integer.MAX_VALUE >> 1) ? Integer.MAX_VALUE - 8 : n * 2;
        bits[writer] = Arrays.copyOf(b, n);
        return bits[writer];
    }

    /** Counts a message whose checksum did not match. */
    public void countCorrupted() {
        corrupted++;
    }

    /** Intact deliveries, duplicates included. */
    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    public long reordered() {
        return reordered;
    }

    public long corrupted() {
        return corrupted;
    }

    /** Copies the figures into the report (trimmed bitmaps in receivedSeqs). */
    public void fill(WorkerReport r) {
        r.reordered += reordered;
        r.corrupted += corrupted;
        r.duplicatedLocally += duplicates;
        for (int w = 0; w < bits.length; w++) {
            if (bits[w] == null) continue;
            long[] b = bits[w];
            int used = b.length;
            while (used > 0 && b[used - 1] == 0) used--;
            r.receivedSeqs.put(w, Arrays.copyOf(b, used));
        }
    }
}

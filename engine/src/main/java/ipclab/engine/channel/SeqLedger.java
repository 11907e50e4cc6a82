package ipclab.engine.channel;

import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.ReceivedSeqs;
import ipclab.engine.protocol.WorkerReport;
import java.util.Arrays;
import java.util.List;

/**
 * A receiver's record of what it got, in memory that does not grow with the message count: per
 * writer a window of {@value #WINDOW} sequence numbers above a base (a bitmap used as a ring), the
 * count of distinct sequences, a multiset hash of them ({@link ReceivedSeqs}) and the last sequence
 * seen. A sequence at or above the window's top slides the window up; a sequence below its base is
 * counted {@code outOfWindow} (a late first arrival or a duplicate: which, only the supervisor's sums
 * can tell). Within the window a sequence seen twice is a duplicate, exactly. A writer's sequence
 * going backwards counts as reordering.
 *
 * <p>The channels deliver a writer's messages in order to each receiver (a queue, a ring, a stream)
 * or nearly so (a lapped racy ring, UDP), so the window is never left behind in practice; when it is,
 * the report says so ({@code ledger-out-of-window}) instead of guessing. Allocates only in the
 * constructor.
 */
public final class SeqLedger {
    /** Sequences per writer whose arrival is remembered one by one: 256 words of 64 bits, 2 KiB. */
    public static final int WINDOW = 1 << 14;

    private static final int WORDS = WINDOW >>> 6;

    private final long[][] window; // by writer index; null when that index is no writer
    private final long[] limit; // messages the writer sends (Long.MAX_VALUE: unbounded)
    private final long[] base; // lowest sequence in the window, a multiple of 64
    private final long[] last;
    private final long[] distinct;
    private final long[] outOfWindow;
    private final long[] hash;
    private long received;
    private long duplicates;
    private long reordered;
    private long corrupted;

    /** @param peers every process on the channel; writers and pingers are the senders */
    public SeqLedger(List<PlannedProcess> peers) {
        this(peers, false);
    }

    /**
     * A ledger of a stream's warm-up messages (their seqs with the flag cleared), whose count a
     * writer decides as it goes ({@code WarmupEnd}): no upper bound on the sequence numbers.
     */
    public static SeqLedger ofWarmup(List<PlannedProcess> peers) {
        return new SeqLedger(peers, true);
    }

    private SeqLedger(List<PlannedProcess> peers, boolean unbounded) {
        int max = 0;
        for (PlannedProcess p : peers) max = Math.max(max, p.index() + 1);
        window = new long[max][];
        limit = new long[max];
        base = new long[max];
        last = new long[max];
        distinct = new long[max];
        outOfWindow = new long[max];
        hash = new long[max];
        Arrays.fill(last, -1L);
        // The window starts below 0, so it slides by one word every 64 sequences from the first one
        // on: the slide is then a branch taken all along, which C2 compiles in, instead of one first
        // taken at sequence 16,384, in the middle of a measured stream (an uncommon trap there threw
        // the reader's compiled loop back to the interpreter and recompiled it).
        Arrays.fill(base, -WINDOW);
        for (PlannedProcess p : peers) {
            if (!p.role().originates()) continue;
            // a pinger's warmup round trips are numbered messages too
            long n = p.role() == Role.PINGER ? p.messages() + p.warmup() : p.messages();
            limit[p.index()] = n < 0 || unbounded ? Long.MAX_VALUE : n;
            window[p.index()] = new long[WORDS];
        }
    }

    /**
     * Records one intact message (checksum verified). Returns false and counts it corrupted when
     * the writer or sequence cannot be one of this channel's.
     */
    public boolean record(int writer, long seq) {
        if (writer < 0 || writer >= window.length || window[writer] == null || seq < 0 || seq >= limit[writer]) {
            corrupted++;
            return false;
        }
        received++;
        if (seq < last[writer]) reordered++;
        last[writer] = seq;
        if (seq < base[writer]) {
            outOfWindow[writer]++;
            hash[writer] += ReceivedSeqs.mix(seq);
            return true;
        }
        long[] w = window[writer];
        long b = base[writer];
        if (seq - b >= WINDOW) {
            // Moves the window up so that its top word holds seq, clearing the words it leaves (one
            // every 64 sequences in order). Here, not in a method of its own: called once per 64
            // messages, such a method reached C2's threshold only some 300,000 messages in, inside a
            // measured stream, and the reader waited ~4 ms for its compilation in the foreground
            // (-Xlog:jit+compilation; issue 12, session 7); inline, it is compiled with this one.
            long newBase = ((seq >>> 6) - WORDS + 1) << 6;
            long words = Math.min((newBase - b) >>> 6, WORDS);
            long first = b >> 6; // may be negative (the initial window): the mask below wraps it
            for (long i = 0; i < words; i++) w[(int) ((first + i) & (WORDS - 1))] = 0L;
            base[writer] = newBase;
        }
        int word = (int) ((seq >>> 6) & (WORDS - 1));
        long mask = 1L << seq;
        if ((w[word] & mask) != 0) {
            duplicates++;
        } else {
            w[word] |= mask;
            distinct[writer]++;
            hash[writer] += ReceivedSeqs.mix(seq);
        }
        return true;
    }

    /** Counts a message whose checksum did not match. */
    public void countCorrupted() {
        corrupted++;
    }

    /** Intact deliveries, duplicates included (the other counts reach the report through {@link #fill}). */
    public long received() {
        return received;
    }

    /** Messages counted corrupted (a checksum that failed, or a writer or sequence not of this channel). */
    public long corrupted() {
        return corrupted;
    }

    /** What this receiver got from {@code writer} (a writer index of this channel). */
    public ReceivedSeqs of(int writer) {
        return new ReceivedSeqs(distinct[writer], outOfWindow[writer], hash[writer]);
    }

    /** Copies the figures into the report: counts, one {@link ReceivedSeqs} per writer. */
    public void fill(WorkerReport r) {
        r.reordered += reordered;
        r.corrupted += corrupted;
        r.duplicatedLocally += duplicates;
        long late = 0;
        for (int w = 0; w < window.length; w++) {
            if (window[w] == null) continue;
            r.receivedSeqs.put(w, of(w));
            late += outOfWindow[w];
        }
        if (late > 0) r.event("ledger-out-of-window", late);
    }
}

package ipclab.dsl.verdict;

import ipclab.dsl.model.ByteSize;

/**
 * The message sizes a claim speaks of, both ends inclusive; a null end is open. Written
 * {@code from 16KiB up}, {@code up to 4KiB}, {@code from 1KiB to 64KiB} or {@code at 64B}.
 */
public record SizeRange(Long from, Long to) {
    public static final SizeRange ALL = new SizeRange(null, null);

    public SizeRange {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("from " + ByteSize.of(from) + " to " + ByteSize.of(to) + " is empty");
        }
    }

    public boolean contains(long size) {
        return (from == null || size >= from) && (to == null || size <= to);
    }

    public boolean all() {
        return from == null && to == null;
    }

    /** The claim's own words: {@code from 16KiB up}; empty for every size. */
    @Override
    public String toString() {
        if (all()) return "";
        if (from != null && from.equals(to)) return "at " + ByteSize.of(from);
        if (to == null) return "from " + ByteSize.of(from) + " up";
        if (from == null) return "up to " + ByteSize.of(to);
        return "from " + ByteSize.of(from) + " to " + ByteSize.of(to);
    }
}

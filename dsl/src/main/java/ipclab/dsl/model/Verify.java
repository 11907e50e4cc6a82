package ipclab.dsl.model;

/**
 * How much of each message a receiver checks. FULL: every byte of the payload against what its
 * writer wrote (payloads derive from the seed, the writer and the size, so the receiver knows them
 * in advance) and the header against a CRC32C of the payload (the default: any damaged byte is
 * caught). ENDS: the header (length, writer, sequence,
 * a 64-bit mix of them with the timestamp) and the sequence repeated in the last 8 bytes, the
 * work per message of the native baseline {@code bench/native/ipcbase.c}, so that a comparison
 * measures the mechanism and not ipclab's checking. NONE: the length only. YAML spelling:
 * {@link Names#yaml}.
 */
public enum Verify {
    FULL,
    ENDS,
    NONE
}

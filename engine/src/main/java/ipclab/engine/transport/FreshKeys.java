package ipclab.engine.transport;

import java.security.SecureRandom;

/**
 * The System V keys ipclab makes its objects with: fresh random ones, used with
 * {@code IPC_CREAT | IPC_EXCL} (a key that is taken fails with EEXIST and another is drawn), never
 * IPC_PRIVATE. A key is what the run registry can write down <i>before</i> the get call, so that
 * an object made just as the supervisor dies is still found ({@code ipclab clean} looks for the
 * key): IPC_PRIVATE objects cannot be found that way (and queues and semaphore sets carry no
 * creator pid).
 *
 * <p>{@code -Dipclab.key.tag=N} (1..65534) puts N in the upper 16 bits of every key, so that a
 * run's objects are recognisable in {@code ipcs}; tests use it to count what killed runs left.
 */
final class FreshKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private FreshKeys() {}

    /** A key that is neither IPC_PRIVATE (0) nor -1, with the tag if one is set. */
    static int next() {
        int tag = tag();
        while (true) {
            int k = tag > 0 ? (tag << 16) | RANDOM.nextInt(1 << 16) : RANDOM.nextInt();
            if (k != 0 && k != -1) return k;
        }
    }

    private static int tag() {
        String t = System.getProperty("ipclab.key.tag");
        if (t == null || t.isBlank()) return 0;
        try {
            int v = Integer.decode(t.strip());
            if (v >= 1 && v <= 0xfffe) return v;
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("-Dipclab.key.tag=" + t + " must be a number from 1 to 65534");
    }
}

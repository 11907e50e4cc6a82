package ipclab.engine.protocol;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads protocol lines with a bound on their length, on both ends of the control pipe: a peer
 * that writes a line without end (a bug, a stray binary dump) costs at most {@code max}
 * characters of memory. An over-long line is read to its end and dropped, so the next line is
 * read whole again, and reported as {@link TooLong}.
 */
public final class BoundedLines {
    /** Supervisor to worker: a spec (the largest, with every peer on a channel) or a command. */
    public static final int MAX_TO_WORKER = 4 << 20;
    /**
     * Worker to supervisor: a report is the largest, and bounded whatever the message count: its
     * latency histogram (compressed, well under 1 MiB even when every bucket of an hour's range is
     * used) and one {@link ReceivedSeqs} of three numbers per writer.
     */
    public static final int MAX_FROM_WORKER = 8 << 20;

    private final Reader in;
    private final int max;
    private final StringBuilder line = new StringBuilder(256);
    private final char[] buf = new char[8192];
    private int pos, end;

    public BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** A line longer than the bound; it has been skipped. */
    public static final class TooLong extends IOException {
        public final String start;

        TooLong(int max, String start) {
            super("a line longer than " + max + " characters (dropped): " + start + "...");
            this.start = start;
        }
    }

    /** The next line without its end, or null at the end of input. */
    public String readLine() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        String start = null;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (tooLong) throw new TooLong(max, start);
                    return line.isEmpty() ? null : line.toString();
                }
            }
            int i = pos;
            while (i < end && buf[i] != '\n') i++;
            if (!tooLong) {
                if (line.length() + (i - pos) > max) {
                    tooLong = true;
                    line.append(buf, pos, Math.min(i - pos, 200));
                    start = line.substring(0, Math.min(line.length(), 200));
                    line.setLength(0);
                } else {
                    line.append(buf, pos, i - pos);
                }
            }
            if (i < end) {
                pos = i + 1;
                if (tooLong) throw new TooLong(max, start);
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
                return line.toString();
            }
            pos = end;
        }
    }
}

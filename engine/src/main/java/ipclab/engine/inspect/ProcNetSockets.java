package ipclab.engine.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes the kernel holds for loopback TCP and UDP sockets, from {@code /proc/net/tcp} and
 * {@code /proc/net/udp}: the same numbers {@code ss -tn} shows as Send-Q and Recv-Q. Pure Java.
 *
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue ...
 *    1: 0100007F:B19C 0100007F:8729 01 00000000:00000040 ...
 * </pre>
 * Addresses and ports are hex; {@code tx_queue} is what is written and not yet acknowledged
 * (TCP) or sent (UDP), {@code rx_queue} what arrived and is not yet read. Unix-domain sockets and
 * FIFOs have no such file: the kernel does not tell their queues through {@code /proc}.
 */
public final class ProcNetSockets {
    private final Path dir;

    /** @param dir usually {@code /proc/net}; tests point it at fixture files */
    public ProcNetSockets(Path dir) {
        this.dir = dir;
    }

    public ProcNetSockets() {
        this(Path.of("/proc/net"));
    }

    /**
     * One socket.
     *
     * @param state TCP's state name ({@code ESTABLISHED}, {@code LISTEN}...), or UDP's
     * @param sendQ bytes in the send queue
     * @param recvQ bytes in the receive queue
     */
    public record Row(String proto, int localPort, int remotePort, String state, long sendQ, long recvQ) {}

    /** The sockets of {@code proto} ({@code tcp} or {@code udp}) whose local or remote port is one of {@code ports}. */
    public List<Row> onPorts(String proto, List<Integer> ports) {
        Path file = dir.resolve(proto);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    file + " does not exist: /proc is not mounted or " + proto + " is not built in", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 5) continue;
            int local = port(f[1]), remote = port(f[2]);
            if (!ports.contains(local) && !ports.contains(remote)) continue;
            String[] q = f[4].split(":");
            out.add(new Row(
                    proto,
                    local,
                    remote,
                    state(proto, Integer.parseInt(f[3], 16)),
                    Long.parseLong(q[0], 16),
                    Long.parseLong(q[1], 16)));
        }
        return out;
    }

    private static int port(String addr) {
        return Integer.parseInt(addr.substring(addr.indexOf(':') + 1), 16);
    }

    private static final String[] TCP_STATES = {
        "?",
        "ESTABLISHED",
        "SYN_SENT",
        "SYN_RECV",
        "FIN_WAIT1",
        "FIN_WAIT2",
        "TIME_WAIT",
        "CLOSE",
        "CLOSE_WAIT",
        "LAST_ACK",
        "LISTEN",
        "CLOSING"
    };

    private static String state(String proto, int st) {
        if (proto.startsWith("udp")) return st == 1 ? "CONNECTED" : "UNCONNECTED";
        return st > 0 && st < TCP_STATES.length ? TCP_STATES[st] : "state " + st;
    }
}

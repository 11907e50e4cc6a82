package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who may share a channel: a stream (writers and readers), round trips (one pinger, one echo) or a counter (incrementers); one writer and one reader on a pipe or a stream socket; a reader's mtype that some writer sends. */
final class Topology {
    private Topology() {}

    static void check(ChannelSpec c, ChannelUsers u, List<Problem> problems) {
        String path = "channels." + c.name();
        List<ProcessSpec> on = u.on();
        int writers = u.writers(),
                readers = u.readers(),
                pingers = u.pingers(),
                echoes = u.echoes(),
                incrementers = u.incrementers();
        if (on.isEmpty()) {
            problems.add(Problem.partner(
                    path, "no process uses channel " + c.name() + "; add a writer and a reader on it, or remove it"));
            return;
        }
        int kinds = (writers + readers > 0 ? 1 : 0) + (pingers + echoes > 0 ? 1 : 0) + (incrementers > 0 ? 1 : 0);
        if (kinds > 1) {
            problems.add(
                    Problem.key(
                            path,
                            "channel " + c.name() + " mixes " + u.describe()
                                    + "; a channel carries a stream (writers and readers), round trips (one pinger and one echo) or a counter (incrementers), one of them"));
            return;
        }
        if (writers + readers > 0) {
            if (writers == 0)
                problems.add(Problem.partner(
                        path,
                        "channel " + c.name() + " has readers (" + u.names(Role.READER)
                                + ") but no writer; add a process with role: writer and channel: " + c.name()));
            if (readers == 0)
                problems.add(Problem.partner(
                        path,
                        "channel " + c.name() + " has writers (" + u.names(Role.WRITER)
                                + ") but no reader; add a process with role: reader and channel: " + c.name()));
            if (writers == 0 || readers == 0) return;
            switch (c.type()) {
                case SOCKET -> {
                    SocketDomain d = c.domain() == null ? SocketDomain.UNIX : c.domain();
                    boolean datagram = d == SocketDomain.UDP || d == SocketDomain.UNIX_DGRAM;
                    if (readers > 1)
                        problems.add(Problem.key(
                                path,
                                "a socket has one receiving end, and " + c.name() + " has " + readers + " readers ("
                                        + u.names(Role.READER) + "); use one reader, or a msgq for many"));
                    if (!datagram && writers > 1)
                        problems.add(Problem.key(
                                path,
                                "a " + Names.yaml(d) + " stream socket connects one writer to one reader, and "
                                        + c.name() + " has " + writers + " writers (" + u.names(Role.WRITER)
                                        + "); use one writer, domain unix-dgram or udp, or a msgq for many"));
                }
                case PIPE -> {
                    if (writers > 1)
                        problems.add(Problem.key(
                                path,
                                "a pipe connects one writer to one reader (the reader sees end-of-file when its writer closes), and "
                                        + c.name() + " has " + writers + " writers (" + u.names(Role.WRITER)
                                        + "); use one writer, or a msgq or a socket with domain unix-dgram for many"));
                    if (readers > 1)
                        problems.add(Problem.key(
                                path,
                                "a pipe has one reading end, and " + c.name() + " has " + readers + " readers ("
                                        + u.names(Role.READER) + "); use one reader, or a msgq for many"));
                }
                default -> {}
            }
            if (c.type() == ChannelType.MSGQ) checkMtypes(c, on, problems);
            return;
        }
        if (pingers + echoes > 0) {
            if (pingers != 1 || echoes != 1) {
                problems.add(Problem.key(
                        path,
                        "round trips need exactly one pinger and one echo on a channel; " + c.name() + " has "
                                + pingers + " pinger" + (pingers == 1 ? "" : "s") + " and " + echoes + " echo"
                                + (echoes == 1 ? "" : "es")
                                + " (after replicas: " + u.describe() + ")"));
            }
        }
    }

    private static void checkMtypes(ChannelSpec c, List<ProcessSpec> on, List<Problem> problems) {
        Set<Long> sent = new LinkedHashSet<>();
        for (ProcessSpec p : on) if (p.role() == Role.WRITER) sent.add(p.mtype() == null ? 1L : p.mtype());
        for (ProcessSpec p : on) {
            if (p.role() != Role.READER || p.mtype() == null || p.mtype() == 0) continue;
            long t = p.mtype();
            long limit = t == Long.MIN_VALUE ? Long.MAX_VALUE : -t;
            boolean some = t > 0 ? sent.contains(t) : sent.stream().anyMatch(x -> x <= limit);
            if (!some) {
                problems.add(Problem.value(
                        "processes." + p.name() + ".mtype",
                        "mtype=" + t + " selects " + (t > 0 ? "messages of type " + t : "types up to " + limit)
                                + ", but the writers on " + c.name() + " send types " + sent
                                + "; this reader would wait forever"));
            }
        }
    }
}

package ipclab.dsl.plan;

import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/** The process groups on one channel, and how many processes of each role they become after replicas. */
record ChannelUsers(List<ProcessSpec> on) {
    static ChannelUsers of(Scenario s, String channel) {
        List<ProcessSpec> on = new ArrayList<>();
        for (ProcessSpec p : s.processes().values()) if (channel.equals(p.channel())) on.add(p);
        return new ChannelUsers(List.copyOf(on));
    }

    int count(Role r) {
        int n = 0;
        for (ProcessSpec p : on) if (p.role() == r) n += NameRules.replicas(p);
        return n;
    }

    int writers() {
        return count(Role.WRITER);
    }

    int readers() {
        return count(Role.READER);
    }

    int pingers() {
        return count(Role.PINGER);
    }

    int echoes() {
        return count(Role.ECHO);
    }

    int incrementers() {
        return count(Role.INCREMENTER);
    }

    /** Whether messages flow (a stream or round trips), not only a counter. */
    boolean ring() {
        return writers() + readers() + pingers() + echoes() > 0;
    }

    /** Whether the channel carries round trips. */
    boolean roundTrips() {
        return pingers() + echoes() > 0;
    }

    /** The process names of a role after replicas: {@code producer-1, producer-2}. */
    String names(Role r) {
        List<String> out = new ArrayList<>();
        for (ProcessSpec p : on) if (p.role() == r) out.addAll(NameRules.replicaNames(p.name(), NameRules.replicas(p)));
        return String.join(", ", out);
    }

    /** {@code 2 writers, 1 reader}. */
    String describe() {
        SequencedMap<Role, Integer> byRole = new LinkedHashMap<>();
        for (ProcessSpec p : on) byRole.merge(p.role(), NameRules.replicas(p), Integer::sum);
        List<String> parts = new ArrayList<>();
        byRole.forEach((r, n) -> parts.add(n + " " + Names.yaml(r) + (n == 1 ? "" : r == Role.ECHO ? "es" : "s")));
        return String.join(", ", parts);
    }
}

package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys given where they do not apply, by {@link Key}'s table: a channel key its type does not
 * take, a process key its role or its channel's type does not take. A new key restricted in the
 * table is refused here with no code added.
 */
final class KeyRules {
    private KeyRules() {}

    /** Channel keys that this channel's type does not take. */
    static void checkChannel(ChannelSpec c, List<Problem> problems) {
        for (Key k : Key.of(Key.Scope.CHANNEL)) {
            if (c.get(k.yaml()) == null || k.facts().appliesTo(c.type())) continue;
            problems.add(Problem.key(
                    "channels." + c.name() + "." + k.yaml(),
                    "'" + k.yaml() + "' applies to " + types(k) + " channels only; " + c.name() + " is "
                            + Names.yaml(c.type())));
        }
    }

    /** Process keys that the type of the process's channel {@code c} does not take. */
    static void checkProcessOnChannel(ProcessSpec p, ChannelSpec c, List<Problem> problems) {
        for (Key k : Key.of(Key.Scope.PROCESS)) {
            if (p.get(k.yaml()) == null || k.facts().appliesTo(c.type())) continue;
            problems.add(Problem.key(
                    "processes." + p.name() + "." + k.yaml(),
                    k.yaml() + " applies to " + types(k) + " channels only; " + p.channel() + " is "
                            + Names.yaml(c.type())));
        }
    }

    /** Process keys that the process's role does not take. */
    static void checkProcessRole(ProcessSpec p, List<Problem> problems) {
        for (Key k : Key.of(Key.Scope.PROCESS)) {
            if (p.get(k.yaml()) == null || k.facts().appliesTo(p.role())) continue;
            problems.add(Problem.key("processes." + p.name() + "." + k.yaml(), refusal(k, p.role())));
        }
    }

    /** Why a role does not take a key, and where to set it instead. */
    static String refusal(Key k, Role r) {
        String key = k.yaml();
        if (k == Key.WARMUP)
            return "warmup applies to pingers and writers only (unmeasured messages before the measured ones)";
        return switch (r) {
            case READER ->
                "a reader does not take '" + key + "': it handles what its writers send; set " + key + " on the writer";
            case ECHO ->
                k == Key.MTYPE
                        ? "an echo answers its pinger's messages; set mtype on the pinger"
                        : "an echo does not take '" + key + "': it handles what its pinger send; set " + key
                                + " on the pinger";
            case INCREMENTER ->
                "an incrementer does not take '" + key + "': it adds 1 to an 8-byte counter 'messages' times";
            default -> {
                List<String> roles = new ArrayList<>();
                for (Role x : k.facts().roles()) roles.add(Names.yaml(x) + "s");
                yield "'" + key + "' applies to " + String.join(" and ", roles) + " only";
            }
        };
    }

    private static String types(Key k) {
        List<String> out = new ArrayList<>();
        for (ChannelType t : ChannelType.values()) if (k.facts().channelTypes().contains(t)) out.add(Names.yaml(t));
        return String.join(" and ", out);
    }
}

package ipclab.dsl.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a {@link Key} applies: the channel types it is written for (its own channel's, or a
 * process's channel's; every type when empty) and the roles that take it.
 */
record Applies(Set<ChannelType> channelTypes, Set<Role> roles) {
    /** On every channel type, for every role. */
    static final Applies EVERYWHERE = new Applies(Set.of(), EnumSet.allOf(Role.class));

    /** On channels of this type only. */
    static Applies on(ChannelType type) {
        return new Applies(Set.of(type), EVERYWHERE.roles);
    }

    /** For these roles only. */
    static Applies to(Role first, Role... rest) {
        return new Applies(EVERYWHERE.channelTypes, EnumSet.of(first, rest));
    }

    /** On channels of this type, for these roles only. */
    static Applies on(ChannelType type, Role first, Role... rest) {
        return new Applies(Set.of(type), EnumSet.of(first, rest));
    }

    /** As a key's reference starts: {@code msgq; writer, reader}, or empty when it applies everywhere. */
    String text() {
        List<String> parts = new ArrayList<>();
        if (!channelTypes.isEmpty())
            parts.add(String.join(", ", channelTypes.stream().map(Names::yaml).toList()));
        if (roles.size() < Role.values().length)
            parts.add(String.join(", ", roles.stream().map(Names::yaml).toList()));
        return String.join("; ", parts);
    }
}

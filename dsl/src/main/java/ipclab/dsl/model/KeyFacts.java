package ipclab.dsl.model;

import java.util.Set;

/**
 * What one row of the {@link Key} table says of a key, and what follows from it: where the key
 * applies, its reference text for the schema and the README, and the hint a reader's error gives.
 *
 * @param scope where the key is written
 * @param yaml the key as YAML writes it
 * @param required whether a scenario must write it
 * @param defaultText the default as a person reads it, {@code null} when none; the planner applies it
 * @param example a typical value ({@code 4KiB}), {@code null} when the key has no short example
 * @param applies the channel types and roles that take the key
 * @param description what the key means, without its default and where it applies (see {@link #reference()})
 */
public record KeyFacts(
        Key.Scope scope,
        String yaml,
        ValueType type,
        boolean required,
        String defaultText,
        String example,
        Applies applies,
        String description) {

    /**
     * How a row says whether the key must be written, its default and an example:
     * {@code REQUIRED.example("hello")}, {@code OPTIONAL}, {@code byDefault("64KiB").example("4KiB")}.
     */
    public record Usage(boolean required, String defaultText, String example) {
        static final Usage REQUIRED = new Usage(true, null, null);
        static final Usage OPTIONAL = new Usage(false, null, null);

        static Usage byDefault(String text) {
            return new Usage(false, text, null);
        }

        Usage example(String typical) {
            return new Usage(required, defaultText, typical);
        }
    }

    /** The record component (and builder method) of the key: its YAML name, but {@code holdFor} for {@code for}, a Java keyword. */
    public String component() {
        return yaml.equals("for") ? "holdFor" : yaml;
    }

    /** The channel types the key applies to (a channel's own type, or a process's channel's); all when empty. */
    public Set<ChannelType> channelTypes() {
        return applies.channelTypes();
    }

    /** The roles the key applies to; all when every role takes it. */
    public Set<Role> roles() {
        return applies.roles();
    }

    /** Whether a process of this role takes the key. */
    public boolean appliesTo(Role role) {
        return applies.roles().contains(role);
    }

    /** Whether the key applies on a channel of this type (its own, or a process's channel's). */
    public boolean appliesTo(ChannelType channelType) {
        return applies.channelTypes().isEmpty() || applies.channelTypes().contains(channelType);
    }

    /**
     * The full description for a person: where it applies, what it means and its default, e.g.
     * {@code shm: the number of ring slots, ... Default: 16.}
     */
    public String reference() {
        String prefix = applies.text();
        return (prefix.isEmpty() ? "" : prefix + ": ")
                + description
                + (defaultText == null ? "" : " Default: " + defaultText + ".");
    }

    /** What to write for this key, e.g. {@code e.g. 'size: 4KiB'} or {@code one of shm | msgq | socket | pipe}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String hint() {
        if (type instanceof ValueType.Choice(var choices)) return "one of " + Names.choices((Class) choices);
        if (type == ValueType.Plain.CHANNEL_REF) return "the name of a channel under 'channels:'";
        if (type == ValueType.Plain.PROCESS_REF)
            return "the name of a process after replicas, e.g. 'process: producer-1'";
        return example == null ? "give a value or remove the key" : "e.g. '" + yaml + ": " + example + "'";
    }
}

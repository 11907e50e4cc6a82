package ipclab.dsl.model;

/**
 * A channel, a process or a fault as the scenario wrote it: its values by YAML key, and, being
 * built already, its own build (so that {@link Scenario.Builder} takes it where it takes a builder).
 */
public sealed interface Spec<R extends Record> extends Buildable<R> permits ChannelSpec, ProcessSpec, FaultSpec {
    /** The value of a key as YAML writes it, or {@code null} when not given. */
    default String get(String key) {
        return KeyValues.text((Record) this, key);
    }

    /** Itself. */
    @Override
    @SuppressWarnings("unchecked")
    default R build() {
        return (R) this;
    }
}

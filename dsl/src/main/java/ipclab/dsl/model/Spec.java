package ipclab.dsl.model;

/**
 * A channel, a process or a fault as the scenario wrote it: its values by YAML key, a builder
 * holding them, and, being built already, its own build (so that {@link ScenarioBuilder} takes it
 * where it takes a builder). {@code B} is the record's builder, generated from its components.
 */
public sealed interface Spec<R extends Record, B extends Buildable<R>> extends Buildable<R>
        permits ChannelSpec, ProcessSpec, FaultSpec {
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

    /** A builder holding this spec's values, to change some. */
    @SuppressWarnings("unchecked")
    default B toBuilder() {
        SpecBuilder<?, ?> b =
                switch (this) {
                    case ChannelSpec c -> new ChannelSpecBuilder(c.name(), c.type());
                    case ProcessSpec p -> new ProcessSpecBuilder(p.name(), p.role());
                    case FaultSpec f -> new FaultSpecBuilder();
                };
        return (B) b.from((Record) this);
    }
}

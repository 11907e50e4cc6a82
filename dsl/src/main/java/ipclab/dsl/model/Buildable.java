package ipclab.dsl.model;

/**
 * A channel, a process or a fault, built or still a builder: what {@link ScenarioBuilder}'s
 * {@code channel}, {@code process} and {@code fault} methods take, so that one method serves both
 * ({@code channel(shm("ring").slots(8))} and {@code channel(aChannelSpec)}). A record ({@link Spec}) is its own build.
 */
public sealed interface Buildable<R extends Record> permits Spec, SpecBuilder {
    /** The record: a builder's {@code build()}, or the record itself. */
    R build();
}

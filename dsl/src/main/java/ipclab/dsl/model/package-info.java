/**
 * The scenario as written: immutable records ({@code null} for what the author left out), their
 * fluent builders (method names are the YAML keys) and the value types with their YAML spellings.
 * {@link ipclab.dsl.model.Key} describes every YAML key once (the table), {@link ipclab.dsl.model.KeyFacts}
 * what each row says and what follows from it (where it applies, its reference text, its hint).
 *
 * <p>Each record's builder is named after it: {@code ChannelSpecBuilder}, {@code ProcessSpecBuilder}
 * and {@code FaultSpecBuilder} are generated at compile time from the records' components (with
 * their plain setters in {@code *Setters}, by the {@code dsl-processor} module); the hand-written
 * {@link ipclab.dsl.model.ScenarioBuilder} extends the generated {@code ScenarioSetters}.
 * {@link ipclab.dsl.model.Buildable} lets a scenario's builder take a channel, process or fault
 * built or as its builder, and {@link ipclab.dsl.model.Spec} gives the channel, process and fault
 * records {@code get(key)} and {@code toBuilder()}.
 *
 * <p>API: the records and builders ({@link ipclab.dsl.model.Buildable}, {@link ipclab.dsl.model.Spec}),
 * the enums and value types ({@link ipclab.dsl.model.ByteSize}, {@link ipclab.dsl.model.Rate}), {@link ipclab.dsl.model.Key} with its {@link ipclab.dsl.model.KeyFacts} and
 * {@link ipclab.dsl.model.ValueType}, {@link ipclab.dsl.model.Names}
 * (YAML spellings) and {@link ipclab.dsl.model.Suggestions} (the one "did you mean" policy).
 * Public for the dsl's other packages but not meant for callers outside the module:
 * {@link ipclab.dsl.model.Values} and {@link ipclab.dsl.model.Durations} (text parsing with
 * messages for the user). The bottom layer: it imports no other dsl package.
 */
package ipclab.dsl.model;

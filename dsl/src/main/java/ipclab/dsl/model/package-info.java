/**
 * The scenario as written: immutable records ({@code null} for what the author left out), their
 * fluent builders (method names are the YAML keys) and the value types with their YAML spellings.
 * {@link ipclab.dsl.model.Key} describes every YAML key once.
 *
 * <p>API: the records and builders, the enums and value types ({@link ipclab.dsl.model.ByteSize},
 * {@link ipclab.dsl.model.Rate}), {@link ipclab.dsl.model.Key}, {@link ipclab.dsl.model.Names}
 * (YAML spellings) and {@link ipclab.dsl.model.Suggestions} (the one "did you mean" policy).
 * Public for the dsl's other packages but not meant for callers outside the module:
 * {@link ipclab.dsl.model.Values} and {@link ipclab.dsl.model.Durations} (text parsing with
 * messages for the user). The bottom layer: it imports no other dsl package.
 */
package ipclab.dsl.model;

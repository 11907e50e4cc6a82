/**
 * Scenarios: the entry points, and the API of the dsl module. {@link ipclab.dsl.ScenarioLoader}
 * turns a YAML file, YAML text or a built {@link ipclab.dsl.model.Scenario} into
 * {@link ipclab.dsl.plan.Plan}s or a {@link ipclab.dsl.ScenarioException} full of
 * {@link ipclab.dsl.Diagnostic}s; {@link ipclab.dsl.Scenarios} is the fluent DSL behind one static
 * import; {@link ipclab.dsl.Schema} is the JSON Schema of the format, made from the key table.
 *
 * <p>Layers, bottom up (a test, {@code LayeringTest}, fails on a back-pointing import or a
 * cycle): {@code model} (the scenario as written, the key table); {@code expect} (the claim
 * language) beside it; {@code yaml} (text to model and back) and {@code plan} (model to plans),
 * which know nothing of each other; this package on top.
 */
package ipclab.dsl;

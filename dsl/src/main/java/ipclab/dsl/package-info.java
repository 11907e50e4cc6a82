/**
 * Scenarios: the entry points. {@link ipclab.dsl.ScenarioLoader} turns a YAML file, YAML text or
 * a built {@link ipclab.dsl.model.Scenario} into {@link ipclab.dsl.plan.Plan}s or a
 * {@link ipclab.dsl.ScenarioException} full of {@link ipclab.dsl.Diagnostic}s;
 * {@link ipclab.dsl.Scenarios} is the fluent DSL behind one static import;
 * {@link ipclab.dsl.Schema} is the JSON Schema of the format.
 */
package ipclab.dsl;

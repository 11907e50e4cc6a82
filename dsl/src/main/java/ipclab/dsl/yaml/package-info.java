/**
 * YAML in and out. {@link ipclab.dsl.yaml.YamlTreeReader} reads text into a tree of strings that
 * remembers positions, refusing hostile input; {@link ipclab.dsl.yaml.ScenarioReader} binds it to
 * the model with every problem reported; {@link ipclab.dsl.yaml.ScenarioWriter} writes a scenario
 * back. Callers normally use {@link ipclab.dsl.ScenarioLoader} instead of the reader classes.
 */
package ipclab.dsl.yaml;

/**
 * YAML in and out. {@link ipclab.dsl.yaml.YamlTreeReader} reads text into a tree of strings that
 * remembers positions, refusing hostile input; {@link ipclab.dsl.yaml.ScenarioReader} binds it to
 * the model with every problem reported ({@link ipclab.dsl.yaml.YamlProblem}: a position, no
 * file), walking the sections while {@code Reading} holds what it collects and the reads every
 * section makes alike; {@link ipclab.dsl.yaml.ScenarioWriter} writes a scenario back.
 *
 * <p>Internal to the dsl module except {@link ipclab.dsl.yaml.ScenarioWriter}: callers read
 * scenarios through {@link ipclab.dsl.ScenarioLoader}. Imports only {@code ipclab.dsl.model}.
 */
package ipclab.dsl.yaml;

package ipclab.dsl.yaml;

/**
 * One problem found while reading YAML, where it was written. The loader adds the file name and
 * turns it into an {@code ipclab.dsl.Diagnostic}; this package stays below the facade.
 *
 * @param line    1-based
 * @param column  1-based
 * @param path    dotted path such as {@code processes.producer.size}; empty for the file itself
 * @param message what is wrong and what would be valid
 */
public record YamlProblem(int line, int column, String path, String message) {}

/**
 * The scenario as written: immutable records ({@code null} for what the author left out), their
 * fluent builders (method names are the YAML keys) and the value types with their YAML spellings.
 */
package ipclab.dsl.model;

/**
 * Recorded runs. {@link ipclab.engine.trace.Trace} is what a trace holds (the scenario's YAML and hash,
 * seeds, host, scheduler, every step with its outcome, the reports); {@link ipclab.engine.trace.TraceFile}
 * writes and checks the file (JSON lines, versioned, hashed; schema {@code /ipclab/trace.schema.json});
 * {@link ipclab.engine.trace.TraceStore} keeps every run's trace, numbered, under the XDG data directory.
 * All of it is API; nothing here runs anything.
 */
package ipclab.engine.trace;

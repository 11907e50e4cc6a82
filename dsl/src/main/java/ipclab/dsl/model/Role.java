package ipclab.dsl.model;

/** What a process does: stream messages out, read them, send and time round trips, return what it gets, or add to a counter in shared memory. YAML spelling: {@link Names#yaml}. */
public enum Role { WRITER, READER, PINGER, ECHO, INCREMENTER }

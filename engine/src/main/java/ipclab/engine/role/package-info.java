/**
 * The roles a worker process runs (writer, reader, pinger, echo, incrementer), each a
 * {@link ipclab.engine.role.RoleAgent} over the channel ports of {@link ipclab.engine.channel}.
 * API: {@link ipclab.engine.role.RoleAgent} (the contract the worker process drives) and
 * {@link ipclab.engine.role.Roles#create}; the role classes are internal.
 */
package ipclab.engine.role;

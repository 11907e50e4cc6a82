/**
 * The roles a worker process runs (writer, reader, pinger, echo, incrementer), each a
 * {@link ipclab.engine.role.RoleAgent} over the channel ports of {@link ipclab.engine.channel}.
 * Make one with {@link ipclab.engine.role.Roles#create}.
 */
package ipclab.engine.role;

/**
 * Reading the kernel's view of System V IPC: {@link ipclab.engine.inspect.ProcSysvipc} parses
 * {@code /proc/sysvipc/{shm,msg,sem}} by header name into {@link ipclab.engine.inspect.SysvObject}s;
 * {@link ipclab.engine.inspect.UserNames} turns uids into names. All API; no system calls.
 */
package ipclab.engine.inspect;

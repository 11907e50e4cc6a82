/**
 * Reading the kernel's view of System V IPC: {@link ipclab.engine.inspect.ProcSysvipc} parses
 * {@code /proc/sysvipc/{shm,msg,sem}} by header name into {@link ipclab.engine.inspect.SysvObject}s;
 * {@link ipclab.engine.inspect.UserNames} turns uids into names; {@link ipclab.engine.inspect.ProcNetSockets}
 * reads loopback sockets' queues from {@code /proc/net/tcp} and {@code udp}. All API; no system calls.
 */
package ipclab.engine.inspect;

/**
 * The System V message queue's ports (msgsnd, msgrcv; blocking or IPC_NOWAIT). Internal: opened
 * through {@code ipclab.engine.transport}.
 */
package ipclab.engine.channel.msgq;

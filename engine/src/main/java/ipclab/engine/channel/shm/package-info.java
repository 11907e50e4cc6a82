/**
 * The System V shared-memory ring: its layout ({@link ipclab.engine.channel.shm.RingDescriptor},
 * the one source of truth for the engine and the segment inspector), the attached segment
 * ({@link ipclab.engine.channel.shm.Ring}) and its ports, by synchronisation: semaphores, spinning,
 * or none (racy, to show the race). API: the descriptor and {@link ipclab.engine.channel.shm.Ring};
 * the ports are internal, opened through {@code ipclab.engine.transport}.
 */
package ipclab.engine.channel.shm;

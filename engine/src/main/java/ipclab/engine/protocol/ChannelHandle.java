package ipclab.engine.protocol;

import ipclab.dsl.model.ChannelType;

/**
 * The kernel objects and addresses behind one channel, as the supervisor created them. Ids are
 * -1 and strings empty where they do not apply.
 *
 * @param shmId  shm: the segment's id
 * @param semId  shm with semaphores: the semaphore set's id
 * @param msqId  msgq: the queue's id
 * @param key    the System V key used (0 for IPC_PRIVATE)
 * @param path   unix sockets: the socket path; pipe: the FIFO path (a pinger/echo pair uses path and path + ".back")
 * @param port   tcp/udp: the loopback port (0 until the server side bound one)
 */
public record ChannelHandle(String channel, ChannelType type, int shmId, int semId, int msqId, int key,
                            String path, int port) {}

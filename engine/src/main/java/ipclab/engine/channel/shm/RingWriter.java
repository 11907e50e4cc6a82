package ipclab.engine.channel.shm;

import ipclab.engine.protocol.StepGate;

/**
 * A ring port that writes: it claims slots at the lane's write cursor and publishes them. When it
 * is done it counts itself in writers-done (a semaphore ring's last writer also publishes an end
 * marker); closing has nothing to free (the segment is the endpoint's).
 */
abstract class RingWriter extends RingPort {
    RingWriter(Ring ring, StepGate gate, String channel) {
        super(ring, gate, channel);
    }

    public void finish() {
        countWriterDone();
    }

    public void close() {}
}

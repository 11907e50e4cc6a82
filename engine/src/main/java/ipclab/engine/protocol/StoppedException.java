package ipclab.engine.protocol;

/**
 * Thrown out of {@link StepGate#before} when the supervisor stops a stepped run while the
 * worker waits for a grant: the operation must not happen, the worker winds down.
 */
public final class StoppedException extends RuntimeException {
    public StoppedException() {
        super("stopped by the supervisor", null, false, false);
    }
}

package ipclab.engine.run;

/** A run could not be started (a kernel object could not be made, a JVM not spawned). Nothing is left behind. */
public final class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}

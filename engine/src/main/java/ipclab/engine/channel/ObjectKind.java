package ipclab.engine.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ipclab.engine.inspect.SysvObject;

/**
 * What a run makes and must remove: one of the three System V facilities, or a file (a FIFO, a
 * socket file, a private directory). Written in the run registry and reports by its short name
 * ({@code shm}, {@code msg}, {@code sem}, {@code file}).
 */
public enum ObjectKind {
    SHM(SysvObject.Kind.SHM),
    MSG(SysvObject.Kind.MSG),
    SEM(SysvObject.Kind.SEM),
    FILE(null);

    private final SysvObject.Kind sysv;

    ObjectKind(SysvObject.Kind sysv) {
        this.sysv = sysv;
    }

    /** The System V facility, or null for a file. */
    public SysvObject.Kind sysv() {
        return sysv;
    }

    /** The short name: {@code shm}, {@code msg}, {@code sem} or {@code file}. */
    @JsonValue
    public String label() {
        return sysv == null ? "file" : sysv.procName();
    }

    @Override
    public String toString() {
        return label();
    }

    /** The kind of a System V object. */
    public static ObjectKind of(SysvObject.Kind k) {
        return switch (k) {
            case SHM -> SHM;
            case MSG -> MSG;
            case SEM -> SEM;
        };
    }

    /** The kind for a short name. */
    @JsonCreator
    public static ObjectKind of(String label) {
        for (ObjectKind k : values()) if (k.label().equals(label)) return k;
        throw new IllegalArgumentException("kind=" + label + " is not one of shm, msg, sem, file");
    }
}

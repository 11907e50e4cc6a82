package ipclab.engine.role;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;

/** Makes the role a worker runs. */
public final class Roles {
    private Roles() {}

    /** The role of {@code spec.self()}, on its channel, announcing IPC operations to {@code gate}. */
    public static RoleAgent create(WorkerSpec spec, StepGate gate) {
        return switch (spec.self().role()) {
            case WRITER -> new WriterRole(spec, gate);
            case READER -> new ReaderRole(spec, gate);
            case PINGER -> new PingerRole(spec, gate);
            case ECHO -> new EchoRole(spec, gate);
            case INCREMENTER -> new IncrementerRole(spec, gate);
        };
    }
}

package ipclab.engine.worker;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.role.RoleAgent;
import ipclab.engine.role.Roles;

/** The real roles: {@link Roles#create}. */
public final class RolesFactory implements AgentFactory {
    @Override
    public RoleAgent create(WorkerSpec spec, StepGate gate) {
        return Roles.create(spec, gate);
    }
}

package ipclab.engine.worker;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.role.RoleAgent;

/**
 * Makes the role of a worker. The default ({@link RolesFactory}) makes the real roles; tests
 * pass another one (by class name, see {@link WorkerMain}) to drive the process machinery with
 * roles of their own.
 */
public interface AgentFactory {
    RoleAgent create(WorkerSpec spec, StepGate gate) throws Exception;
}

package ipclab.engine.worker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** The real roles: {@code ipclab.engine.role.Roles.create(spec, gate)}. */
public final class RolesFactory implements AgentFactory {
    @Override
    public RoleAgent create(WorkerSpec spec, StepGate gate) throws Exception {
        // TODO(runtime): call Roles.create directly once the channels branch is merged
        Method m = Class.forName("ipclab.engine.role.Roles").getMethod("create", WorkerSpec.class, StepGate.class);
        try {
            return (RoleAgent) m.invoke(null, spec, gate);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}

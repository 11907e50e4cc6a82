/**
 * The worker side: {@link ipclab.engine.worker.WorkerMain} (the entry point of every worker JVM),
 * the contract with the roles ({@link ipclab.engine.worker.RoleAgent}, {@link ipclab.engine.worker.StepGate},
 * {@link ipclab.engine.worker.WorkerSpec}, {@link ipclab.engine.worker.WorkerReport}) and the control
 * protocol ({@link ipclab.engine.worker.Wire}: JSON lines written and read with jackson-core's
 * streaming API only). A worker loads no data binding, no YAML and no command-line library, so it
 * starts fast; the JDK AOT cache (see {@code ipclab.engine.run.WorkerCommand}) does the rest.
 */
package ipclab.engine.worker;

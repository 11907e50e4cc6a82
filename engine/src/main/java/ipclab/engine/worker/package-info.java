/**
 * The worker process: {@link ipclab.engine.worker.WorkerMain} (the entry point of every worker
 * JVM; API: its class name and its arguments) and, internal, {@link ipclab.engine.worker.Control}
 * (the thread that reads the supervisor's lines and grants steps), {@link ipclab.engine.worker.Pinning}
 * (the CPUs the scenario names, applied before "ready") and the figures the process owns
 * (syscall window, getrusage). {@link ipclab.engine.worker.AgentFactory} makes the role;
 * tests bring their own. The protocol is in {@code ipclab.engine.protocol}; the JDK AOT cache
 * (see {@code ipclab.engine.run.WorkerCommand}) makes the start fast.
 */
package ipclab.engine.worker;

/**
 * The supervisor: runs a {@link ipclab.dsl.plan.Plan} as real worker JVMs and reports.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link ipclab.engine.run.Engine#start} returns a {@link ipclab.engine.run.Run}: {@code await()} for a free
 *       run; in step mode {@code processes()}, {@code grant(name)}, {@code runFree()}, {@code trace()}, {@code stop()},
 *       and {@code stepper()}: the {@link ipclab.engine.run.Stepper} a scheduler drives ({@code enabled()},
 *       {@code grant(name)} returning the step's typed {@link ipclab.engine.protocol.StepOutcome},
 *       {@code awaitSettled(timeout)}, atomic {@code snapshot()}s, {@code events()}); {@code look(channel)} reads a
 *       channel's live kernel objects into a {@link ipclab.engine.transport.ChannelLook}, {@code slotBytes} one
 *       ring slot, and {@code kill(process)} crashes a worker on purpose.
 *       {@link ipclab.engine.run.RunOptions} says how (step, state dir, timeout, listener, AOT cache).</li>
 *   <li>{@link ipclab.engine.run.RunReport} is the outcome; {@link ipclab.engine.run.ReportJson} writes it (the JSON
 *       keys are a contract); {@link ipclab.engine.run.Outcome} says how it ended (the command line maps that to an exit status).</li>
 *   <li>{@link ipclab.engine.run.Registry} (one file per run under {@code $XDG_STATE_HOME/ipclab/runs}),
 *       {@link ipclab.engine.run.Ownership} (the one rule for "is this kernel object ours") and
 *       {@link ipclab.engine.run.Cleaner} (removes what dead runs left, only what is still ours).</li>
 *   <li>{@link ipclab.engine.run.WorkerCommand}: the worker's command line and its AOT cache, recorded by a
 *       {@link ipclab.engine.run.Training} JVM whose workers {@link ipclab.engine.run.TrainingDriver}, in a JVM of
 *       its own, drives.</li>
 *   <li>{@link ipclab.engine.run.WorkerPool}: worker JVMs kept across many stepped runs of one plan
 *       ({@code Engine.start(plan, opts, pool)}); each run still has fresh kernel objects, its own registry file
 *       and a fresh spec per worker; {@code close()} ends the JVMs.</li>
 * </ul>
 *
 * <h2>Internal</h2>
 * {@code Run}'s parts: {@code RunState} (the one lock), {@code RunObjects} (kernel objects, registry
 * record, clean-up policy), {@code WorkerProcesses} (spawn or take from the pool, protocol lines, exits),
 * {@code WorkerJvm} (one worker JVM, its pipes and log; a run's {@code Worker} is played by one), {@code Coordinator}
 * (the state machine), {@code StallDiagnosis}, {@code Stepping}; {@code Figures} and {@code Verdict}
 * make the report.
 *
 * <h2>A run</h2>
 * <pre>
 *  supervisor                                   worker JVM (ipclab.engine.worker.WorkerMain)
 *  registry file (pid + start time)
 *  ChannelObjects.create: each channel's Transport (logged before use)
 *  spawn ----------------------------------->   JVM start
 *  stdin: {"type":"spec",...} -------------->   Roles.create; onStart() (attach, timed)
 *                                     <------   stdout: {"type":"ready","setupNs":..}   (spawn-to-ready measured here)
 *  all ready: allAttached (shm IPC_RMID)
 *  {"type":"go"} to all at once ------------>   onGo(); while (!isDone()) doWork();
 *     step mode:                      <------   {"type":"pending","op":"load","channel":"counter"}   (at its gate: settled)
 *  grant(p): {"type":"grant"} -------------->   exactly one operation, never blocking in the kernel
 *                                     <------   {"type":"stepped","op":"load","channel":"counter","result":"ok","value":0}
 *                                     <------   the next "pending", or the report and exit (settled again)
 *                                     <------   {"type":"report",...}; exit 0
 *  all exited: figures (ChannelAccounting), readCounter, remove objects, leak check (/proc/sysvipc), report
 * </pre>
 *
 * <h2>Faults</h2>
 * A worker that exits non-zero, is killed, or closes its stdout without a report stops the run:
 * the others get {@code {"type":"stop"}}, then SIGKILL after the grace period; the failure names
 * the process, the exit status or signal (status 128+n, e.g. 137 for SIGKILL), the time into the
 * run and the last lines of its stderr. Past the timeout of a free run, each live worker is looked at in
 * {@code /proc/<pid>/task/*}{@code /syscall}: {@code consumer-2 blocked in msgrcv(jobs) for 30s; all writers exited}.
 * A shutdown hook handles SIGINT/SIGTERM; after a SIGKILL of the supervisor the workers die with it
 * (PR_SET_PDEATHSIG; they are spawned from one long-lived thread, since the signal follows the
 * forking thread) or see EOF on stdin and halt, and {@link ipclab.engine.run.Cleaner#cleanStale()}
 * removes the objects later: every System V object is in the registry (as an intent with its fresh
 * key) before its get call, every file before it is made. A line a worker should not send is a
 * protocol error ({@code FailureKind.PROTOCOL}) naming it, not a death.
 */
package ipclab.engine.run;

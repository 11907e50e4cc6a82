/**
 * Schedules for stepped runs: which enabled process moves next, a run driven to its end under one,
 * many runs explored, and stepping back. Above {@code run}: it drives a run only through
 * {@link ipclab.engine.run.Engine#start} and the {@link ipclab.engine.run.Stepper}.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link ipclab.engine.schedule.Scheduler}: {@code next(snapshot)} names the process to grant;
 *       {@link ipclab.engine.schedule.RandomScheduler}, {@link ipclab.engine.schedule.PctScheduler},
 *       {@link ipclab.engine.schedule.ReplayScheduler} (checks every outcome; {@code divergence()}),
 *       {@link ipclab.engine.schedule.InteractiveScheduler}; {@code ReplayScheduler.guided} follows a shrinking candidate;
 *       {@link ipclab.engine.schedule.SchedulerSpec} names one and its parameters (as traces and the CLI do).</li>
 *   <li>{@link ipclab.engine.schedule.ScheduledRun#run}: a plan under a scheduler to the end (all exited, or a
 *       deadlock reported as the failure {@code deadlock}); the report plus every step with its outcome.</li>
 *   <li>{@link ipclab.engine.schedule.Explorer#explore}: N schedules, failures shrunk (fewest context switches,
 *       then steps) by the internal {@code Shrinker}, all on the worker JVMs of one
 *       {@link ipclab.engine.run.WorkerPool} (fresh kernel objects each run).</li>
 *   <li>{@link ipclab.engine.schedule.Rewind#to}: a fresh run replayed to step n (reverse step).</li>
 * </ul>
 */
package ipclab.engine.schedule;

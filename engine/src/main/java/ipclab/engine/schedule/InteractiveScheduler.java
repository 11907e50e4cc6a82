package ipclab.engine.schedule;

import ipclab.engine.run.StepSnapshot;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A person (or a program) chooses: {@link #next} waits until {@link #choose} names a process. A
 * front end that grants directly through {@link ipclab.engine.run.Stepper#grant} needs no
 * scheduler; this one lets the same choices drive a {@link ScheduledRun}, which records them.
 * A name that is not enabled is refused at {@link #next} with the reason, and the next choice is awaited.
 */
public final class InteractiveScheduler implements Scheduler {
    private final BlockingQueue<String> choices = new LinkedBlockingQueue<>();
    private volatile String refused;

    /** The next process to grant. */
    public void choose(String process) {
        choices.add(process);
    }

    /** Why the last choice was refused (not enabled), or null. */
    public String refused() {
        return refused;
    }

    @Override
    public String next(StepSnapshot now) throws InterruptedException {
        while (true) {
            String p = choices.take();
            if (now.enabled().contains(p)) {
                refused = null;
                return p;
            }
            refused = p + " is not enabled (enabled: " + String.join(", ", now.enabled()) + ")";
        }
    }

    @Override
    public SchedulerSpec spec() {
        return new SchedulerSpec(SchedulerSpec.Strategy.INTERACTIVE, 0, 0);
    }
}

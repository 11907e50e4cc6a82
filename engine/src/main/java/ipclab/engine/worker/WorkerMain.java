package ipclab.engine.worker;

import ipclab.engine.protocol.BoundedLines;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StoppedException;
import ipclab.engine.protocol.Wire;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.role.RoleAgent;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.ProcessLife;
import ipclab.engine.sys.Rusage;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of every worker JVM.
 *
 * <pre>
 *   stdin line 1: spec  ->  pin to its CPUs  ->  make the role  ->  onStart() (timed)  ->  "ready"
 *   wait for "go"       ->  onGo(); while (!isDone()) doWork();     (step mode: each IPC op gated)
 *   onClose()           ->  syscalls + rusage into the report     ->  "report"  ->  exit 0
 * </pre>
 *
 * The report's {@code syscalls} cover the run window only: the calls the bindings made from
 * "go" (just before {@code onGo()}) to the end of the role's work (the loop ends), not the
 * setup before "ready" ({@code onStart()}: shmat, socket, connect...) nor the teardown in
 * {@code onClose()} (shmdt, close...): those are timed in setupNs and teardownNs instead.
 *
 * Arguments: {@code --reuse} makes a pooled worker (after its report it says "done" and runs the
 * next spec it is sent, see {@link Control}); {@code --tied} says the launcher set the parent-death
 * signal (see {@link #TIED}); {@code --factory=<class>} names an {@link AgentFactory} (tests). The AOT cache's
 * training ({@code ipclab.engine.run.Training}) drives {@link #run} on threads of its own JVM.
 *
 * <p>Exit status: 0 done, 1 the role failed (an "error" line was sent first), 2 bad arguments
 * or spec, 3 the supervisor vanished, 4 the supervisor sent a line that is not protocol (an
 * "error" line naming it was sent first). With {@value #SUPERVISOR_PID} set, the worker also
 * dies with SIGKILL when its supervisor does (prctl PR_SET_PDEATHSIG, set by its launcher or, without
 * {@code --tied}, by the worker itself). The process's real stdout is kept for the protocol;
 * {@code System.out} is pointed at stderr so that a stray print cannot break the protocol.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        StartupTrace.mark(StartupTrace.Phase.MAIN);
        String factoryName = null;
        boolean reuse = false;
        boolean tied = false;
        for (String a : args) {
            if (a.startsWith("--factory=")) factoryName = a.substring("--factory=".length());
            else if (a.equals(REUSE)) reuse = true;
            else if (a.equals(TIED)) tied = true;
            else {
                System.err.println("ipclab worker: unknown argument " + a + " (expected --factory=<class>, " + REUSE
                        + " or " + TIED + ")");
                System.exit(2);
            }
        }
        if (!tied) dieWithSupervisor();
        StartupTrace.mark(StartupTrace.Phase.TIED);
        OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
        System.exit(serve(in, protocolOut, factoryName, reuse));
    }

    /** The argument of a pooled worker: after each run it says "done" and takes the next spec (see {@link Control}). */
    public static final String REUSE = "--reuse";

    /**
     * The argument saying that the launcher ({@code setpriv --pdeathsig KILL}, see
     * ipclab.engine.run.WorkerCommand) already set this process's parent-death signal: the worker
     * then makes no prctl of its own, nor links one, before "ready". A supervisor that died between
     * fork and setpriv's prctl (microseconds) leaves a worker that the closed control pipe ends.
     */
    public static final String TIED = "--tied";

    /**
     * One worker's life on the given lines: the real stdin and stdout in a worker JVM, queues of
     * lines in the AOT training. Returns the exit status.
     */
    public static int run(BufferedReader reader, OutputStream out, String factoryName) {
        return serve(reader, out, factoryName, false);
    }

    /**
     * As {@link #run}; with {@code reuse}, run after run: a run that ended well (status 0) is
     * followed by "done" and the next spec, each run with a fresh role, fresh control state and its
     * own syscall and rusage window. A failed run, or one pinned to CPUs (its affinity would
     * outlive it), ends the JVM as without reuse.
     */
    static int serve(BufferedReader reader, OutputStream out, String factoryName, boolean reuse) {
        // here, not in main: the AOT training (which calls run) must load JdkWarmup too, or every
        // worker would load it from the jar
        JdkWarmup.start();
        WorkerSpec spec;
        Control control;
        BoundedLines in = new BoundedLines(reader, BoundedLines.MAX_TO_WORKER);
        try {
            String first = in.readLine();
            if (first == null) {
                System.err.println("ipclab worker: no spec on stdin (the first line must be the worker spec)");
                return 2;
            }
            StartupTrace.mark(StartupTrace.Phase.SPEC_READ);
            spec = Wire.spec(Wire.parse(first));
            StartupTrace.mark(StartupTrace.Phase.SPEC_PARSED);
        } catch (Exception e) {
            System.err.println("ipclab worker: cannot read the spec: " + e.getMessage());
            return 2;
        }
        control = new Control(in, out, spec.step(), reuse);
        control.start();
        while (true) {
            Rusage.Usage before = reuse ? Rusage.self() : null;
            int status = runOne(spec, control, factoryName, before);
            if (!reuse || status != 0 || spec.self().pinned()) return status;
            try {
                spec = Wire.spec(Wire.parse(control.awaitNextSpec()));
            } catch (InterruptedException e) {
                return Control.EXIT_ORPHANED;
            } catch (Exception e) {
                System.err.println("ipclab worker: cannot read the spec: " + e.getMessage());
                return 2;
            }
        }
    }

    /** One run of a role, from its spec to its report; the exit status it would have. */
    private static int runOne(WorkerSpec spec, Control control, String factoryName, Rusage.Usage before) {
        RoleAgent agent = null;
        boolean started = false;
        SyscallWindow window = new SyscallWindow();
        try {
            Pinning.apply(spec.self());
            StartupTrace.mark(StartupTrace.Phase.PINNED);
        } catch (RuntimeException e) {
            System.err.println("ipclab worker: " + e.getMessage());
            try {
                control.send(Wire.error(describe(e)));
            } catch (Exception ignored) {
                /* see exit status */
            }
            return 1;
        }
        try {
            StepGate gate = spec.step() ? control : StepGate.FREE;
            AgentFactory factory = factoryName == null
                    ? new RolesFactory()
                    : (AgentFactory)
                            Class.forName(factoryName).getDeclaredConstructor().newInstance();
            agent = factory.create(spec, gate);
            control.agent(agent);
            StartupTrace.mark(StartupTrace.Phase.ROLE_MADE);
            long t0 = System.nanoTime();
            agent.onStart();
            started = true;
            StartupTrace.mark(StartupTrace.Phase.STARTED);
            control.send(Wire.ready(System.nanoTime() - t0));
            StartupTrace.mark(StartupTrace.Phase.READY_SENT);
            StartupTrace.write();
            control.awaitGo();
            if (!control.stopped()) {
                SelfFaults faults = new SelfFaults(spec, control);
                window.open();
                agent.onGo();
                faults.go();
                if (faults.none() || spec.step()) {
                    while (!agent.isDone() && !control.stopped()) agent.doWork();
                } else {
                    while (!agent.isDone() && !control.stopped()) faults.afterWork(agent.doWork(), agent.report());
                }
            }
            window.close();
            control.flushStep();
        } catch (IpcException e) {
            if (agent == null || !started) return failed(e, control, agent, started);
            // a call failed while running (e.g. EIDRM: the queue was removed under us): say so, and still
            // report what was done until then, with the error counted by its errno; the supervisor decides
            // whether a fault explains it
            window.close();
            e.printStackTrace();
            try {
                control.failStep();
                control.flushStep();
                control.send(Wire.error(describe(e)));
            } catch (Exception ignored) {
                // the supervisor sees the exit status and our stderr
            }
            agent.report().event(ERRORS + e.failure().errnoName(), 1);
            int status = report(agent, spec, window, control, before);
            return status == 0 ? 1 : status;
        } catch (StoppedException e) {
            // a stepped run was stopped while this worker waited for a grant: wind down normally
            window.close();
            control.flushStep();
        } catch (Throwable e) {
            return failed(e, control, agent, started);
        }
        return report(agent, spec, window, control, before);
    }

    /** The report's prefix of a count of failed calls by errno ({@code errors.EIDRM}), a figure claims can name. */
    static final String ERRORS = "errors.";

    /** The role failed: an "error" line, no report; exit status 1. */
    private static int failed(Throwable e, Control control, RoleAgent agent, boolean started) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        System.err.print(sw);
        try {
            control.failStep();
            control.flushStep();
            control.send(Wire.error(describe(e)));
        } catch (Exception ignored) {
            // the supervisor sees the exit status and our stderr
        }
        if (agent != null && started) closeQuietly(agent);
        System.err.flush();
        return 1;
    }

    /** Closes the role and sends its report; the exit status (0, or 1 when that failed). */
    private static int report(
            RoleAgent agent, WorkerSpec spec, SyscallWindow window, Control control, Rusage.Usage before) {
        try {
            agent.onClose();
            WorkerReport r = agent.report();
            if (r.name == null) r.name = spec.self().name();
            if (r.role == null) r.role = ipclab.dsl.model.Names.yaml(spec.self().role());
            if (r.channel == null) r.channel = spec.channel().name();
            r.cpus = Pinning.current();
            ProcessUsage.fill(r, window, before);
            control.send(Wire.report(r));
        } catch (Throwable e) {
            e.printStackTrace();
            try {
                control.send(Wire.error("after the run: " + describe(e)));
            } catch (Exception ignored) {
                /* see exit status */
            }
            return 1;
        }
        System.err.flush();
        return 0;
    }

    /** The environment variable that names the supervisor's pid to its workers. */
    public static final String SUPERVISOR_PID = "IPCLAB_SUPERVISOR_PID";

    /**
     * Ties this worker to its supervisor: SIGKILL when the supervisor goes
     * (prctl PR_SET_PDEATHSIG), in addition to the closed control pipe; and if the supervisor
     * went before that call (this process already belongs to init or a subreaper), exit now.
     */
    private static void dieWithSupervisor() {
        String expected = System.getenv(SUPERVISOR_PID);
        if (expected == null) return; // started by hand or by a test harness: the pipe alone ties it
        try {
            ProcessLife.dieWithParent(ProcessLife.SIGKILL);
        } catch (RuntimeException e) {
            System.err.println("ipclab worker: " + e.getMessage() + "; relying on the control pipe alone");
            return;
        }
        if (!expected.equals(Integer.toString(ProcessLife.parentPid()))) {
            System.err.println("ipclab worker: the supervisor (pid " + expected + ") is gone already; exiting");
            System.exit(Control.EXIT_ORPHANED);
        }
    }

    private static void closeQuietly(RoleAgent agent) {
        try {
            agent.onClose();
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + m;
    }
}

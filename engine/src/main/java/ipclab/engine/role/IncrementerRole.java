package ipclab.engine.role;

import static ipclab.engine.channel.shm.RingDescriptor.COUNTER_OFFSET;
import static ipclab.engine.channel.shm.RingDescriptor.LOCK_OFFSET;

import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.GatedSemop;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.SemOps;
import ipclab.engine.transport.Endpoint;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Adds one to the counter in the channel's control block per unit of work, the way its sync says:
 * <ul>
 *   <li>{@code none}: load, then store load + 1 (opaque accesses: each really goes to memory, but
 *       nothing makes the pair atomic), so concurrent incrementers lose updates; step mode sees
 *       {@code load} and {@code store} as two steps;</li>
 *   <li>{@code semaphore}: the same load and store inside a System V semaphore (SEM_UNDO);</li>
 *   <li>{@code spin}: inside a CAS spin lock in the control block;</li>
 *   <li>{@code atomic}: one getAndAdd.</li>
 * </ul>
 * Stepped, every access to the counter, the lock or the semaphore is a step; a lock it cannot
 * take now ({@link StepResult#WOULD_BLOCK}, {@link StepResult#LOCKED}) ends the unit of work
 * without an increment, and the next one tries again.
 */
final class IncrementerRole extends AbstractRole {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();

    private final PlannedProcess self;
    private final Sync sync;
    private final String channel;
    private MemorySegment seg;
    private GatedSemop lock;
    private GatedSemop unlock;

    IncrementerRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate, null); // no messages, no warm-up
        this.self = spec.self();
        this.sync = spec.channel().sync();
        this.channel = spec.channel().name();
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        seg = endpoint.segment();
        if (sync == Sync.SEMAPHORE) {
            int semId = endpoint.semId();
            lock = new GatedSemop(semId, SemOps.of(endpoint.arena(), 0, -1, Ipc.SEM_UNDO), endpoint.arena());
            unlock = new GatedSemop(semId, SemOps.of(endpoint.arena(), 0, 1, Ipc.SEM_UNDO), endpoint.arena());
        }
    }

    @Override
    public int doWork() {
        if (done) return 0;
        if (report.increments >= self.messages() || stopOrTimeUp()) {
            done = true;
            return 0;
        }
        long t = System.nanoTime();
        switch (sync) {
            case NONE -> loadStore();
            case SEMAPHORE -> {
                gate.before(StepOp.SEMOP, channel);
                if (!lock.run(gate)) return 0;
                loadStore();
                gate.before(StepOp.SEMOP, channel);
                unlock.run(gate); // posts only: never blocks
            }
            case SPIN -> {
                for (; ; ) {
                    gate.before(StepOp.LOCK_CAS, channel);
                    if ((boolean) LONG.compareAndSet(seg, LOCK_OFFSET, 0L, 1L)) break;
                    gate.result(StepResult.LOCKED);
                    if (gate.stepped()) return 0;
                    Thread.onSpinWait();
                }
                loadStore();
                gate.before(StepOp.LOCK_RELEASE, channel);
                LONG.setRelease(seg, LOCK_OFFSET, 0L);
            }
            case ATOMIC -> {
                gate.before(StepOp.ATOMIC_ADD, channel);
                long before = (long) LONG.getAndAdd(seg, COUNTER_OFFSET, 1L);
                gate.number(StepNumber.VALUE, before + 1);
            }
        }
        if (report.increments == 0) report.firstOpNanos = t;
        report.increments++;
        report.lastOpNanos = System.nanoTime();
        return 1;
    }

    private void loadStore() {
        Steps.unsyncedIncrement(gate, channel, StepOp.LOAD, StepOp.STORE, seg, COUNTER_OFFSET);
    }
}

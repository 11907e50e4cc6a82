package ipclab.dsl;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelSpecBuilder;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.FaultSpecBuilder;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Rate;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.ScenarioBuilder;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.processor.Factories;
import java.time.Duration;

/**
 * Everything the fluent DSL needs behind one static import:
 *
 * <pre>{@code
 * import static ipclab.dsl.Scenarios.*;
 *
 * Scenario s = scenario("shm-vs-msgq").seed(42)
 *     .channel(shm("ring").size(kib(64)).slots(16).sync(SEMAPHORE))
 *     .process(writer("producer").channel("ring").replicas(2).messages(10_000).size(kib(1)))
 *     .process(reader("consumer").channel("ring"))
 *     .expect("consumer.received == producer.sent")
 *     .build();
 * }</pre>
 *
 * Method names are the YAML keys; channel factories are named after the channel types and process
 * factories after the roles: they are generated from the {@link ChannelType} and {@link Role}
 * constants into {@code ScenariosFactories}, which this class extends so that its static import
 * brings them along.
 */
@Factories({ChannelSpec.class, ProcessSpec.class})
public final class Scenarios extends ScenariosFactories {
    private Scenarios() {}

    // ---- sync, fanout, mode, domain constants, so that one static import is enough ----
    public static final Sync NONE = Sync.NONE, SEMAPHORE = Sync.SEMAPHORE, SPIN = Sync.SPIN, ATOMIC = Sync.ATOMIC;
    public static final Fanout SHARED = Fanout.SHARED, BROADCAST = Fanout.BROADCAST;
    public static final Removal NEVER = Removal.NEVER, AFTER_ATTACH = Removal.AFTER_ATTACH, AT_END = Removal.AT_END;
    public static final QueueMode BLOCKING = QueueMode.BLOCKING, NOWAIT = QueueMode.NOWAIT;
    public static final FaultAction KILL = FaultAction.KILL,
            STOP = FaultAction.STOP,
            CONT = FaultAction.CONT,
            DELAY = FaultAction.DELAY,
            REMOVE = FaultAction.REMOVE,
            FILL = FaultAction.FILL;
    public static final SocketDomain UNIX = SocketDomain.UNIX,
            UNIX_DGRAM = SocketDomain.UNIX_DGRAM,
            TCP = SocketDomain.TCP,
            UDP = SocketDomain.UDP;

    /** Same as {@link Scenario#named(String)}. */
    public static ScenarioBuilder scenario(String name) {
        return Scenario.named(name);
    }

    // ---- faults ----
    /** A fault on a process (a name after replicas): {@code faultOn("producer-1").action(KILL).after(1000)}. */
    public static FaultSpecBuilder faultOn(String process) {
        return new FaultSpecBuilder().process(process);
    }

    /** A fault on a channel: {@code faultOnChannel("jobs").action(REMOVE).at(ms(500))}. */
    public static FaultSpecBuilder faultOnChannel(String channel) {
        return new FaultSpecBuilder().channel(channel);
    }

    // ---- channels and processes: shm(name), msgq, socket, pipe; writer(name), reader, pinger, echo,
    // incrementer are generated, one per ChannelType and Role constant, into ScenariosFactories ----
    /** A socket of the given domain. */
    public static ChannelSpecBuilder socket(String name, SocketDomain domain) {
        return socket(name).domain(domain);
    }

    // ---- sizes ----
    public static ByteSize bytes(long n) {
        return ByteSize.of(n);
    }

    public static ByteSize kib(long n) {
        return ByteSize.of(Math.multiplyExact(n, ByteSize.KIB));
    }

    public static ByteSize mib(long n) {
        return ByteSize.of(Math.multiplyExact(n, ByteSize.MIB));
    }

    // ---- durations ----
    public static Duration ns(long n) {
        return Duration.ofNanos(n);
    }

    public static Duration us(long n) {
        return Duration.ofNanos(Math.multiplyExact(n, 1_000L));
    }

    public static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    public static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    public static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    // ---- YAML and plans ----
    /** The scenario as YAML, in the same vocabulary. */
    public static String toYaml(Scenario s) {
        return ipclab.dsl.yaml.ScenarioWriter.toYaml(s);
    }

    /** Validates a scenario against this machine's kernel limits and plans it; the exception lists every problem. */
    public static ScenarioLoader.Loaded plan(Scenario s) throws ScenarioException {
        return ScenarioLoader.plan(s);
    }

    // ---- rates ----
    /** {@code perSecond(20_000)} is {@code 20k/s}. */
    public static Rate perSecond(long n) {
        return Rate.perSecond(n);
    }
}

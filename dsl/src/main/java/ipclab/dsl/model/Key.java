package ipclab.dsl.model;

import static ipclab.dsl.model.Applies.EVERYWHERE;
import static ipclab.dsl.model.Applies.on;
import static ipclab.dsl.model.Applies.to;
import static ipclab.dsl.model.ChannelType.MSGQ;
import static ipclab.dsl.model.ChannelType.SHM;
import static ipclab.dsl.model.ChannelType.SOCKET;
import static ipclab.dsl.model.Key.Scope.CHANNEL;
import static ipclab.dsl.model.Key.Scope.FAULT;
import static ipclab.dsl.model.Key.Scope.PROCESS;
import static ipclab.dsl.model.Key.Scope.SCENARIO;
import static ipclab.dsl.model.KeyFacts.Usage.OPTIONAL;
import static ipclab.dsl.model.KeyFacts.Usage.REQUIRED;
import static ipclab.dsl.model.KeyFacts.Usage.byDefault;
import static ipclab.dsl.model.Role.ECHO;
import static ipclab.dsl.model.Role.INCREMENTER;
import static ipclab.dsl.model.Role.PINGER;
import static ipclab.dsl.model.Role.READER;
import static ipclab.dsl.model.Role.WRITER;
import static ipclab.dsl.model.ValueType.choice;
import static ipclab.dsl.model.ValueType.integer;

import ipclab.dsl.model.ValueType.Plain;
import java.util.Arrays;
import java.util.List;

/**
 * Every YAML key of a scenario, described once: where it goes, what value it takes, its default,
 * where it applies (channel types, process roles), an example and what it means. The reader's
 * hints and key lists, the planner's "does not apply" checks, the JSON Schema and through it the
 * README's reference are made from this table.
 *
 * <p>A row keeps its facts on its first line and its description in a text block below, wrapped
 * as it reads best: the whitespace of a description (and of a default written as a text block) is
 * folded to single spaces, so the reference text is one line whatever the wrapping.
 *
 * <p>Adding a key: a row here (in the order it is written in YAML) and the record component of the
 * same name in {@link Scenario}, {@link ChannelSpec}, {@link ProcessSpec} or {@link FaultSpec}. The
 * builders get the key's setter from the component at build time (the {@code dsl-processor} module
 * writes {@code ScenarioSetters}, {@code ChannelSpecSetters}, {@code ProcessSpecSetters} and
 * {@code FaultSpecSetters}, with the adders of a list or a map of channels or processes); a new
 * top-level list or map is started in {@link ScenarioBuilder}'s constructor, and a map of anything
 * else (like {@code sweep}) needs its method there. {@code KeyTableTest} fails until they agree; {@code SchemaTest}
 * then says how to regenerate the schema file and the README's reference.
 */
public enum Key {
    // ---- top level ----
    NAME(SCENARIO, "name", Plain.TEXT, REQUIRED.example("hello"), EVERYWHERE, """
            The scenario's name: letters, digits and '-', at most 64 characters. Reports and traces are
            named after it.
            """),
    DESCRIPTION(SCENARIO, "description", Plain.TEXT, OPTIONAL, EVERYWHERE, """
            What the scenario shows and what to look at in its report, written for a student. Free text;
            shown by 'ipclab validate' and in reports.
            """),
    SEED(SCENARIO, "seed", integer(Long.MIN_VALUE, null), byDefault("1").example("42"), EVERYWHERE, """
            Seed from which payloads and any random schedule derive; the same seed gives the same bytes.
            """),
    TIMEOUT(SCENARIO, "timeout", Plain.DURATION, byDefault("60s").example("30s"), EVERYWHERE, """
            Limit for the whole run. A process still blocked when it expires is reported, not waited for.
            Every process's 'duration' must be shorter.
            """),
    CHANNELS(SCENARIO, "channels", Plain.CHANNELS, REQUIRED, EVERYWHERE, """
            The channels, by name. A name starts with a letter, then letters, digits, '-' or '_' (at most
            40), and differs from every process name.
            """),
    PROCESSES(SCENARIO, "processes", Plain.PROCESSES, REQUIRED, EVERYWHERE, """
            The processes, by name. A process with replicas: n becomes n processes named name-1 ... name-n.
            A name starts with a letter, then letters, digits, '-' or '_' (at most 40). At most 64 processes
            after replicas.
            """),
    SWEEP(SCENARIO, "sweep", Plain.SWEEP, OPTIONAL, EVERYWHERE, """
            Run the scenario once per combination of these values (the cartesian product; the first path
            varies slowest; at most 1000 runs). Keys are dotted paths: seed, timeout, channels.<name>.<key>
            or processes.<name>.<key>, e.g. processes.producer.size: [64, 1KiB, 4KiB] or
            channels.counter.sync: [none, semaphore]. A mechanism axis channels.<name>.type: [msgq, shm-sem,
            shm-spin, unix, tcp, pipe] sets the type with its keys (shm-spin: shm with sync spin; tcp:
            socket with domain tcp) and drops the keys the selected type does not take. Every combination
            must be a valid scenario, except that one beyond a limit of this machine (a message above
            msgmax) is skipped and reported, not refused.
            """),
    REPEAT(SCENARIO, "repeat", integer(1, 100L), byDefault("1").example("3"), EVERYWHERE, """
            Run each combination this many times (from 1 to 100; 'ipclab run --repeat N' overrides it). Each
            figure is then reported as its median with min and max, and marked noisy when max - min exceeds
            10% of the median; no comparative claim is decided by a noisy figure whose min and max disagree.
            """),
    EXPECT(SCENARIO, "expect", Plain.CLAIMS, OPTIONAL, EVERYWHERE, """
            Claims checked after the run, each 'left OP right' with OP one of == != < <= > >=, several
            joined by 'and'. Operands are numbers (1000, 0.5), numbers with a unit (50us, 2ms, 4KiB, 20k;
            durations become ns, sizes bytes), + - * / with parentheses, and figures named <process |
            replica | channel>.<figure>. Process figures: sent, received, bytes, exitCode, userCpuMs,
            sysCpuMs, voluntaryCtxSwitches, involuntaryCtxSwitches, minorFaults, majorFaults,
            spawnToReadyMs, syscalls, syscalls.<call> (e.g. syscalls.msgsnd), errors.<ERRNO> (calls that
            failed with it, e.g. errors.EIDRM after a removed queue, errors.EAGAIN retries under
            IPC_NOWAIT); a group's figure is the sum over its replicas. Channel figures: sent, received,
            lost, duplicated, corrupted, reordered, bytes, setupNs, throughput.msgsPerSec,
            throughput.mibPerSec, latency.p50, latency.p90, latency.p99, latency.p999, latency.max (ns),
            syscallsPerMessage, lostToFaults (of lost, those a fault accounts for); an shm channel used by
            incrementers also has final, expected, lostUpdates. Write subtraction with spaces (a.sent -
            b.sent): names may contain '-'. Example: consumer.received == producer.sent.
            """),
    COMPARE(SCENARIO, "compare", Plain.CLAIMS, OPTIONAL, EVERYWHERE, """
            Comparative claims weighed after the whole sweep, each getting a verdict from this machine's
            figures: confirmed, refuted (exit 3), holds only in a range, or inconclusive (noise). Systems
            are named by the sweep's values other than a message size (a mechanism axis
            channels.<name>.type: [msgq, shm-sem, shm-spin, unix, tcp, pipe] names them msgq, shm-sem, ...);
            sizes by a processes.<name>.size axis. Three forms, each optionally ending in a size range (from
            16KiB up, up to 4KiB, from 1KiB to 64KiB, at 64B): 'A beats B in FIGURE', 'A.FIGURE OP NUMBER'
            (== allows 1%; units ns us ms s, KiB/s MiB/s GiB/s), 'A setup pays for itself after N messages
            [against B]'. Figures: throughput (MiB/s), latency (median; a pinger's round trip),
            syscallsPerMessage, setup, perMessage (wall time per message), lostUpdates (incrementers),
            retriesPerMessage (EAGAIN and ENOMSG), lost (messages), leaks (kernel objects left after the
            run). Text after ' #' is a note, shown with the claim. A YAML file may hold several scenarios
            separated by '---' lines, the parts of one comparison: their claims are weighed together after
            the last part. Example: shm-sem beats msgq in throughput from 16KiB up.
            """),
    FAULTS(SCENARIO, "faults", Plain.FAULTS, OPTIONAL, EVERYWHERE, """
            Faults injected on purpose, each a mapping: a target ('process': a process after replicas, e.g.
            producer-1, or 'channel'), an 'action' and when: 'after' (messages the process sent or received)
            or 'at' (time after the start barrier). The report names what was injected, when, and what each
            process saw (errors by errno, messages lost because of the fault counted apart); a process
            killed on purpose is not a failure, and the claims decide the exit code, e.g.
            consumer.errors.EIDRM >= 1. At most 64 faults.
            """),

    // ---- a channel ----
    TYPE(CHANNEL, "type", choice(ChannelType.class), REQUIRED, EVERYWHERE, """
            What carries the bytes. shm: a System V shared-memory segment holding a ring of slots (shmget,
            shmat; nothing per message but the synchronisation). msgq: a System V message queue (msgget; one
            msgsnd and one msgrcv per message; many-to-many; ipclab adds a set of 2 semaphores, so
            /proc/sys/kernel/sem's first field, semmsl, must be at least 2). socket: a socket on this
            machine (see domain). pipe: a named FIFO (mkfifo; write and read): exactly one writer and one
            reader (the reader sees end-of-file when the writer closes), or one pinger and one echo (a
            second FIFO carries the replies).
            """),
    SEGMENT_SIZE(CHANNEL, "size", Plain.SIZE, byDefault("64KiB").example("4KiB"), on(SHM), """
            the segment size (when not given: 64KiB, or just enough for 'slots' slots of the largest message
            when that is more), at most /proc/sys/kernel/shmmax and at most 2147483647 bytes (2GiB - 1, the
            largest message; the engine is not tried with larger segments). The first 4096 bytes are
            the control block; the rest is split into 'slots' slots of (size - 4096) / slots bytes rounded
            down to a multiple of 64, each with a 64-byte header, so a message fits when its size + 64 <=
            the slot size.
            """),
    SLOTS(CHANNEL, "slots", integer(1, 65536L), byDefault("16").example("16"), on(SHM), """
            the number of ring slots, a power of two from 1 to 65536. A pinger and an echo use two lanes
            (there and back) of slots / 2 slots each, so they need at least 2.
            """),
    SYNC(CHANNEL, "sync", choice(Sync.class), byDefault("semaphore"), on(SHM), """
            how the processes sharing the segment coordinate. none: not at all, so races happen and are
            counted (lost updates, corrupted or lost messages). semaphore: System V semaphores (semop, a
            system call per wait and post), one set per channel: 3 + one per reader (broadcast or shared), 8
            for a pinger and an echo, 1 for incrementers; it may not have more than semmsl, the first field
            of /proc/sys/kernel/sem. spin: sequence numbers with acquire/release ordering and busy waiting
            (no system call per message). atomic: atomic read-modify-write on the counter (incrementers
            only).
            """),
    FANOUT(CHANNEL, "fanout", choice(Fanout.class), byDefault("shared"), on(SHM), """
            with several readers (at most 128 readers on one ring). shared: each message is read by one
            reader. broadcast: every reader sees every message.
            """),
    REMOVE(CHANNEL, "remove", choice(Removal.class), byDefault("after-attach"), on(SHM), """
            when ipclab marks the segment for removal (shmctl IPC_RMID). after-attach: as soon as every
            process has attached, so the kernel frees it at the last detach even if everything crashes (its
            key turns to 0 in 'ipcs'). at-end: once every process has exited, so 'ipcs' lists it with its
            key for the whole run, and with run --keep it stays, attached by nobody (nattch 0). never: not
            at all, as a C program that forgets shmctl(IPC_RMID): the segment (and its semaphore set)
            outlive the run (the report says so) until 'ipclab clean' removes them.
            """),
    MODE(CHANNEL, "mode", choice(QueueMode.class), byDefault("blocking"), on(MSGQ), """
            blocking calls, or IPC_NOWAIT with retries, counting EAGAIN (queue full) and ENOMSG (queue
            empty).
            """),
    CAPACITY(CHANNEL, "capacity", Plain.SIZE, byDefault("""
            the kernel's /proc/sys/kernel/msgmnb
            """).example("16KiB"), on(MSGQ), """
            the queue's msg_qbytes, the bytes it holds before a send blocks or fails with EAGAIN. More than
            msgmnb needs privileges, so is refused; it must hold at least the largest message.
            """),
    DOMAIN(CHANNEL, "domain", choice(SocketDomain.class), byDefault("unix"), on(SOCKET), """
            unix (AF_UNIX stream: one writer, one reader), unix-dgram (AF_UNIX datagrams: several writers,
            one reader; a datagram is at most 64KiB and at most /proc/sys/net/core/wmem_default - 32 bytes,
            the default send buffer less the kernel's overhead: raise it with sudo sysctl -w
            net.core.wmem_default=<bytes>), tcp (loopback stream: one writer, one reader), udp (loopback
            datagrams of at most 65507 bytes: several writers, one reader).
            """),
    VERIFY(CHANNEL, "verify", choice(Verify.class), byDefault("full").example("ends"), EVERYWHERE, """
            how much of every message its receivers (readers, echoes, and a pinger for the replies) check.
            full: every byte of the payload is compared with what its writer wrote (payloads are made from
            the scenario's seed, the writer and the size, so a receiver knows them in advance; past 64 MiB
            of its writers' payloads, by their CRC32C), and the header with a CRC32C of the payload, so
            any damaged byte, torn message or message from an
            unknown writer or of a wrong length is counted as corrupted. ends: the
            header (length, writer, sequence, and a 64-bit mix of them with the timestamp) and the sequence
            repeated in the message's last 8 bytes: the per-message work of the native baseline
            bench/native/ipcbase.c, for comparisons that measure the mechanism rather than ipclab's
            checking. none: the length only. Loss, duplicates and reordering are counted in every mode.
            """),
    SAMPLE(
            CHANNEL,
            "sample",
            integer(1, 1L << 20),
            byDefault("1 (every message)").example("64"),
            EVERYWHERE,
            """
            the one-way latency of every n-th message of each writer is recorded: the writer reads the clock
            and stamps its send time into those messages only, and a reader reads the clock for those (and
            for the first and last it receives) only, so that a stream's measurement costs less per message,
            as bench/native/ipcbase.c does with 64. Round trips (pinger and echo) are always timed one by one.
            """),

    // ---- a process ----
    ROLE(PROCESS, "role", choice(Role.class), REQUIRED, EVERYWHERE, """
            What the process does. writer: sends 'messages' messages of 'size' bytes. reader: receives
            everything its channel's writers send (shared among several readers, or every message to each
            with fanout: broadcast). pinger: sends a message, waits for it to come back and times the round
            trip, 'warmup' times unmeasured, then 'messages' times. echo: returns every message to its
            pinger. incrementer: adds 1 to a counter in shared memory 'messages' times (shm only; see the
            channel's sync). A channel carries writers and readers, or exactly one pinger and one echo, or
            incrementers only.
            """),
    CHANNEL_NAME(PROCESS, "channel", Plain.CHANNEL_REF, REQUIRED, EVERYWHERE, """
            The name of the channel this process uses (a key under 'channels').
            """),
    REPLICAS(PROCESS, "replicas", integer(1, null), byDefault("1").example("2"), EVERYWHERE, """
            How many identical processes to start, named name-1 ... name-n. Stream sockets and pipes take
            one writer and one reader; datagram sockets several writers and one reader; message queues any
            number of each; shm several writers and up to 128 readers. Round trips take exactly one pinger
            and one echo.
            """),
    MESSAGES(
            PROCESS,
            "messages",
            integer(1, null),
            byDefault("""
            1000; unbounded when only a duration is given
            """).example("1000"),
            to(WRITER, PINGER, INCREMENTER),
            """
            messages to send, or for an incrementer the increments, at most 100000000 (give a duration for
            longer runs). Readers and echoes take what is sent to them.
            """),
    DURATION(PROCESS, "duration", Plain.DURATION, OPTIONAL.example("5s"), to(WRITER, PINGER, INCREMENTER), """
            stop after this long; with 'messages', whichever comes first. Must be shorter than the
            scenario's timeout.
            """),
    MESSAGE_SIZE(PROCESS, "size", Plain.SIZE, byDefault("64B").example("4KiB"), to(WRITER, PINGER), """
            message size including ipclab's 32-byte header (sequence, writer id, checksum, timestamp), so at
            least 32B, and at most 2147483647 bytes (2GiB - 1). msgq: at most /proc/sys/kernel/msgmax; shm:
            must fit a slot; udp: at most 65507; unix-dgram: at most 64KiB and at most
            /proc/sys/net/core/wmem_default - 32.
            """),
    RATE(PROCESS, "rate", Plain.RATE, byDefault("flat out").example("20k/s"), EVERYWHERE, """
            messages per second (500/s, 20k/s, 1M/s). A reader or an echo paced below its writers' rate is a
            slow consumer: the channel fills up (msgq: senders block, or see EAGAIN with mode: nowait).
            """),
    DELAY(PROCESS, "delay", Plain.DURATION, OPTIONAL.example("1ms"), to(READER, ECHO), """
            how long a reader or an echo holds each message before it takes the next (a slow consumer), at
            most 10s. With a rate as well, the slower of the two sets the pace.
            """),
    MTYPE(
            PROCESS,
            "mtype",
            integer(Long.MIN_VALUE, null),
            byDefault("""
            writer and pinger 1, reader 0 (any type)
            """).example("1"),
            on(MSGQ, WRITER, READER, PINGER),
            """
            the message type a writer or pinger sends, from 1 to 4294967295 (2^32 - 1; the types above carry
            the replies to pingers), or a reader selects with msgrcv: 0 takes any message, n > 0 only type
            n, -n the lowest type <= n first, with n at most 4294967295. An echo answers its pinger's type.
            """),
    WARMUP(PROCESS, "warmup", integer(0, null), byDefault("""
            max(100, messages / 10), for a writer as a minimum: it goes on until its JIT compiler is quiet
            (at most 1 s or 10 x messages; the report's events say how it ended); 0 for a writer bounded
            only by a duration
            """).example("100"), to(WRITER, PINGER), """
            unmeasured messages (for a pinger, round trips) before the measured ones: checked on arrival,
            but not counted in sent, received, bytes, latency, throughput or syscalls per message, so that
            JIT compilation and page faults stay out of the figures.
            """),
    CPU(PROCESS, "cpu", integer(0, CpuList.LIMIT - 1L), byDefault("""
            any CPU (the scheduler's choice)
            """).example("1"), EVERYWHERE, """
            the one CPU this process runs on (sched_setaffinity, applied before it reports ready; with
            replicas, each replica). Must be online (/sys/devices/system/cpu/online). Comparisons with a
            native program pinned to CPUs should pin alike: two processes on one CPU wake each other far
            faster than across CPUs. Give cpu or cpus, not both.
            """),
    CPUS(
            PROCESS,
            "cpus",
            Plain.CPUS,
            byDefault("any CPU (the scheduler's choice)").example("[0, 1]"),
            EVERYWHERE,
            """
            the CPUs this process may run on, a list such as [0, 1] or a range such as 0-3
            (sched_setaffinity, applied before it reports ready). Every one must be online
            (/sys/devices/system/cpu/online). Give cpu or cpus, not both.
            """),

    // ---- a fault (an item under faults:) ----
    FAULT_PROCESS(FAULT, "process", Plain.PROCESS_REF, OPTIONAL.example("producer-1"), EVERYWHERE, """
            The process the fault acts on, by its name after replicas (producer-1 ... producer-n for
            replicas: n). A fault names a process or a channel, not both.
            """),
    FAULT_CHANNEL(FAULT, "channel", Plain.CHANNEL_REF, OPTIONAL, EVERYWHERE, """
            The channel the fault acts on (remove, fill).
            """),
    ACTION(FAULT, "action", choice(FaultAction.class), REQUIRED, EVERYWHERE, """
            What happens. On a process: kill (SIGKILL: no clean-up, no report; a semaphore it held without
            SEM_UNDO stays held), stop (SIGSTOP: frozen, holding whatever it held), cont (SIGCONT: resumes a
            stopped process), delay (each of its operations held for 'for'). On a channel: remove (IPC_RMID
            of the msgq, or of an shm channel's semaphore set, while in use, at the first moment from 'at'
            on when its readers wait in the kernel, at most 5 s later: they see EIDRM, a call made after
            it EINVAL) and fill (the msgq filled to its capacity with foreign messages, so writers block or
            see EAGAIN; readers count them as corrupted, caused by the fault).
            """),
    AFTER(FAULT, "after", integer(1, null), OPTIONAL.example("1000"), EVERYWHERE, """
            when: after the process has sent or received this many measured messages (its own count).
            Process faults only; not with 'at'.
            """),
    AT(FAULT, "at", Plain.DURATION, OPTIONAL.example("500ms"), EVERYWHERE, """
            when: this long after the start barrier opened (shorter than the scenario's timeout). Not with
            'after'; a channel fault needs it.
            """),
    FOR(FAULT, "for", Plain.DURATION, OPTIONAL.example("50ms"), EVERYWHERE, """
            delay only: how long each operation of the process is held (at most 10s); the delay starts at
            'after' or 'at', or from the start when neither is given.
            """);

    /** Where a key is written: at the top, in a channel, in a process, in a fault. */
    public enum Scope {
        SCENARIO(Scenario.class),
        CHANNEL(ChannelSpec.class),
        PROCESS(ProcessSpec.class),
        FAULT(FaultSpec.class);

        private final Class<? extends Record> record;

        Scope(Class<? extends Record> record) {
            this.record = record;
        }

        /** The YAML names of this scope's keys, in the order they are written. */
        public List<String> keys() {
            return Key.of(this).stream().map(Key::yaml).toList();
        }

        /** The scope whose keys are the components of {@code record}. */
        static Scope of(Class<? extends Record> record) {
            for (Scope s : values()) if (s.record == record) return s;
            throw new IllegalArgumentException(record.getSimpleName() + " holds no keys");
        }
    }

    private final KeyFacts facts;

    Key(Scope scope, String yaml, ValueType type, KeyFacts.Usage usage, Applies applies, String description) {
        this.facts = new KeyFacts(
                scope,
                yaml,
                type,
                usage.required(),
                fold(usage.defaultText()),
                usage.example(),
                applies,
                fold(description));
    }

    /** The text as one line: a text block's line breaks and indentation become single spaces. */
    private static String fold(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    /** What this key's row says (its default, example, where it applies, its description), and what follows from it. */
    public KeyFacts facts() {
        return facts;
    }

    public Scope scope() {
        return facts.scope();
    }

    /**
     * The key as YAML writes it (and the record component and builder method of the same name, but
     * see {@link #component()}).
     */
    public String yaml() {
        return facts.yaml();
    }

    /**
     * The record component (and builder method) of the key: its YAML name, but {@code holdFor} for
     * {@code for}, a Java keyword.
     */
    public String component() {
        return facts.component();
    }

    public ValueType type() {
        return facts.type();
    }

    /** The keys of a scope, in the order they are written. */
    public static List<Key> of(Scope scope) {
        return Arrays.stream(values()).filter(k -> k.scope() == scope).toList();
    }

    /** The key of this name in the scope, or {@code null}. */
    public static Key find(Scope scope, String yaml) {
        for (Key k : values()) if (k.scope() == scope && k.yaml().equals(yaml)) return k;
        return null;
    }

    /** The hint of the first key of this name in any scope ("size" is written alike in both). */
    public static String hint(String yaml) {
        for (Key k : values()) if (k.yaml().equals(yaml)) return k.facts.hint();
        return "give a value or remove the key";
    }

    /** The example of the first key of this name in any scope ("size" is written alike in both). */
    static String exampleOf(String yaml) {
        for (Key k : values()) if (k.yaml().equals(yaml) && k.facts.example() != null) return k.facts.example();
        return null;
    }
}

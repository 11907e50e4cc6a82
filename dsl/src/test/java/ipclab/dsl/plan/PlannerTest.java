package ipclab.dsl.plan;

import static ipclab.dsl.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.Limits;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    static Plan only(Scenario s) throws ScenarioException {
        List<Plan> plans = ScenarioLoader.plan(s, Limits.DEFAULT).plans();
        assertEquals(1, plans.size());
        return plans.getFirst();
    }

    static String refused(Scenario s) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.plan(s, Limits.DEFAULT))
                .getMessage();
    }

    @Test
    void defaultsAreFilledIn() throws ScenarioException {
        Plan p = only(scenario("d")
                .channel(shm("ring"))
                .channel(msgq("q"))
                .channel(socket("s"))
                .channel(pipe("f"))
                .processes(
                        writer("w1").channel("ring"),
                        reader("r1").channel("ring"),
                        writer("w2").channel("q"),
                        reader("r2").channel("q"),
                        pinger("pi").channel("s"),
                        echo("ec").channel("s"),
                        writer("w4").channel("f").duration(seconds(2)),
                        reader("r4").channel("f"))
                .build());
        assertEquals(1, p.seed());
        assertEquals(Duration.ofSeconds(60), p.timeout());
        PlannedChannel ring = p.channel("ring");
        assertEquals(
                new PlannedChannel(
                        "ring",
                        ChannelType.SHM,
                        65536,
                        16,
                        3840,
                        Sync.SEMAPHORE,
                        Fanout.SHARED,
                        QueueMode.BLOCKING,
                        0,
                        SocketDomain.UNIX,
                        64,
                        Removal.AFTER_ATTACH,
                        Verify.FULL,
                        1),
                ring);
        PlannedChannel q = p.channel("q");
        assertEquals(QueueMode.BLOCKING, q.mode());
        assertEquals(16384, q.capacity(), "capacity defaults to msgmnb");
        assertEquals(SocketDomain.UNIX, p.channel("s").domain());

        PlannedProcess w1 = p.processes().get(0);
        assertEquals(
                new PlannedProcess("w1", "w1", 1, 0, Role.WRITER, "ring", 1000, 0, 64, 0, 0, -100, 0, List.of()), w1);
        assertEquals(100, w1.warmupMinimum(), "warmup at least max(100, 1000 / 10)");
        assertTrue(w1.warmupUntilCompiled(), "then until the JIT compiler is quiet");
        assertEquals(
                new PlannedProcess("r2", "r2", 1, 3, Role.READER, "q", 1000, 0, 64, 0, 0, 0, 0, List.of()),
                p.processes().get(3));
        assertEquals(1, p.processes().get(2).mtype(), "a writer on a queue sends type 1");
        PlannedProcess pinger = p.processes().get(4);
        assertEquals(100, pinger.warmup(), "warmup = max(100, 1000 / 10)");
        assertEquals(1100, p.processes().get(5).messages(), "the echo answers warmup + messages");
        PlannedProcess w4 = p.processes().get(6);
        assertEquals(Long.MAX_VALUE, w4.messages(), "only a duration bounds it");
        assertEquals(2_000_000_000L, w4.durationNanos());
        assertEquals(0, w4.warmup(), "a writer bounded only by a duration has no warm-up");
        assertEquals(Long.MAX_VALUE, p.processes().get(7).messages());
        assertEquals(2_000_000_000L, p.processes().get(7).durationNanos(), "a reader lives as long as its writers");
        for (int i = 0; i < p.processes().size(); i++)
            assertEquals(i, p.processes().get(i).index());
    }

    @Test
    void replicasExpandInOrderAndReadersExpectEverything() throws ScenarioException {
        Plan p = only(scenario("r")
                .channel(msgq("q"))
                .process(writer("producer")
                        .channel("q")
                        .replicas(3)
                        .messages(500)
                        .size(kib(1)))
                .process(reader("consumer").channel("q").replicas(2))
                .build());
        assertEquals(
                List.of("producer-1", "producer-2", "producer-3", "consumer-1", "consumer-2"),
                p.processes().stream().map(PlannedProcess::name).toList());
        assertEquals(
                List.of(1, 2, 3, 1, 2),
                p.processes().stream().map(PlannedProcess::replica).toList());
        assertEquals(1500, p.processes().get(3).messages());
        assertEquals(1024, p.processes().get(4).size());
        assertEquals(1024, p.channel("q").maxMessage());
        assertEquals(
                2,
                p.processesOn("q").stream().filter(x -> x.role() == Role.READER).count());
    }

    @Test
    void ringGeometry() throws ScenarioException {
        // (1MiB - 4096) / 64 slots = 16320, a multiple of 64
        Plan p = only(scenario("g")
                .channel(shm("ring").size(mib(1)).slots(64))
                .process(writer("w").channel("ring").size(16320 - 64))
                .process(reader("r").channel("ring"))
                .build());
        assertEquals(16320, p.channel("ring").slotBytes());
        assertEquals(
                "scenario g: processes.w.size: a message of 16257B does not fit a slot of channel ring: each of its 64 slots has "
                        + "(1MiB - 4096 control bytes) / 64 = 16320 bytes, less a 64-byte header leaves 16256; raise channels.ring.size to at least 1028KiB, "
                        + "use fewer slots, or send smaller messages",
                refused(scenario("g")
                        .channel(shm("ring").size(mib(1)).slots(64))
                        .process(writer("w").channel("ring").size(16320 - 63))
                        .process(reader("r").channel("ring"))
                        .build()));
        // rounding down to 64: (10000 - 4096) / 4 = 1476 -> 1472
        assertEquals(
                1472,
                only(scenario("g")
                                .channel(shm("ring").size(10000).slots(4))
                                .process(writer("w").channel("ring"))
                                .process(reader("r").channel("ring"))
                                .build())
                        .channel("ring")
                        .slotBytes());
    }

    @Test
    void exactTextsForSemanticErrors() {
        assertEquals(
                "scenario t: channels.ring.slots: slots=3 must be a power of two between 1 and 65536, e.g. 16",
                refused(scenario("t")
                        .channel(shm("ring").slots(3))
                        .process(writer("w").channel("ring"))
                        .process(reader("r").channel("ring"))
                        .build()));
        assertEquals(
                "scenario t: processes.w.mtype: mtype applies to msgq channels only; ring is shm",
                refused(scenario("t")
                        .channel(shm("ring"))
                        .process(writer("w").channel("ring").mtype(2))
                        .process(reader("r").channel("ring"))
                        .build()));
        assertEquals(
                "scenario t: processes.w.mtype: mtype=0: a writer sends messages of type mtype, which must be from 1 to 4294967295 (2^32 - 1; the types from 2^32 up carry the replies to pingers)",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w").channel("q").mtype(0))
                        .process(reader("r").channel("q"))
                        .build()));
        assertEquals(
                "scenario t: processes.r.mtype: mtype=3 selects messages of type 3, but the writers on q send types [1, 2]; this reader would wait forever",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w").channel("q"))
                        .process(writer("v").channel("q").mtype(2))
                        .process(reader("r").channel("q").mtype(3))
                        .build()));
        assertEquals(
                "scenario t: channels.link: round trips need exactly one pinger and one echo on a channel; link has 1 pinger and 0 echoes (after replicas: 1 pinger)",
                refused(scenario("t")
                        .channel(msgq("link"))
                        .process(pinger("p").channel("link"))
                        .build()));
        assertEquals(
                "scenario t: channels.ring.sync: sync=atomic applies to incrementers only; a ring of messages uses none | semaphore | spin",
                refused(scenario("t")
                        .channel(shm("ring").sync(ATOMIC))
                        .process(writer("w").channel("ring"))
                        .process(reader("r").channel("ring"))
                        .build()));
        assertEquals(
                "scenario t: processes.w.duration: duration=2m is not shorter than the scenario's timeout=1m; shorten it or raise 'timeout'",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w").channel("q").duration(minutes(2)))
                        .process(reader("r").channel("q"))
                        .build()));
        assertEquals(
                "scenario t: processes.w.size: size=16B is too small; a message carries a 32-byte header (sequence, writer, checksum, timestamp), so size must be at least 32B",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w").channel("q").size(16))
                        .process(reader("r").channel("q"))
                        .build()));
        assertEquals(
                "scenario t: processes.q: 'q' names both a channel and a process; claims in expect: could not tell them apart, so rename one",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("q").channel("q"))
                        .process(reader("r").channel("q"))
                        .build()));
        assertEquals(
                "scenario t: processes.w: replica name 'w-1' of w clashes with process w-1; rename one",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w-1").channel("q"))
                        .process(writer("w").channel("q").replicas(2))
                        .process(reader("r").channel("q"))
                        .build()));
        assertEquals(
                "scenario t: channels.d: a socket has one receiving end, and d has 2 readers (r-1, r-2); use one reader, or a msgq for many",
                refused(scenario("t")
                        .channel(socket("d", UDP))
                        .process(writer("w").channel("d").replicas(3))
                        .process(reader("r").channel("d").replicas(2))
                        .build()));
        assertEquals(
                "scenario t: processes.w.size: size=64KiB is larger than the largest UDP datagram (65507 bytes); send smaller messages or use domain tcp or unix",
                refused(scenario("t")
                        .channel(socket("d", UDP))
                        .process(writer("w").channel("d").size(kib(64)))
                        .process(reader("r").channel("d"))
                        .build()));
        assertEquals(
                "scenario t: processes.w.size: size=64KiB is larger than shmmax, the largest segment the kernel allows: 33554432 bytes (/proc/sys/kernel/shmmax); raise it with 'sudo sysctl -w kernel.shmmax=67108864' or use a smaller size"
                        .replace("processes.w.size: size=64KiB", "channels.ring.size: size=64MiB"),
                refused(scenario("t")
                        .channel(shm("ring").size(mib(64)))
                        .process(writer("w").channel("ring"))
                        .process(reader("r").channel("ring"))
                        .build()));
    }

    @Test
    void datagramsTakeManyWritersAndMsgqManyToMany() throws ScenarioException {
        only(scenario("t")
                .channel(socket("d", UNIX_DGRAM))
                .process(writer("w").channel("d").replicas(3))
                .process(reader("r").channel("d"))
                .build());
        only(scenario("t")
                .channel(msgq("q"))
                .process(writer("w").channel("q").replicas(3))
                .process(reader("r").channel("q").replicas(3))
                .build());
        only(scenario("t")
                .channel(shm("ring").fanout(BROADCAST))
                .process(writer("w").channel("ring").replicas(2))
                .process(reader("r").channel("ring").replicas(2))
                .build());
        only(scenario("t")
                .channel(pipe("f"))
                .process(writer("w").channel("f").size(kib(64)))
                .process(reader("r").channel("f"))
                .build());
        only(scenario("t")
                .channel(shm("c").sync(NONE))
                .process(incrementer("i").channel("c").replicas(2).messages(10))
                .build());
    }

    static String refused(Scenario s, KernelLimits limits) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.plan(s, limits))
                .getMessage();
    }

    @Test
    void topologiesTheEngineCannotRunAreRefused() throws ScenarioException {
        assertEquals(
                "scenario t: channels.f: a pipe connects one writer to one reader (the reader sees end-of-file when its writer closes), and f has 2 writers (w-1, w-2);"
                        + " use one writer, or a msgq or a socket with domain unix-dgram for many",
                refused(scenario("t")
                        .channel(pipe("f"))
                        .process(writer("w").channel("f").replicas(2))
                        .process(reader("r").channel("f"))
                        .build()));
        assertEquals(
                "scenario t: channels.f: round trips need exactly one pinger and one echo on a channel; f has 1 pinger and 2 echoes (after replicas: 1 pinger, 2 echoes)",
                refused(scenario("t")
                        .channel(pipe("f"))
                        .process(pinger("p").channel("f"))
                        .process(echo("e").channel("f").replicas(2))
                        .build()));
        assertEquals(
                "scenario t: channels.ring.slots: slots=1 is too few for round trips: a pinger and an echo use two lanes (there and back) of slots / 2 slots each; use at least 2, e.g. 16",
                refused(scenario("t")
                        .channel(shm("ring").slots(1))
                        .process(pinger("p").channel("ring"))
                        .process(echo("e").channel("ring"))
                        .build()));
        assertEquals(
                2,
                only(scenario("t")
                                .channel(shm("ring").slots(2))
                                .process(pinger("p").channel("ring"))
                                .process(echo("e").channel("ring"))
                                .build())
                        .channel("ring")
                        .slots());
        assertEquals(
                "scenario t: processes.w.mtype: mtype=4294967296: a writer sends messages of type mtype, which must be from 1 to 4294967295 (2^32 - 1; the types from 2^32 up carry the replies to pingers)",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w").channel("q").mtype(1L << 32))
                        .process(reader("r").channel("q"))
                        .build()));
        assertEquals(
                "scenario t: processes.p.mtype: mtype=4294967296: a pinger sends messages of type mtype, which must be from 1 to 4294967295 (2^32 - 1; the types from 2^32 up carry the replies to pingers)",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(pinger("p").channel("q").mtype(1L << 32))
                        .process(echo("e").channel("q"))
                        .build()));
        assertEquals(
                Planner.MAX_MTYPE,
                only(scenario("t")
                                .channel(msgq("q"))
                                .process(writer("w").channel("q").mtype(Planner.MAX_MTYPE))
                                .process(reader("r").channel("q"))
                                .build())
                        .processes()
                        .getFirst()
                        .mtype());
        assertEquals(
                "scenario t: processes.r.mtype: mtype=-4294967296: writers send types from 1 to 4294967295 (2^32 - 1), so a reader selects 0 (any type), n or -n with n at most 4294967295",
                refused(scenario("t")
                        .channel(msgq("q"))
                        .process(writer("w").channel("q"))
                        .process(reader("r").channel("q").mtype(-(1L << 32)))
                        .build()));
        KernelLimits noShmmax = new KernelLimits(8192, 16384, KernelLimits.UNKNOWN, 32000, 212992);
        assertEquals(
                "scenario t: channels.ring.size: size=2GiB is too large; an shm segment may have at most 2147483647 bytes (2GiB - 1, the largest"
                        + " message: a larger segment would hold no larger message, and the engine is not tried with one); use at most 1GiB",
                refused(
                        scenario("t")
                                .channel(shm("ring").size(mib(2048)))
                                .process(writer("w").channel("ring"))
                                .process(reader("r").channel("ring"))
                                .build(),
                        noShmmax));
        ScenarioLoader.plan(
                scenario("t")
                        .channel(shm("ring").size(bytes(Integer.MAX_VALUE)))
                        .process(writer("w").channel("ring"))
                        .process(reader("r").channel("ring"))
                        .build(),
                noShmmax);
        assertEquals(
                "scenario t: processes.w.size: size=2GiB is too large; a message may have at most 2147483647 bytes (2GiB - 1: the engine checksums it through a ByteBuffer, whose size is an int)",
                refused(scenario("t")
                        .channel(pipe("f"))
                        .process(writer("w").channel("f").size(mib(2048)))
                        .process(reader("r").channel("f"))
                        .build()));
    }

    @Test
    void anShmRingHasAtMost128Readers() {
        String m = refused(scenario("t")
                .channel(shm("ring").fanout(BROADCAST))
                .process(writer("w").channel("ring"))
                .process(reader("r").channel("ring").replicas(Planner.MAX_RING_READERS + 1))
                .build());
        assertTrue(
                m.contains(
                        "channels.ring: channel ring has 129 readers; an shm ring has room for at most 128 (one cursor each in its control block);"
                                + " use fewer readers or several channels"),
                m);
    }

    @Test
    void semaphoreSetsLargerThanSemmslAreRefused() throws ScenarioException {
        KernelLimits semmsl5 = new KernelLimits(8192, 16384, 32L << 20, 5, 212992);
        // 1 lane: 2 mutexes + empty + one full per reader = 3 + 3
        assertEquals(
                "scenario t: channels.ring: sync=semaphore on ring needs a set of 6 semaphores (2 mutexes, 'empty' and one 'full' per reader, 3 readers),"
                        + " more than semmsl, the most the kernel allows in one set: 5 (first field of /proc/sys/kernel/sem);"
                        + " raise it with 'sudo sysctl -w kernel.sem=\"6 <the other three fields unchanged>\"', use fewer readers, or sync: spin",
                refused(
                        scenario("t")
                                .channel(shm("ring").fanout(BROADCAST))
                                .process(writer("w").channel("ring"))
                                .process(reader("r").channel("ring").replicas(3))
                                .build(),
                        semmsl5));
        // pinger/echo: 2 lanes of 3 + 1
        assertEquals(
                "scenario t: channels.ring.sync: sync=semaphore on ring needs a set of 8 semaphores (2 lanes of 2 mutexes, 'empty' and one 'full' per reader),"
                        + " more than semmsl, the most the kernel allows in one set: 5 (first field of /proc/sys/kernel/sem);"
                        + " raise it with 'sudo sysctl -w kernel.sem=\"8 <the other three fields unchanged>\"', use fewer readers, or sync: spin",
                refused(
                        scenario("t")
                                .channel(shm("ring").sync(SEMAPHORE))
                                .process(pinger("p").channel("ring"))
                                .process(echo("e").channel("ring"))
                                .build(),
                        semmsl5));
        // 2 readers: 5 semaphores fit; spin needs none
        ScenarioLoader.plan(
                scenario("t")
                        .channel(shm("ring"))
                        .process(writer("w").channel("ring"))
                        .process(reader("r").channel("ring").replicas(2))
                        .build(),
                semmsl5);
        ScenarioLoader.plan(
                scenario("t")
                        .channel(shm("ring").sync(SPIN))
                        .process(writer("w").channel("ring"))
                        .process(reader("r").channel("ring").replicas(8))
                        .build(),
                semmsl5);
        KernelLimits semmsl1 = new KernelLimits(8192, 16384, 32L << 20, 1, 212992);
        assertEquals(
                "scenario t: channels.q: a msgq channel needs a set of 2 semaphores (senders still running, end token), more than semmsl, the most the kernel"
                        + " allows in one set: 1 (first field of /proc/sys/kernel/sem); raise it with 'sudo sysctl -w kernel.sem=\"2 <the other three fields unchanged>\"'",
                refused(
                        scenario("t")
                                .channel(msgq("q"))
                                .process(writer("w").channel("q"))
                                .process(reader("r").channel("q"))
                                .build(),
                        semmsl1));
        ScenarioLoader.plan(
                scenario("t")
                        .channel(shm("c"))
                        .process(incrementer("i").channel("c").replicas(2))
                        .build(),
                semmsl1);
    }

    @Test
    void unixDatagramsAreBoundedBySendBufferAnd64KiB() throws ScenarioException {
        Scenario at64k = scenario("t")
                .channel(socket("d", UNIX_DGRAM))
                .process(writer("w").channel("d").size(kib(64)))
                .process(reader("r").channel("d"))
                .build();
        assertEquals(65536, only(at64k).channel("d").maxMessage());
        assertEquals(
                "scenario t: processes.w.size: size=65537B is larger than the largest unix datagram ipclab sends: 64KiB (a larger one needs a physically contiguous"
                        + " kernel buffer and may fail with ENOBUFS); send at most 64KiB, or use domain unix (a stream), which has no such limit",
                refused(scenario("t")
                        .channel(socket("d", UNIX_DGRAM))
                        .process(writer("w").channel("d").size(bytes(65537)))
                        .process(reader("r").channel("d"))
                        .build()));
        KernelLimits smallWmem = new KernelLimits(8192, 16384, 32L << 20, 32000, 16384);
        assertEquals(
                "scenario t: processes.w.size: size=32KiB is larger than an AF_UNIX datagram can be with the default send buffer: 16384 bytes"
                        + " (/proc/sys/net/core/wmem_default) less 32 = 16352 bytes; raise it with 'sudo sysctl -w net.core.wmem_default=32800',"
                        + " send smaller messages, or use domain unix (a stream)",
                refused(
                        scenario("t")
                                .channel(socket("d", UNIX_DGRAM))
                                .process(writer("w").channel("d").size(kib(32)))
                                .process(reader("r").channel("d"))
                                .build(),
                        smallWmem));
        ScenarioLoader.plan(
                scenario("t")
                        .channel(socket("d", UNIX_DGRAM))
                        .process(writer("w").channel("d").size(bytes(16352)))
                        .process(reader("r").channel("d"))
                        .build(),
                smallWmem);
        // unknown wmem_default: only the 64KiB bound; the stream domain has none
        ScenarioLoader.plan(at64k, KernelLimits.unknown());
        only(scenario("t")
                .channel(socket("s", UNIX))
                .process(writer("w").channel("s").size(mib(1)))
                .process(reader("r").channel("s"))
                .build());
    }

    @Test
    void sweepMakesOnePlanPerCombinationWithParams() throws ScenarioException {
        Scenario s = scenario("sw")
                .channel(shm("ring").size(kib(256)))
                .process(writer("w").channel("ring"))
                .process(reader("r").channel("ring"))
                .sweep("processes.w.size", 64, kib(1), kib(4))
                .sweep("channels.ring.sync", NONE, SPIN)
                .build();
        List<Plan> plans = ScenarioLoader.plan(s, Limits.DEFAULT).plans();
        assertEquals(6, plans.size());
        assertEquals(
                Map.of("processes.w.size", "64", "channels.ring.sync", "none"),
                plans.get(0).params());
        assertEquals(
                List.of("processes.w.size", "channels.ring.sync"),
                List.copyOf(plans.get(0).params().keySet()));
        assertEquals(
                Map.of("processes.w.size", "1KiB", "channels.ring.sync", "spin"),
                plans.get(3).params());
        assertEquals(1024, plans.get(3).processes().getFirst().size());
        assertEquals(Sync.SPIN, plans.get(3).channel("ring").sync());
        assertEquals(Sync.SPIN, plans.get(3).scenario().channels().get("ring").sync());
    }

    @Test
    void sweepProblemsOfSomeCombinationsSayWhich() {
        Scenario s = scenario("sw")
                .channel(shm("ring").size(kib(64)))
                .process(writer("w").channel("ring"))
                .process(reader("r").channel("ring"))
                .sweep("processes.w.size", 64, kib(8))
                .build();
        assertTrue(
                refused(s)
                        .startsWith(
                                "scenario sw: sweep.processes.w.size[1]: processes.w.size: a message of 8KiB does not fit a slot of channel ring"),
                refused(s));
        assertTrue(refused(s).endsWith("(in the sweep run with processes.w.size=8KiB)"), refused(s));
    }

    @Test
    void aCombinationBeyondAMachineLimitIsSkippedNotRefused() throws ScenarioException {
        Scenario s = scenario("sw")
                .channel(msgq("q"))
                .process(writer("w").channel("q"))
                .process(reader("r").channel("q"))
                .sweep("processes.w.size", 64, kib(16))
                .build();
        ScenarioLoader.Loaded l = ScenarioLoader.plan(s, Limits.DEFAULT);
        assertEquals(1, l.plans().size());
        assertEquals(
                List.of(new Planner.Skipped(
                        Map.of("processes.w.size", "16KiB"), "not possible on this machine (msgmax = 8192)")),
                l.skipped());
    }

    @Test
    void aMechanismAxisSetsTypeAndKeysAndDropsWhatDoesNotApply() throws ScenarioException {
        Scenario s = scenario("mech")
                .channel(shm("link").sync(Sync.SPIN).slots(8))
                .process(writer("w").channel("link").size(kib(64)))
                .process(reader("r").channel("link"))
                .sweep("channels.link.type", "msgq", "shm-sem", "shm-spin", "unix", "tcp", "pipe")
                .sweep("processes.w.size", 64, kib(64))
                .build();
        ScenarioLoader.Loaded l = ScenarioLoader.plan(s, Limits.DEFAULT);
        assertEquals(
                List.of(new Planner.Skipped(
                        Map.of("channels.link.type", "msgq", "processes.w.size", "64KiB"),
                        "not possible on this machine (msgmax = 8192)")),
                l.skipped());
        assertEquals(11, l.plans().size());
        Plan msgq = l.plans().getFirst();
        assertEquals(ChannelType.MSGQ, msgq.channel("link").type());
        assertNull(msgq.scenario().channels().get("link").sync(), "sync does not apply to a queue: dropped");
        Plan sem = l.plans().get(2);
        assertEquals(Sync.SEMAPHORE, sem.channel("link").sync());
        assertTrue(
                sem.channel("link").segmentBytes() >= 4096 + 8 * (64 * 1024 + 64),
                "the ring grows to fit 64KiB messages");
        assertEquals(SocketDomain.TCP, l.plans().get(8).channel("link").domain());
        assertEquals("shm-spin", Comparing.system("mech", l.plans().get(4).params()));
        assertEquals(64 * 1024, Comparing.size(l.plans().get(6)));
    }

    @Test
    void kernelLimitsComeFromProc(@TempDir Path root) throws IOException {
        Path k = Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(k.resolve("msgmax"), "4096\n");
        Files.writeString(k.resolve("msgmnb"), "8192\n");
        Files.writeString(k.resolve("shmmax"), "18446744073692774399\n");
        Files.writeString(k.resolve("sem"), "32000\t1024000000\t500\t32000\n");
        assertEquals(
                new KernelLimits(4096, 8192, Long.MAX_VALUE, 32000),
                KernelLimits.read(root),
                "no net/core: wmem_default unknown");
        Path net = Files.createDirectories(root.resolve("proc/sys/net/core"));
        Files.writeString(net.resolve("wmem_default"), "212992\n");
        assertEquals(new KernelLimits(4096, 8192, Long.MAX_VALUE, 32000, 212992), KernelLimits.read(root));
        Files.delete(k.resolve("sem"));
        assertEquals(KernelLimits.UNKNOWN, KernelLimits.read(root).semmsl());
        KernelLimits real = KernelLimits.current();
        assertTrue(
                real.msgmax() > 0 && real.msgmnb() > 0 && real.shmmax() > 0 && real.wmemDefault() > 0, real.toString());
    }

    @Test
    void unknownLimitsAreNotChecked() throws ScenarioException {
        Scenario s = scenario("u")
                .channel(msgq("q"))
                .process(writer("w").channel("q").size(kib(8)))
                .process(reader("r").channel("q"))
                .build();
        Plan p = ScenarioLoader.plan(s, KernelLimits.unknown()).plans().getFirst();
        assertEquals(Planner.FALLBACK_MSGMNB, p.channel("q").capacity());
    }

    @Test
    void segmentsTogetherFitShmallAndMessagesAreBounded() {
        KernelLimits shmall = new KernelLimits(8192, 16384, 1L << 30, 32000, 212992, 1000, 1L << 40);
        assertEquals(
                "scenario t: channels: the shm segments need 8388608 bytes together, more than shmall allows: 1000 pages of 4096 bytes"
                        + " (/proc/sys/kernel/shmall); use smaller sizes, or raise it with 'sudo sysctl -w kernel.shmall=2048'",
                refused(
                        scenario("t")
                                .channel(shm("a").size(mib(4)))
                                .channel(shm("b").size(mib(4)))
                                .processes(
                                        writer("w").channel("a"),
                                        reader("r").channel("a"),
                                        writer("w2").channel("b"),
                                        reader("r2").channel("b"))
                                .build(),
                        shmall));
        assertEquals(
                "scenario t: processes.w.messages: messages=200000000 is more than 100000000, the most one process may send"
                        + " (the supervisor checks every sequence number against the readers' sums at the end); for longer runs give 'duration'",
                refused(
                        scenario("t")
                                .channel(msgq("q"))
                                .processes(
                                        writer("w").channel("q").messages(200_000_000),
                                        reader("r").channel("q"))
                                .build(),
                        Limits.DEFAULT));
    }
}

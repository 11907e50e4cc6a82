package ipclab.dsl.plan;

import static ipclab.dsl.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.Limits;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
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
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.plan(s, Limits.DEFAULT)).getMessage();
    }

    @Test
    void defaultsAreFilledIn() throws ScenarioException {
        Plan p = only(scenario("d").channel(shm("ring")).channel(msgq("q")).channel(socket("s")).channel(pipe("f"))
                .processes(writer("w1").channel("ring"), reader("r1").channel("ring"),
                        writer("w2").channel("q"), reader("r2").channel("q"),
                        pinger("pi").channel("s"), echo("ec").channel("s"),
                        writer("w4").channel("f").duration(seconds(2)), reader("r4").channel("f"))
                .build());
        assertEquals(1, p.seed());
        assertEquals(Duration.ofSeconds(60), p.timeout());
        PlannedChannel ring = p.channel("ring");
        assertEquals(new PlannedChannel("ring", ChannelType.SHM, 65536, 16, 3840, Sync.SEMAPHORE, Fanout.SHARED,
                QueueMode.BLOCKING, 0, SocketDomain.UNIX, 64), ring);
        PlannedChannel q = p.channel("q");
        assertEquals(QueueMode.BLOCKING, q.mode());
        assertEquals(16384, q.capacity(), "capacity defaults to msgmnb");
        assertEquals(SocketDomain.UNIX, p.channel("s").domain());

        PlannedProcess w1 = p.processes().get(0);
        assertEquals(new PlannedProcess("w1", "w1", 1, 0, Role.WRITER, "ring", 1000, 0, 64, 0, 0, 0), w1);
        assertEquals(new PlannedProcess("r2", "r2", 1, 3, Role.READER, "q", 1000, 0, 64, 0, 0, 0), p.processes().get(3));
        assertEquals(1, p.processes().get(2).mtype(), "a writer on a queue sends type 1");
        PlannedProcess pinger = p.processes().get(4);
        assertEquals(100, pinger.warmup(), "warmup = max(100, 1000 / 10)");
        assertEquals(1100, p.processes().get(5).messages(), "the echo answers warmup + messages");
        PlannedProcess w4 = p.processes().get(6);
        assertEquals(Long.MAX_VALUE, w4.messages(), "only a duration bounds it");
        assertEquals(2_000_000_000L, w4.durationNanos());
        assertEquals(Long.MAX_VALUE, p.processes().get(7).messages());
        assertEquals(2_000_000_000L, p.processes().get(7).durationNanos(), "a reader lives as long as its writers");
        for (int i = 0; i < p.processes().size(); i++) assertEquals(i, p.processes().get(i).index());
    }

    @Test
    void replicasExpandInOrderAndReadersExpectEverything() throws ScenarioException {
        Plan p = only(scenario("r").channel(msgq("q"))
                .process(writer("producer").channel("q").replicas(3).messages(500).size(kib(1)))
                .process(reader("consumer").channel("q").replicas(2)).build());
        assertEquals(List.of("producer-1", "producer-2", "producer-3", "consumer-1", "consumer-2"),
                p.processes().stream().map(PlannedProcess::name).toList());
        assertEquals(List.of(1, 2, 3, 1, 2), p.processes().stream().map(PlannedProcess::replica).toList());
        assertEquals(1500, p.processes().get(3).messages());
        assertEquals(1024, p.processes().get(4).size());
        assertEquals(1024, p.channel("q").maxMessage());
        assertEquals(2, p.processesOn("q").stream().filter(x -> x.role() == Role.READER).count());
    }

    @Test
    void ringGeometry() throws ScenarioException {
        // (1MiB - 4096) / 64 slots = 16320, a multiple of 64
        Plan p = only(scenario("g").channel(shm("ring").size(mib(1)).slots(64))
                .process(writer("w").channel("ring").size(16320 - 64)).process(reader("r").channel("ring")).build());
        assertEquals(16320, p.channel("ring").slotBytes());
        assertEquals("scenario g: processes.w.size: a message of 16257B does not fit a slot of channel ring: each of its 64 slots has "
                + "(1MiB - 4096 control bytes) / 64 = 16320 bytes, less a 64-byte header leaves 16256; raise channels.ring.size to at least 1028KiB, "
                + "use fewer slots, or send smaller messages",
                refused(scenario("g").channel(shm("ring").size(mib(1)).slots(64))
                        .process(writer("w").channel("ring").size(16320 - 63)).process(reader("r").channel("ring")).build()));
        // rounding down to 64: (10000 - 4096) / 4 = 1476 -> 1472
        assertEquals(1472, only(scenario("g").channel(shm("ring").size(10000).slots(4))
                .process(writer("w").channel("ring")).process(reader("r").channel("ring")).build()).channel("ring").slotBytes());
    }

    @Test
    void exactTextsForSemanticErrors() {
        assertEquals("scenario t: channels.ring.slots: slots=3 must be a power of two between 1 and 65536, e.g. 16",
                refused(scenario("t").channel(shm("ring").slots(3)).process(writer("w").channel("ring")).process(reader("r").channel("ring")).build()));
        assertEquals("scenario t: processes.w.mtype: mtype applies to msgq channels only; ring is shm",
                refused(scenario("t").channel(shm("ring")).process(writer("w").channel("ring").mtype(2)).process(reader("r").channel("ring")).build()));
        assertEquals("scenario t: processes.w.mtype: mtype=0: a writer sends messages of type mtype, which must be at least 1",
                refused(scenario("t").channel(msgq("q")).process(writer("w").channel("q").mtype(0)).process(reader("r").channel("q")).build()));
        assertEquals("scenario t: processes.r.mtype: mtype=3 selects messages of type 3, but the writers on q send types [1, 2]; this reader would wait forever",
                refused(scenario("t").channel(msgq("q")).process(writer("w").channel("q")).process(writer("v").channel("q").mtype(2))
                        .process(reader("r").channel("q").mtype(3)).build()));
        assertEquals("scenario t: channels.link: round trips need exactly one pinger and one echo on a channel; link has 1 pinger and 0 echoes (after replicas: 1 pinger)",
                refused(scenario("t").channel(msgq("link")).process(pinger("p").channel("link")).build()));
        assertEquals("scenario t: channels.ring.sync: sync=atomic applies to incrementers only; a ring of messages uses none | semaphore | spin",
                refused(scenario("t").channel(shm("ring").sync(ATOMIC)).process(writer("w").channel("ring")).process(reader("r").channel("ring")).build()));
        assertEquals("scenario t: processes.w.duration: duration=2m is not shorter than the scenario's timeout=1m; shorten it or raise 'timeout'",
                refused(scenario("t").channel(msgq("q")).process(writer("w").channel("q").duration(minutes(2))).process(reader("r").channel("q")).build()));
        assertEquals("scenario t: processes.w.size: size=16B is too small; a message carries a 32-byte header (sequence, writer, checksum, timestamp), so size must be at least 32B",
                refused(scenario("t").channel(msgq("q")).process(writer("w").channel("q").size(16)).process(reader("r").channel("q")).build()));
        assertEquals("scenario t: processes.q: 'q' names both a channel and a process; claims in expect: could not tell them apart, so rename one",
                refused(scenario("t").channel(msgq("q")).process(writer("q").channel("q")).process(reader("r").channel("q")).build()));
        assertEquals("scenario t: processes.w: replica name 'w-1' of w clashes with process w-1; rename one",
                refused(scenario("t").channel(msgq("q")).process(writer("w-1").channel("q")).process(writer("w").channel("q").replicas(2))
                        .process(reader("r").channel("q")).build()));
        assertEquals("scenario t: channels.d: a socket has one receiving end, and d has 2 readers (r-1, r-2); use one reader, or a msgq for many",
                refused(scenario("t").channel(socket("d", UDP)).process(writer("w").channel("d").replicas(3)).process(reader("r").channel("d").replicas(2)).build()));
        assertEquals("scenario t: processes.w.size: size=64KiB is larger than the largest UDP datagram (65507 bytes); send smaller messages or use domain tcp or unix",
                refused(scenario("t").channel(socket("d", UDP)).process(writer("w").channel("d").size(kib(64))).process(reader("r").channel("d")).build()));
        assertEquals("scenario t: processes.w.size: size=64KiB is larger than shmmax, the largest segment the kernel allows: 33554432 bytes (/proc/sys/kernel/shmmax); raise it with 'sudo sysctl -w kernel.shmmax=67108864' or use a smaller size".replace("processes.w.size: size=64KiB", "channels.ring.size: size=64MiB"),
                refused(scenario("t").channel(shm("ring").size(mib(64))).process(writer("w").channel("ring")).process(reader("r").channel("ring")).build()));
    }

    @Test
    void datagramsTakeManyWritersAndMsgqManyToMany() throws ScenarioException {
        only(scenario("t").channel(socket("d", UNIX_DGRAM)).process(writer("w").channel("d").replicas(3)).process(reader("r").channel("d")).build());
        only(scenario("t").channel(msgq("q")).process(writer("w").channel("q").replicas(3)).process(reader("r").channel("q").replicas(3)).build());
        only(scenario("t").channel(shm("ring").fanout(BROADCAST)).process(writer("w").channel("ring").replicas(2)).process(reader("r").channel("ring").replicas(2)).build());
        only(scenario("t").channel(pipe("f")).process(writer("w").channel("f").replicas(2).size(kib(4))).process(reader("r").channel("f")).build());
        only(scenario("t").channel(shm("c").sync(NONE)).process(incrementer("i").channel("c").replicas(2).messages(10)).build());
    }

    @Test
    void sweepMakesOnePlanPerCombinationWithParams() throws ScenarioException {
        Scenario s = scenario("sw").channel(shm("ring").size(kib(256)))
                .process(writer("w").channel("ring")).process(reader("r").channel("ring"))
                .sweep("processes.w.size", 64, kib(1), kib(4))
                .sweep("channels.ring.sync", NONE, SPIN).build();
        List<Plan> plans = ScenarioLoader.plan(s, Limits.DEFAULT).plans();
        assertEquals(6, plans.size());
        assertEquals(Map.of("processes.w.size", "64", "channels.ring.sync", "none"), plans.get(0).params());
        assertEquals(List.of("processes.w.size", "channels.ring.sync"), List.copyOf(plans.get(0).params().keySet()));
        assertEquals(Map.of("processes.w.size", "1KiB", "channels.ring.sync", "spin"), plans.get(3).params());
        assertEquals(1024, plans.get(3).processes().getFirst().size());
        assertEquals(Sync.SPIN, plans.get(3).channel("ring").sync());
        assertEquals(Sync.SPIN, plans.get(3).scenario().channels().get("ring").sync());
    }

    @Test
    void sweepProblemsOfSomeCombinationsSayWhich() {
        Scenario s = scenario("sw").channel(msgq("q")).process(writer("w").channel("q")).process(reader("r").channel("q"))
                .sweep("processes.w.size", 64, kib(16)).build();
        assertEquals("scenario sw: sweep.processes.w.size[1]: processes.w.size: size=16KiB is larger than msgmax, the largest message the kernel accepts: "
                + "8192 bytes (/proc/sys/kernel/msgmax); raise it with 'sudo sysctl -w kernel.msgmax=16384' or send smaller messages "
                + "(in the sweep run with processes.w.size=16KiB)", refused(s));
    }

    @Test
    void kernelLimitsComeFromProc(@TempDir Path root) throws IOException {
        Path k = Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(k.resolve("msgmax"), "4096\n");
        Files.writeString(k.resolve("msgmnb"), "8192\n");
        Files.writeString(k.resolve("shmmax"), "18446744073692774399\n");
        Files.writeString(k.resolve("sem"), "32000\t1024000000\t500\t32000\n");
        assertEquals(new KernelLimits(4096, 8192, Long.MAX_VALUE, 32000), KernelLimits.read(root));
        Files.delete(k.resolve("sem"));
        assertEquals(KernelLimits.UNKNOWN, KernelLimits.read(root).semmsl());
        KernelLimits real = KernelLimits.current();
        assertTrue(real.msgmax() > 0 && real.msgmnb() > 0 && real.shmmax() > 0, real.toString());
    }

    @Test
    void unknownLimitsAreNotChecked() throws ScenarioException {
        Scenario s = scenario("u").channel(msgq("q")).process(writer("w").channel("q").size(kib(8))).process(reader("r").channel("q")).build();
        Plan p = ScenarioLoader.plan(s, KernelLimits.unknown()).plans().getFirst();
        assertEquals(Planner.FALLBACK_MSGMNB, p.channel("q").capacity());
    }
}

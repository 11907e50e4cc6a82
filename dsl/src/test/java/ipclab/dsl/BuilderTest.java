package ipclab.dsl;

import static ipclab.dsl.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelSpecBuilder;
import ipclab.dsl.model.CpuList;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.yaml.ScenarioWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fluent builder speaks the YAML vocabulary 1:1, and the writer puts units the way a person would. */
class BuilderTest {
    static final String YAML = """
            name: shm-vs-msgq
            description: "Why shared memory wins: \\"large\\" messages\\n\\u00e9t\\u00e9 \\U0001f600"
            seed: 42
            timeout: 30s
            channels:
              ring:
                type: shm
                size: 128KiB
                slots: 16
                sync: semaphore
              jobs:
                type: msgq
                mode: nowait
                capacity: 16KiB
              link:
                type: socket
                domain: unix-dgram
            processes:
              producer:
                role: writer
                channel: ring
                replicas: 2
                messages: 10000
                size: 4KiB
                rate: 20k/s
              consumer:
                role: reader
                channel: ring
              qw:
                role: writer
                channel: jobs
                duration: 50ms
                size: 100B
                mtype: 3
              qr:
                role: reader
                channel: jobs
                mtype: -5
              dw:
                role: writer
                channel: link
              dr:
                role: reader
                channel: link
            sweep:
              processes.producer.size: [64, 1KiB, 4KiB]
              channels.ring.sync: [none, semaphore]
              timeout: [1500ms, 2m]
            expect:
              - consumer.received == producer.sent
              - "ring.latency.p50 < 50us"
            """;

    static Scenario built() {
        return Scenario.named("shm-vs-msgq")
                .description("Why shared memory wins: \"large\" messages\nété 😀")
                .seed(42)
                .timeout(seconds(30))
                .channel(shm("ring").size(kib(128)).slots(16).sync(SEMAPHORE))
                .channel(msgq("jobs").mode(NOWAIT).capacity(kib(16)))
                .channel(socket("link", UNIX_DGRAM))
                .process(writer("producer")
                        .channel("ring")
                        .replicas(2)
                        .messages(10_000)
                        .size(kib(4))
                        .rate(perSecond(20_000)))
                .process(reader("consumer").channel("ring"))
                .process(writer("qw").channel("jobs").duration(ms(50)).size(100).mtype(3))
                .process(reader("qr").channel("jobs").mtype(-5))
                .processes(writer("dw").channel("link"), reader("dr").channel("link"))
                .sweep("processes.producer.size", 64, kib(1), kib(4))
                .sweep("channels.ring.sync", NONE, SEMAPHORE)
                .sweep("timeout", ms(1500), minutes(2))
                .expect("consumer.received == producer.sent", "ring.latency.p50 < 50us")
                .build();
    }

    @Test
    void builderAndYamlGiveTheSameModel() throws ScenarioException {
        assertEquals(built(), ScenarioLoader.parse(YAML, "x.yaml"));
    }

    @Test
    void writerWritesUnitsNaturally() {
        assertEquals(
                YAML.replace("\"ring.latency.p50 < 50us\"", "\"ring.latency.p50 < 50us\"")
                        .replace(
                                "  - consumer.received == producer.sent", "  - \"consumer.received == producer.sent\""),
                ScenarioWriter.toYaml(built()));
    }

    @Test
    void builtScenarioPlans() throws ScenarioException {
        ScenarioLoader.Loaded l = ScenarioLoader.plan(built(), Limits.DEFAULT);
        assertEquals(12, l.plans().size());
        assertEquals(
                List.of("producer-1", "producer-2", "consumer", "qw", "qr", "dw", "dr"),
                l.plans().getFirst().processes().stream().map(p -> p.name()).toList());
    }

    @Test
    void sizesDurationsAndRates() {
        assertEquals("4KiB", kib(4).toString());
        assertEquals("1MiB", mib(1).toString());
        assertEquals("100B", bytes(100).toString());
        assertEquals(50_000, us(50).toNanos());
        assertEquals("20k/s", perSecond(20_000).toString());
        assertEquals("1M/s", perSecond(1_000_000).toString());
    }

    @Test
    void namesAreUniqueInABuilder() {
        assertEquals(
                "channel q is defined twice",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> scenario("x").channel(msgq("q")).channel(pipe("q")))
                        .getMessage());
        assertEquals(
                "process w is defined twice",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> scenario("x").process(writer("w")).process(reader("w")))
                        .getMessage());
    }

    @Test
    void plainNumbersAreTheirValueTypesFactories() {
        assertEquals(
                shm("r").size(bytes(4096)).capacity(kib(1)).build(),
                shm("r").size(4096).capacity(1024).build());
        assertEquals(
                writer("w")
                        .size(kib(1))
                        .rate(perSecond(500))
                        .cpus(CpuList.of(1, 0))
                        .build(),
                writer("w").size(1024).rate(500).cpus(0, 1).build());
    }

    @Test
    void aScenarioHoldsOnlyNamedChannelsAndProcessesOfAKind() {
        assertEquals(
                "channel q needs a type",
                assertThrows(IllegalArgumentException.class, () -> scenario("x")
                                .channel(new ChannelSpecBuilder("q", null))
                                .build())
                        .getMessage());
        assertEquals(
                "a process needs a name",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> scenario("x").process(writer(" ")).build())
                        .getMessage());
    }

    static final String FAULTS_YAML = """
            name: faults
            channels:
              jobs:
                type: msgq
            processes:
              producer:
                role: writer
                channel: jobs
                replicas: 2
              consumer:
                role: reader
                channel: jobs
                rate: 500/s
                delay: 1ms
            expect:
              - "consumer.errors.EIDRM >= 1"
            faults:
              - process: producer-1
                action: kill
                after: 1000
              - process: producer-2
                action: delay
                at: 200ms
                for: 50ms
              - channel: jobs
                action: remove
                at: 1s
            """;

    @Test
    void faultsAreOneModelInBothSyntaxesAndPlanned() throws ScenarioException {
        Scenario s = scenario("faults")
                .channel(msgq("jobs"))
                .process(writer("producer").channel("jobs").replicas(2))
                .process(reader("consumer").channel("jobs").rate(perSecond(500)).delay(ms(1)))
                .expect("consumer.errors.EIDRM >= 1")
                .faults(
                        faultOn("producer-1").action(KILL).after(1000),
                        faultOn("producer-2").action(DELAY).at(ms(200)).holdFor(ms(50)),
                        faultOnChannel("jobs").action(REMOVE).at(seconds(1)))
                .build();
        assertEquals(s, ScenarioLoader.parse(FAULTS_YAML, "faults.yaml"));
        assertEquals(FAULTS_YAML, ScenarioWriter.toYaml(s));
        var plan = ScenarioLoader.plan(s, Limits.DEFAULT).plans().getFirst();
        assertEquals(
                List.of(
                        "kill producer-1 after 1000 messages",
                        "delay producer-2 for 50ms per operation at 200ms",
                        "remove channel jobs at 1s"),
                plan.faults().stream().map(f -> f.describe()).toList());
        assertEquals(1_000_000, plan.processes().get(2).delayNanos());
        assertEquals(true, plan.faulted("jobs"));
    }

    @Test
    void aSpecOrItsBuilderIsTakenAlikeAndToBuilderKeepsEverything() {
        ChannelSpec jobs = msgq("jobs").mode(NOWAIT).build();
        ProcessSpec reader = reader("consumer").channel("jobs").build();
        Scenario mixed = scenario("mixed")
                .channels(jobs, shm("ring"))
                .processes(writer("producer").channel("jobs"), reader)
                .faults(faultOn("producer").action(KILL).after(10))
                .fault(faultOnChannel("jobs").action(REMOVE).at(ms(5)))
                .fault(faultOn("consumer").action(STOP).build())
                .expect("consumer.received >= 0")
                .build();
        assertEquals(List.of("jobs", "ring"), List.copyOf(mixed.channels().keySet()));
        assertEquals(reader, mixed.processes().get("consumer"));
        assertEquals(3, mixed.faults().size());
        assertEquals(mixed, mixed.toBuilder().build());
        Scenario more = mixed.toBuilder()
                .channel(pipe("p"))
                .expect("producer.sent >= 0")
                .build();
        assertEquals(List.of("jobs", "ring", "p"), List.copyOf(more.channels().keySet()));
        assertEquals(2, more.expect().size());
        assertEquals(1, mixed.expect().size(), "the record's lists are copies, not the builder's");
        assertEquals(7L, scenario("x").set("seed", "7").build().seed());
        assertEquals(
                "the scenario key 'channels' is not set from text; the builder has a method for it",
                assertThrows(IllegalArgumentException.class, () -> scenario("x").set("channels", "q"))
                        .getMessage());
    }
}

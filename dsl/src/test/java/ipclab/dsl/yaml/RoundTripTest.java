package ipclab.dsl.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.CpuList;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Rate;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Java -> YAML -> model is the identity on the model, and YAML -> model -> YAML is a fixed point.
 * Scenarios are random, not necessarily valid (the writer and reader must carry anything the
 * model holds that YAML can express: non-negative sizes and durations, slots and replicas >= 1).
 */
class RoundTripTest {
    @Property(tries = 150)
    void javaToYamlToModelIsIdentity(@ForAll("scenarios") Scenario s) throws ScenarioException {
        String yaml = ScenarioWriter.toYaml(s);
        assertEquals(s, ScenarioLoader.parse(yaml, "generated.yaml"), yaml);
    }

    @Property(tries = 100)
    void yamlToModelToYamlIsAFixedPoint(@ForAll("scenarios") Scenario s) throws ScenarioException {
        String y1 = ScenarioWriter.toYaml(s, "../schema.json");
        Scenario m1 = ScenarioLoader.parse(y1, "y1.yaml");
        String y2 = ScenarioWriter.toYaml(m1, "../schema.json");
        assertEquals(y1, y2);
        assertEquals(m1, ScenarioLoader.parse(y2, "y2.yaml"));
    }

    static Arbitrary<String> names() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(6)
                .map(x -> x + "");
    }

    static Arbitrary<String> texts() {
        Arbitrary<String> base = Arbitraries.strings()
                .withChars("abc XYZ019:#'\"\\\n\t\r-{}[],&*!|>%@`é€ü~?")
                .ofMaxLength(30);
        return Arbitraries.oneOf(
                base,
                base.map(x -> x + "😀"),
                Arbitraries.of(
                        "true", "null", "~", "64", "1.5", "-3", "yes", "", " lead", "trail ", "0x1F", "007", "1e3",
                        "12:30"));
    }

    static <T> Arbitrary<T> maybe(Arbitrary<T> a) {
        return a.injectNull(0.4);
    }

    static Arbitrary<ByteSize> sizes() {
        return Arbitraries.oneOf(
                        Arbitraries.longs().between(0, 1L << 40),
                        Arbitraries.longs().between(0, 64).map(x -> x * 1024),
                        Arbitraries.longs().between(1, 8).map(x -> x << 20))
                .map(ByteSize::of);
    }

    static Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                        Arbitraries.longs().between(0, 1_000_000_000_000L),
                        Arbitraries.longs().between(0, 100).map(x -> x * 1_000_000_000L),
                        Arbitraries.longs().between(0, 1000).map(x -> x * 1_000_000L))
                .map(Duration::ofNanos);
    }

    static Arbitrary<ChannelSpec> channel(String name) {
        return Combinators.combine(
                        Arbitraries.of(ChannelType.class),
                        maybe(sizes()),
                        maybe(Arbitraries.integers().between(1, 1 << 20)),
                        maybe(Arbitraries.of(Sync.class)),
                        Combinators.combine(maybe(Arbitraries.of(Fanout.class)), maybe(Arbitraries.of(Removal.class)))
                                .as(FanoutRemove::new),
                        maybe(Arbitraries.of(QueueMode.class)),
                        maybe(sizes()),
                        maybe(Arbitraries.of(SocketDomain.class)))
                .as((t, size, slots, sync, fr, mode, cap, domain) -> new ChannelSpec(
                        name, t, size, slots, sync, fr.fanout(), fr.remove(), mode, cap, domain, null, null))
                .flatMap(c -> Combinators.combine(
                                maybe(Arbitraries.of(Verify.class)),
                                maybe(Arbitraries.integers().between(1, 1 << 20)))
                        .as((v, n) -> new ChannelSpec(
                                c.name(),
                                c.type(),
                                c.size(),
                                c.slots(),
                                c.sync(),
                                c.fanout(),
                                c.remove(),
                                c.mode(),
                                c.capacity(),
                                c.domain(),
                                v,
                                n)));
    }

    /** Two keys in one draw: jqwik combines at most eight arbitraries. */
    record FanoutRemove(Fanout fanout, Removal remove) {}

    static Arbitrary<ProcessSpec> process(String name) {
        Arbitrary<Long> positive = Arbitraries.oneOf(
                Arbitraries.longs().between(1, Long.MAX_VALUE),
                Arbitraries.longs().between(1, 100_000));
        return Combinators.combine(
                        Arbitraries.of(Role.class),
                        maybe(names()),
                        maybe(Arbitraries.integers().between(1, 100)),
                        maybe(positive),
                        maybe(durations()),
                        maybe(sizes()),
                        maybe(Arbitraries.longs().between(1, 10_000_000_000L).map(Rate::perSecond)),
                        maybe(Arbitraries.longs()))
                .as((role, ch, rep, msgs, dur, size, rate, mtype) ->
                        new ProcessSpec(name, role, ch, rep, msgs, dur, size, rate, null, mtype, null, null, null))
                .flatMap(p -> maybe(Arbitraries.longs().between(0, 1_000_000))
                        .map(w -> new ProcessSpec(
                                p.name(),
                                p.role(),
                                p.channel(),
                                p.replicas(),
                                p.messages(),
                                p.duration(),
                                p.size(),
                                p.rate(),
                                p.delay(),
                                p.mtype(),
                                w,
                                null,
                                null)))
                .flatMap(p -> Combinators.combine(
                                maybe(Arbitraries.integers().between(0, 8191)),
                                maybe(Arbitraries.integers()
                                        .between(0, 8191)
                                        .list()
                                        .ofMinSize(1)
                                        .ofMaxSize(4)
                                        .map(CpuList::new)))
                        .as((cpu, cpus) -> new ProcessSpec(
                                p.name(),
                                p.role(),
                                p.channel(),
                                p.replicas(),
                                p.messages(),
                                p.duration(),
                                p.size(),
                                p.rate(),
                                p.delay(),
                                p.mtype(),
                                p.warmup(),
                                cpu,
                                cpus)));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> channelNames =
                names().map(n -> "c" + n).list().ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> processNames =
                names().map(n -> "p" + n).list().ofMaxSize(5).uniqueElements();
        Arbitrary<SequencedMap<String, ChannelSpec>> channels = channelNames.flatMap(ns -> {
            List<Arbitrary<ChannelSpec>> as = new ArrayList<>();
            for (String n : ns) as.add(channel(n));
            return Combinators.combine(as).as(cs -> {
                SequencedMap<String, ChannelSpec> m = new LinkedHashMap<>();
                cs.forEach(c -> m.put(c.name(), c));
                return m;
            });
        });
        Arbitrary<SequencedMap<String, ProcessSpec>> processes = processNames.flatMap(ns -> {
            List<Arbitrary<ProcessSpec>> as = new ArrayList<>();
            for (String n : ns) as.add(process(n));
            return Combinators.combine(as).as(ps -> {
                SequencedMap<String, ProcessSpec> m = new LinkedHashMap<>();
                ps.forEach(p -> m.put(p.name(), p));
                return m;
            });
        });
        Arbitrary<SequencedMap<String, List<String>>> sweep = Arbitraries.maps(
                        Arbitraries.of(
                                "processes.p.size", "channels.c.sync", "seed", "timeout", "odd key: with colon", "x"),
                        texts().list().ofMinSize(1).ofMaxSize(4))
                .ofMaxSize(3)
                .map(LinkedHashMap::new);
        Arbitrary<List<String>> expect = texts().list().ofMaxSize(3);
        return Combinators.combine(
                        names(),
                        maybe(texts()),
                        maybe(Arbitraries.longs()),
                        maybe(durations()),
                        channels,
                        processes,
                        sweep,
                        expect)
                .as((name, desc, seed, timeout, cs, ps, sw, ex) ->
                        new Scenario(name, desc, seed, timeout, cs, ps, sw, null, ex, null, null));
    }
}

package ipclab.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.plan.Planner;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The key table, the records and their builders agree (the builders' setters are generated from
 * the records' components), and the defaults the table states are the planner's.
 */
class KeyTableTest {
    static final Map<Key.Scope, Class<? extends Record>> RECORDS = Map.of(
            Key.Scope.SCENARIO,
            Scenario.class,
            Key.Scope.CHANNEL,
            ChannelSpec.class,
            Key.Scope.PROCESS,
            ProcessSpec.class,
            Key.Scope.FAULT,
            FaultSpec.class);
    static final Map<Key.Scope, Class<?>> BUILDERS = Map.of(
            Key.Scope.SCENARIO,
            ScenarioBuilder.class,
            Key.Scope.CHANNEL,
            ChannelSpecBuilder.class,
            Key.Scope.PROCESS,
            ProcessSpecBuilder.class,
            Key.Scope.FAULT,
            FaultSpecBuilder.class);

    @Test
    void everyRowHasItsRecordComponentAndBuilderMethodAndNoComponentLacksARow() {
        for (Key.Scope scope : Key.Scope.values()) {
            List<String> components =
                    new ArrayList<>(Arrays.stream(RECORDS.get(scope).getRecordComponents())
                            .map(RecordComponent::getName)
                            .toList());
            components.remove("name");
            if (scope == Key.Scope.SCENARIO)
                components.add(0, "name"); // the scenario's name is a key; a channel's or process's is its map key
            assertEquals(
                    components,
                    Key.of(scope).stream().map(Key::component).toList(),
                    scope + ": the table's keys, in order, are the record's components");
            for (Key k : Key.of(scope)) {
                if (k == Key.NAME || k == Key.TYPE || k == Key.ROLE) continue; // given to the builder's constructor
                boolean method = Arrays.stream(BUILDERS.get(scope).getMethods())
                        .map(Method::getName)
                        .anyMatch(k.component()::equals);
                assertTrue(method, scope + " builder has no method " + k.component());
            }
        }
    }

    @Test
    void everyChannelProcessAndFaultComponentHasAGeneratedSetterOfItsTypeUnboxed() throws NoSuchMethodException {
        for (Key.Scope scope : List.of(Key.Scope.CHANNEL, Key.Scope.PROCESS, Key.Scope.FAULT)) {
            for (RecordComponent c : RECORDS.get(scope).getRecordComponents()) {
                if (c.getName().equals("name")) continue;
                Class<?> type =
                        c.getType() == Integer.class ? int.class : c.getType() == Long.class ? long.class : c.getType();
                assertNotNull(
                        BUILDERS.get(scope).getMethod(c.getName(), type),
                        scope + " builder has no " + c.getName() + "(" + type.getSimpleName() + ")");
            }
        }
    }

    @Test
    void literalDefaultsAreThePlannersDefaults() {
        assertEquals(String.valueOf(Planner.DEFAULT_SEED), Key.SEED.facts().defaultText());
        assertEquals(
                Planner.DEFAULT_TIMEOUT.toSeconds() + "s", Key.TIMEOUT.facts().defaultText());
        assertEquals(
                ByteSize.of(Planner.DEFAULT_SHM_SIZE).toString(),
                Key.SEGMENT_SIZE.facts().defaultText());
        assertEquals(String.valueOf(Planner.DEFAULT_SLOTS), Key.SLOTS.facts().defaultText());
        assertEquals(
                ByteSize.of(Planner.DEFAULT_SIZE).toString(),
                Key.MESSAGE_SIZE.facts().defaultText());
        assertTrue(Key.MESSAGES.facts().defaultText().startsWith(Planner.DEFAULT_MESSAGES + ";"));
        assertTrue(Key.WARMUP.facts().defaultText().startsWith("max(" + Planner.MIN_WARMUP + ", "));
        assertEquals((long) Planner.MAX_SLOTS, ((ValueType.Whole) Key.SLOTS.type()).maximum());
    }

    @Test
    void everyRowIsDescribedAndEveryChoiceKeyHintsItsValues() {
        for (Key k : Key.values()) {
            assertTrue(k.facts().description().length() > 20, k + " needs a description");
            if (k.type() instanceof ValueType.Choice)
                assertTrue(k.facts().hint().startsWith("one of "), k.toString());
        }
        assertEquals("e.g. 'size: 4KiB'", Key.hint("size"));
        assertEquals("the name of a channel under 'channels:'", Key.hint("channel"));
        assertEquals("give a value or remove the key", Key.hint("description"));
    }

    @Test
    void referenceSaysWhereAKeyAppliesAndItsDefault() {
        assertEquals(
                "shm: the number of ring slots, a power of two from 1 to 65536. A pinger and an echo use two lanes (there and back)"
                        + " of slots / 2 slots each, so they need at least 2. Default: 16.",
                Key.SLOTS.facts().reference());
        assertTrue(
                Key.WARMUP.facts().reference().startsWith("writer, pinger: "),
                Key.WARMUP.facts().reference());
        assertTrue(
                Key.MTYPE.facts().reference().startsWith("msgq; writer, reader, pinger: "),
                Key.MTYPE.facts().reference());
    }

    @Test
    void setAndGetGoThroughTheTable() {
        ProcessSpec p = new ProcessSpecBuilder("w", Role.WRITER)
                .set("replicas", "3")
                .set("messages", "10_000")
                .set("duration", "2s")
                .set("size", "4KiB")
                .set("rate", "20k/s")
                .set("mtype", "-5")
                .set("warmup", "0")
                .build();
        assertEquals(3, p.replicas());
        assertEquals(10_000L, p.messages());
        assertEquals(Duration.ofSeconds(2), p.duration());
        assertEquals("4KiB", p.get("size"));
        assertEquals("20k/s", p.get("rate"));
        assertEquals(p, p.toBuilder().build());
        ChannelSpec c = new ChannelSpecBuilder("r", ChannelType.SHM)
                .set("slots", "8")
                .set("sync", "spin")
                .build();
        assertEquals(8, c.slots());
        assertEquals("spin", c.get("sync"));
        assertNotNull(c.toBuilder().build());
        assertEquals(c, c.toBuilder().build());
    }
}

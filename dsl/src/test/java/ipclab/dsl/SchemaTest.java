package ipclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.MetricNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Schema and the model stay in step: the same keys, the same enum spellings, a description everywhere. */
class SchemaTest {
    static final JsonNode SCHEMA = read();

    static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Schema.json());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> keys(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> spellings(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Names::yaml).toList();
    }

    static List<String> enumOf(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.get("enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The copy editors read (scenario files point at it) is the schema made from the key table. */
    @Test
    void theFileIsTheGeneratedSchema() throws Exception {
        Path file = Path.of("src/main/resources", Schema.RESOURCE);
        if (Boolean.getBoolean("ipclab.regenerate")) Files.writeString(file, Schema.json());
        assertEquals(
                Schema.json(),
                Files.readString(file),
                file + " is stale: regenerate it with"
                        + " mvn -o -q -pl dsl surefire:test -Dtest=SchemaTest -Dipclab.regenerate=true, then ./ipclab schema --markdown for the README");
    }

    @Test
    void isDraft2020WithTheModelsKeysInOrder() {
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                SCHEMA.get("$schema").asText());
        assertEquals(Key.Scope.SCENARIO.keys(), keys(SCHEMA.get("properties")));
        assertEquals(Key.Scope.CHANNEL.keys(), keys(SCHEMA.at("/$defs/channel/properties")));
        assertEquals(Key.Scope.PROCESS.keys(), keys(SCHEMA.at("/$defs/process/properties")));
        assertFalse(SCHEMA.get("additionalProperties").asBoolean());
        assertFalse(SCHEMA.at("/$defs/channel/additionalProperties").asBoolean());
        assertFalse(SCHEMA.at("/$defs/process/additionalProperties").asBoolean());
    }

    @Test
    void enumsMatchTheModel() {
        Map<String, Class<? extends Enum<?>>> channelEnums = Map.of(
                "type",
                ChannelType.class,
                "sync",
                Sync.class,
                "fanout",
                Fanout.class,
                "mode",
                QueueMode.class,
                "domain",
                SocketDomain.class);
        channelEnums.forEach(
                (k, type) -> assertEquals(spellings(type), enumOf(SCHEMA.at("/$defs/channel/properties/" + k)), k));
        assertEquals(spellings(Role.class), enumOf(SCHEMA.at("/$defs/process/properties/role")));
    }

    @Test
    void everyPropertyHasADescription() {
        List<JsonNode> props = List.of(
                SCHEMA.get("properties"),
                SCHEMA.at("/$defs/channel/properties"),
                SCHEMA.at("/$defs/process/properties"));
        for (JsonNode p : props) {
            for (String k : keys(p))
                assertTrue(p.get(k).path("description").asText().length() > 20, "description of " + k);
        }
    }

    @Test
    void theClaimsReferenceNamesEveryFigure() {
        String expect = SCHEMA.at("/properties/expect/description").asText();
        for (String m : MetricNames.PROCESS) assertTrue(expect.contains(m), m);
        for (String m : MetricNames.CHANNEL) assertTrue(expect.contains(m), m);
        for (String m : MetricNames.COUNTER) assertTrue(expect.contains(m), m);
    }
}

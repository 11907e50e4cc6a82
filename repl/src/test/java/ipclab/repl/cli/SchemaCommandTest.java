package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {
    @Test
    void printsTheScenarioSchema() throws Exception {
        Ipclab r = Ipclab.run("schema");
        assertEquals(0, r.code(), r.toString());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertTrue(s.path("$schema").asText().contains("json-schema.org"), r.out());
        for (String key : new String[] {"name", "channels", "processes", "sweep", "expect"}) {
            assertTrue(s.path("properties").has(key), key + " missing from the schema's properties");
        }
        assertEquals(ipclab.dsl.Schema.json().strip(), r.out().strip());
    }
}

package ipclab.repl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario reference as Markdown, made from the JSON Schema's descriptions, so that the
 * README's reference and the schema editors check against can never disagree
 * ({@code ipclab schema --markdown}; a test keeps the README's copy current).
 */
public final class SchemaReference {
    private SchemaReference() {}

    /** Renders the reference of the schema given as JSON text. */
    public static String markdown(String schemaJson) {
        JsonNode schema;
        try {
            schema = new ObjectMapper().readTree(schemaJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the scenario schema is not valid JSON", e);
        }
        JsonNode defs = schema.path("$defs");
        StringBuilder md = new StringBuilder();
        md.append(schema.path("description").asText()).append("\n\n");
        md.append("### Top level\n\n");
        table(md, schema, defs);
        md.append("\n### A channel (`channels.<name>`)\n\n");
        table(md, defs.path("channel"), defs);
        md.append("\n### A process (`processes.<name>`)\n\n");
        table(md, defs.path("process"), defs);
        md.append("\n### A fault (an item of `faults`)\n\n");
        table(md, defs.path("fault"), defs);
        md.append("\n### Units\n\n");
        for (String unit : List.of("size", "duration", "rate")) {
            md.append("- **")
                    .append(unit)
                    .append("**: ")
                    .append(defs.path(unit).path("description").asText())
                    .append('\n');
        }
        return md.toString();
    }

    private static void table(StringBuilder md, JsonNode object, JsonNode defs) {
        List<String> required = new ArrayList<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        md.append("| key | value | meaning |\n|---|---|---|\n");
        for (Map.Entry<String, JsonNode> p : object.path("properties").properties()) {
            String key = "`" + p.getKey() + "`" + (required.contains(p.getKey()) ? " (required)" : "");
            md.append("| ")
                    .append(key)
                    .append(" | ")
                    .append(valueOf(p.getValue(), defs))
                    .append(" | ")
                    .append(cell(p.getValue().path("description").asText()))
                    .append(" |\n");
        }
    }

    private static String valueOf(JsonNode prop, JsonNode defs) {
        if (prop.has("enum")) {
            List<String> values = new ArrayList<>();
            prop.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            return String.join(" \\| ", values);
        }
        String ref = prop.path("$ref").asText("");
        if (ref.startsWith("#/$defs/")) return ref.substring("#/$defs/".length());
        String type = prop.path("type").asText("");
        if (type.equals("array")) {
            JsonNode items = prop.path("items");
            String itemRef = items.path("$ref").asText("");
            if (itemRef.startsWith("#/$defs/")) return "list of " + itemRef.substring("#/$defs/".length()) + "s";
            return "list of " + (items.has("type") ? items.path("type").asText() : "values");
        }
        if (type.equals("object")) return "map";
        if (prop.has("oneOf") || prop.has("anyOf")) return "see meaning";
        return type.isEmpty() ? "any" : type;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

package ipclab.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipclab.dsl.model.CpuList;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ValueType;
import ipclab.dsl.model.ValueType.Plain;
import ipclab.dsl.plan.Planner;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, made from the key table
 * ({@link Key}). Editors use it to complete and check scenarios: the files in {@code scenarios/}
 * point at its copy {@value #RESOURCE} under {@code dsl/src/main/resources} with a
 * {@code yaml-language-server} comment, and a test keeps that copy equal to {@link #json()}.
 * Its descriptions are the format's reference documentation ({@code ipclab schema --markdown}).
 */
public final class Schema {
    private Schema() {}

    /** Where the schema's copy lives on the classpath (and under {@code dsl/src/main/resources}). */
    public static final String RESOURCE = "ipclab/scenario.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = generate();

    /** The schema's JSON text. */
    public static String json() {
        return TEXT;
    }

    private static String generate() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "ipclab scenario");
        root.put(
                "description",
                "A scenario describes processes (writers, readers, pingers, echoes, incrementers) and the channels between"
                        + " them (System V shared memory, System V message queues, sockets, named FIFOs). ipclab runs each process as a real child"
                        + " JVM making real system calls, measures what happens, checks that no message was lost, and removes every kernel object"
                        + " it made. Sizes are written 64, 64B, 4KiB, 1MiB; durations 500ns, 50us, 10ms, 5s, 2m; rates 500/s, 20k/s, 1M/s.");
        object(root, Key.Scope.SCENARIO);
        ObjectNode defs = root.putObject("$defs");
        ObjectNode size = defs.putObject("size");
        size.put(
                "description",
                "A number of bytes: a whole number, or with a unit B, KiB, MiB, GiB (64, 64B, 4KiB, 1MiB).");
        ArrayNode oneOf = size.putArray("oneOf");
        oneOf.addObject().put("type", "integer").put("minimum", 0);
        oneOf.addObject().put("type", "string").put("pattern", "^[0-9][0-9_]*(B|KiB|MiB|GiB)?$");
        defs.putObject("duration")
                .put(
                        "description",
                        "A duration: a whole number with a unit ns, us, ms, s or m (500ns, 50us, 10ms, 5s, 2m).")
                .put("type", "string")
                .put("pattern", "^[0-9][0-9_]*(ns|us|ms|s|m)$");
        defs.putObject("rate")
                .put("description", "Messages per second: 500/s, 20k/s (thousands), 1M/s (millions).")
                .put("type", "string")
                .put("pattern", "^[0-9]+[kM]?/s$");
        object(
                defs.putObject("channel")
                        .put(
                                "description",
                                "One channel. Which keys apply depends on its type; the others are refused."),
                Key.Scope.CHANNEL);
        object(
                defs.putObject("process").put("description", "One process, or a group of identical replicas."),
                Key.Scope.PROCESS);
        object(
                defs.putObject("fault")
                        .put(
                                "description",
                                "One fault injected on purpose: a process or a channel, an action, and when."),
                Key.Scope.FAULT);
        try {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            return JSON.writer(pretty).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void object(ObjectNode o, Key.Scope scope) {
        o.put("type", "object");
        ArrayNode required = o.putArray("required");
        for (Key k : Key.of(scope)) if (k.facts().required()) required.add(k.yaml());
        o.put("additionalProperties", false);
        ObjectNode properties = o.putObject("properties");
        for (Key k : Key.of(scope)) property(properties.putObject(k.yaml()), k);
    }

    private static void property(ObjectNode p, Key k) {
        p.put("description", k.facts().reference());
        switch (k.type()) {
            case ValueType.Whole(long minimum, Long maximum) -> {
                p.put("type", "integer");
                if (minimum != Long.MIN_VALUE) p.put("minimum", minimum);
                if (maximum != null) p.put("maximum", maximum);
            }
            case Plain.SIZE, Plain.DURATION, Plain.RATE -> p.put("$ref", "#/$defs/" + Names.yaml((Plain) k.type()));
            case ValueType.Choice(var choices) -> {
                ArrayNode values = p.putArray("enum");
                for (Enum<?> e : choices.getEnumConstants()) values.add(Names.yaml(e));
            }
            case Plain.CHANNELS, Plain.PROCESSES -> {
                p.put("type", "object").put("minProperties", 1);
                p.putObject("propertyNames").put("pattern", "^" + Planner.NAME_PATTERN + "$");
                p.putObject("additionalProperties")
                        .put("$ref", k.type() == Plain.CHANNELS ? "#/$defs/channel" : "#/$defs/process");
            }
            case Plain.SWEEP -> {
                p.put("type", "object");
                p.putObject("propertyNames")
                        .put(
                                "pattern",
                                "^(seed|timeout|channels\\.[A-Za-z][A-Za-z0-9_-]*\\.[a-z]+|processes\\.[A-Za-z][A-Za-z0-9_-]*\\.[a-z]+)$");
                ObjectNode values =
                        p.putObject("additionalProperties").put("type", "array").put("minItems", 1);
                values.putObject("items").putArray("type").add("string").add("integer");
            }
            case Plain.CPUS -> {
                ArrayNode any = p.putArray("oneOf");
                ObjectNode list = any.addObject().put("type", "array").put("minItems", 1);
                list.putObject("items").put("type", "integer").put("minimum", 0).put("maximum", CpuList.LIMIT - 1);
                any.addObject().put("type", "string").put("pattern", "^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$");
                any.addObject().put("type", "integer").put("minimum", 0).put("maximum", CpuList.LIMIT - 1);
            }
            case Plain.FAULTS -> {
                p.put("type", "array").put("maxItems", 64);
                p.putObject("items").put("$ref", "#/$defs/fault");
            }
            case Plain.CLAIMS -> {
                p.put("type", "array");
                p.putObject("items").put("type", "string").put("minLength", 1);
            }
            case Plain.TEXT, Plain.CHANNEL_REF, Plain.PROCESS_REF -> {
                p.put("type", "string");
                if (k == Key.NAME) p.put("pattern", "^" + Planner.SCENARIO_NAME_PATTERN + "$");
            }
        }
    }
}

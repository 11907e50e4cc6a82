package ipclab.repl.report;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-safe reads of a report's JSON tree: a missing or null figure reads as absent, never as 0. */
final class Json {
    private Json() {}

    /** The node at {@code path}, or a missing node. */
    static JsonNode at(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            if (cur == null || cur.isNull() || cur.isMissingNode()) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            cur = cur.path(p);
        }
        return cur == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : cur;
    }

    static boolean present(JsonNode n) { return n != null && !n.isMissingNode() && !n.isNull(); }

    /** The number at {@code path}, or NaN. */
    static double num(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** The text at {@code path} (numbers and booleans as written), or {@code ""}. */
    static String text(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        return present(v) && v.isValueNode() ? v.asText() : "";
    }

    /** A count with separators, or {@code -}. */
    static String count(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        return v.isIntegralNumber() ? Units.count(v.asLong()) : v.isNumber() ? Units.decimal(v.asDouble()) : "-";
    }

    /** An item of a list shown as one line: its text, or {@code message}, or its fields as k=v. */
    static String oneLine(JsonNode n) {
        if (n.isValueNode()) return n.asText();
        if (n.has("message")) return n.get("message").asText();
        StringBuilder sb = new StringBuilder();
        n.properties().forEach(e -> {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(e.getKey()).append('=').append(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        });
        return sb.toString();
    }
}

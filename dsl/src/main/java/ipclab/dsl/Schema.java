package ipclab.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, the resource
 * {@value #RESOURCE}. Editors use it to complete and check scenarios (the files in
 * {@code scenarios/} point at it with a {@code yaml-language-server} comment), and its
 * descriptions are the format's reference documentation. A test keeps it in step with the model.
 */
public final class Schema {
    private Schema() {}

    /** Where the schema lives on the classpath (and under {@code dsl/src/main/resources}). */
    public static final String RESOURCE = "ipclab/scenario.schema.json";

    /** The schema's JSON text. */
    public static String json() {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

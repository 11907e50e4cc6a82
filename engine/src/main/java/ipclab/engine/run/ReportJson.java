package ipclab.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine report ({@code --json FILE}). One run: the {@link RunReport} object. A sweep:
 * {@code {"scenario": ..., "runs": [{"params": {...}, ...report}, ...]}}.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static String toJson(RunReport r) {
        try {
            return MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(List<RunReport> sweep) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("scenario", sweep.isEmpty() ? "" : sweep.getFirst().scenario());
        top.put("runs", sweep);
        try {
            return MAPPER.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sweep report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void write(RunReport r, Path file) throws IOException {
        Files.writeString(file, toJson(r) + "\n");
    }

    public static void write(List<RunReport> sweep, Path file) throws IOException {
        Files.writeString(file, toJson(sweep) + "\n");
    }
}

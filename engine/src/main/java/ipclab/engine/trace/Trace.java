package ipclab.engine.trace;

import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.SchedulerSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A recorded run: enough to run it again and to check that it did the same. Written and read by
 * {@link TraceFile} (the format is in its Javadoc, the README and {@code ipclab/trace.schema.json}).
 *
 * @param ipclab    the ipclab version that recorded it (a trace replays only on the same version)
 * @param createdAt when it was recorded (ISO-8601, UTC)
 * @param scenario  the scenario itself
 * @param seed      the scenario's seed (payloads are made from it)
 * @param host      the machine it ran on
 * @param scheduler the scheduler and its parameters ({@code free} for a free run)
 * @param steps     a stepped run's every grant with its outcome, in order; empty for a free run
 * @param reports   the final report (one per sweep combination of a free run)
 */
public record Trace(
        String ipclab,
        String createdAt,
        Scenario scenario,
        long seed,
        Host host,
        SchedulerSpec scheduler,
        List<StepEvent> steps,
        List<RunReport> reports) {
    /** The format's version: a reader refuses any other. */
    public static final int FORMAT_VERSION = 1;

    public Trace {
        steps = List.copyOf(steps);
        reports = List.copyOf(reports);
    }

    /**
     * The scenario as it ran.
     *
     * @param name   the scenario's name
     * @param source where it was read from (a path, {@code examples/Race.java#sweep}); informative only
     * @param yaml   the scenario as YAML text: what a replay runs
     * @param sha256 the hex SHA-256 of {@code yaml}'s UTF-8 bytes
     */
    public record Scenario(String name, String source, String yaml, String sha256) {
        public static Scenario of(String name, String source, String yaml) {
            return new Scenario(name, source, yaml, Trace.sha256(yaml));
        }

        /** Does the hash match the text? */
        public boolean intact() {
            return Trace.sha256(yaml).equals(sha256);
        }
    }

    /**
     * The machine.
     *
     * @param limits System V and socket limits from /proc ({@code msgmax, msgmnb, shmmax, semmsl, wmemDefault}), -1 unknown
     */
    public record Host(String kernel, int cpus, String java, Map<String, Long> limits) {}

    /** Was this run stepped (so a replay can enforce its interleaving)? */
    public boolean stepped() {
        return scheduler.stepped();
    }

    /** The hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}

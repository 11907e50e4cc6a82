package ipclab.engine.run;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a run failed, one value per cause; the report's JSON writes it in lower case ({@code "died"}). */
public enum FailureKind {
    /** A worker exited with a failure status or a signal. */
    DIED,
    /** A worker sat in a blocking call past the timeout. */
    BLOCKED,
    /** A worker wrote a line the supervisor-worker protocol does not have (the worker did not die of it). */
    PROTOCOL,
    /** A worker was not ready, or the run not over, in time. */
    TIMEOUT,
    /** Messages or counter updates were lost, duplicated or corrupted. */
    LOSS,
    /** A kernel object or file outlived the run. */
    LEAK,
    /** The run was stopped (by the user or a signal) before its end. */
    STOPPED,
    /** The run's objects could not be removed, released or read. */
    CLEANUP,
    /** The engine itself failed. */
    ENGINE,
    /** A stepped run where nobody could move: every process left was blocked (the scheduler stopped it). */
    DEADLOCK,
    /** A replay whose run left its trace: a step went to a process that could not move, or came out differently. */
    REPLAY;

    /** The name in the report: {@code died}, {@code blocked}... */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}

package ipclab.repl.shell;

import java.time.Duration;
import java.time.Instant;

/**
 * When the shell became usable, from the JVM's start: the first prompt, JShell ready, the first
 * snippet evaluated. {@code /timing} prints them (a hidden command: for measuring start-up).
 */
final class Timing {
    private final Instant jvmStart =
            ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private volatile Duration firstPrompt, jshellReady, firstSnippet;

    void firstPrompt() {
        if (firstPrompt == null) firstPrompt = since();
    }

    void jshellReady() {
        if (jshellReady == null) jshellReady = since();
    }

    void firstSnippet() {
        if (firstSnippet == null) firstSnippet = since();
    }

    private Duration since() {
        return Duration.between(jvmStart, Instant.now());
    }

    String describe() {
        return "since the JVM started: first prompt " + ms(firstPrompt) + ", JShell ready " + ms(jshellReady)
                + ", first snippet evaluated " + ms(firstSnippet);
    }

    private static String ms(Duration d) {
        return d == null ? "not yet" : d.toMillis() + " ms";
    }
}

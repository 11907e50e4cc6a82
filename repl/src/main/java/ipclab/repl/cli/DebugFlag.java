package ipclab.repl.cli;

import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code --debug} option, accepted by every command: stack traces for errors. Whether it is on
 * is decided from the raw arguments and {@code IPCLAB_DEBUG}, so that it also works for errors
 * raised while the arguments are still being parsed.
 */
public final class DebugFlag {
    @Option(names = "--debug", scope = ScopeType.INHERIT)
    boolean debug;

    /** {@code --debug} among the arguments, or {@code IPCLAB_DEBUG} set to anything but empty or 0. */
    public static boolean requested(String[] args, Map<String, String> env) {
        String v = env.get("IPCLAB_DEBUG");
        boolean fromEnv = v != null && !v.isEmpty() && !v.equals("0");
        return fromEnv || Arrays.asList(args).contains("--debug");
    }
}

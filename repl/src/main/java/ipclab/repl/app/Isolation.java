package ipclab.repl.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code run --isolate}: the scenario runs in a private System V IPC namespace, where it sees no
 * object of the host and the host sees none of its own; the namespace, and anything in it, goes
 * when the run's last process exits. ipclab re-executes itself under {@code unshare(1)}: a JVM
 * cannot move itself into new namespaces (a user namespace needs a single-threaded process, and
 * unshare of the IPC namespace alone changes only the calling thread), but the child JVM starts in
 * the new namespace, so the supervisor and every worker it spawns share it.
 *
 * <ul>
 *   <li>root (CAP_SYS_ADMIN): {@code unshare --ipc};</li>
 *   <li>otherwise, where unprivileged user namespaces are allowed: {@code unshare --user
 *       --map-current-user --ipc} (the same uid inside, so files and the registry stay the user's);</li>
 *   <li>else: refused with what to change.</li>
 * </ul>
 */
public final class Isolation {
    /** Set in the re-executed JVM: how its namespace was made. */
    public static final String ENV = "IPCLAB_ISOLATED";

    private Isolation() {}

    /** How this JVM's namespace was made, when it is the isolated one; else null. */
    public static String current() {
        String v = System.getenv(ENV);
        return v == null || v.isBlank() ? null : v + ", IPC namespace " + namespace();
    }

    /** {@code ipc:[4026532178]}. */
    static String namespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Isolation is not possible here; the message says why and what to change. */
    public static final class NotPermitted extends Exception {
        NotPermitted(String message) {
            super(message);
        }
    }

    /**
     * Re-runs this very command ({@code args}, with {@code --isolate} kept: the child sees
     * {@value #ENV} and runs) in a private IPC namespace, with this JVM's stdin, stdout and stderr,
     * and returns its exit status.
     */
    public static int reexec() throws NotPermitted, IOException, InterruptedException {
        List<String> prefix = prefix();
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            throw new NotPermitted(
                    "--isolate: cannot read this JVM's own command line (/proc/self/cmdline) to run it again");
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(info.command().get());
        cmd.addAll(List.of(info.arguments().get()));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(ENV, String.join(" ", prefix.subList(0, prefix.size() - 1)));
        Process p = pb.start();
        try {
            return p.waitFor();
        } finally {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The unshare(1) command line that works here, tried with {@code true}. */
    static List<String> prefix() throws NotPermitted, InterruptedException {
        List<List<String>> tries = new ArrayList<>();
        tries.add(List.of("unshare", "--ipc", "--"));
        tries.add(List.of("unshare", "--user", "--map-current-user", "--ipc", "--"));
        String last = "";
        for (List<String> t : tries) {
            List<String> probe = new ArrayList<>(t);
            probe.add("true");
            try {
                Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (p.waitFor() == 0) return t;
                last = out;
            } catch (IOException e) {
                throw new NotPermitted("--isolate needs unshare(1) from util-linux, which is not on the PATH ("
                        + e.getMessage() + ")");
            }
        }
        throw new NotPermitted("--isolate: this system does not let you make a private IPC namespace (" + last + "). "
                + "Run as root, or allow unprivileged user namespaces (sysctl user.max_user_namespaces > 0, "
                + "kernel.unprivileged_userns_clone=1 where it exists, and no AppArmor restriction on them)");
    }
}

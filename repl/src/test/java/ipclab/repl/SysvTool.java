package ipclab.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A System V object made by util-linux {@code ipcmk} for a test; {@link #close()} removes it with ipcrm. */
public record SysvTool(String kind, int id) implements AutoCloseable {
    /** {@code ipcmk -Q}: a message queue. */
    public static SysvTool queue() throws IOException {
        return make("msg", "-Q");
    }

    /** {@code ipcmk -M bytes}: a shared memory segment. */
    public static SysvTool segment(int bytes) throws IOException {
        return make("shm", "-M", Integer.toString(bytes));
    }

    /** {@code ipcmk -S n}: a semaphore set. */
    public static SysvTool semaphores(int n) throws IOException {
        return make("sem", "-S", Integer.toString(n));
    }

    private static SysvTool make(String kind, String... args) throws IOException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ipcmk";
        System.arraycopy(args, 0, cmd, 1, args.length);
        String text = exec(cmd);
        Matcher m = Pattern.compile("id: (\\d+)").matcher(text);
        if (!m.find()) throw new AssertionError("ipcmk printed no id: " + text);
        return new SysvTool(kind, Integer.parseInt(m.group(1)));
    }

    /** The key the kernel lists for this object, or empty when it is gone. */
    public java.util.OptionalInt key() throws IOException {
        java.util.List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc", kind));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.strip().split("\\s+");
            if (f[1].equals(Integer.toString(id))) return java.util.OptionalInt.of(Integer.parseInt(f[0]));
        }
        return java.util.OptionalInt.empty();
    }

    public boolean exists() throws IOException {
        return key().isPresent();
    }

    @Override
    public void close() throws IOException {
        if (!exists()) return;
        String flag =
                switch (kind) {
                    case "msg" -> "-q";
                    case "shm" -> "-m";
                    default -> "-s";
                };
        exec("ipcrm", flag, Integer.toString(id));
    }

    static String exec(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int rc = p.waitFor();
            if (rc != 0) throw new IOException(String.join(" ", cmd) + " exited " + rc + ": " + text.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
        return text;
    }
}

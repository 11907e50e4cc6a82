package ipclab.repl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code ipclab --version}: ipclab's version (from the build, through a filtered resource), the
 * Java runtime and the kernel, since figures depend on all three.
 */
public final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "ipclab " + ipclabVersion(),
            "java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
            "kernel " + kernel() + " (" + System.getProperty("os.arch") + ")"
        };
    }

    /** The project version the build stamped, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} outside a build. */
    public static String ipclabVersion() {
        return ipclab.repl.app.Version.ipclab();
    }

    /** The running kernel's release, from /proc (what uname -r prints). */
    public static String kernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return System.getProperty("os.name") + " " + System.getProperty("os.version");
        }
    }
}

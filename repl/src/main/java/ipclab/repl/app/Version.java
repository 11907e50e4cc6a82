package ipclab.repl.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** ipclab's own version, as the build stamped it: traces record it, and replay only their own. */
public final class Version {
    private static final String RESOURCE = "/ipclab/repl/version.properties";

    private Version() {}

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} outside a build. */
    public static String ipclab() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

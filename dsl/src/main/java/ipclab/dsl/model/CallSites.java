package ipclab.dsl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where a scenario built in Java was written: for each dotted path ({@code processes.producer},
 * {@code processes.producer.size}, {@code expect[0]}) the file and line of the builder call that
 * set it, the first caller outside ipclab's own model. The builders record them; the model's
 * records stay plain values (so equality and the YAML round trip are untouched) and the sites live
 * beside them, weakly, until the scenario is planned: a planner problem then names
 * {@code Hello.java:12} rather than only the scenario.
 */
public final class CallSites {
    /** A place in a source file. */
    public record Site(String file, int line) {}

    private static final Map<Object, Map<String, Site>> BUILT = Collections.synchronizedMap(new WeakHashMap<>());
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSites() {}

    /**
     * The first frame outside {@code ipclab.dsl.model} and {@code ipclab.dsl.Scenarios}: the user's
     * call; null when that is ipclab's own (the YAML reader, a sweep's copies: they have their places).
     */
    static Site caller() {
        return WALKER.walk(frames -> frames.filter(f -> !f.getClassName().startsWith("ipclab.dsl.model.")
                        && !f.getClassName().equals("ipclab.dsl.Scenarios"))
                .findFirst()
                .filter(f ->
                        !f.getClassName().startsWith("ipclab.dsl.") && f.getFileName() != null && f.getLineNumber() > 0)
                .map(f -> new Site(f.getFileName(), f.getLineNumber()))
                .orElse(null));
    }

    /** Records a path's site in a builder's table (nothing when the caller is unknown). */
    static void note(Map<String, Site> sites, String path) {
        Site s = caller();
        if (s != null) sites.putIfAbsent(path, s);
    }

    /** Attaches a built value's sites (paths relative to it). */
    static <T> T attach(T built, Map<String, Site> sites) {
        if (!sites.isEmpty()) BUILT.put(built, new LinkedHashMap<>(sites));
        return built;
    }

    /** The sites recorded for a built value (a scenario, a channel, a process), or none. */
    static Map<String, Site> of(Object built) {
        Map<String, Site> m = BUILT.get(built);
        return m == null ? Map.of() : m;
    }

    /**
     * Where the value at a scenario's {@code path} was set, or the nearest enclosing path's; null
     * when the scenario was not built in Java with sites (YAML, or no debug information).
     */
    public static Site find(Scenario s, String path) {
        Map<String, Site> sites = of(s);
        for (String p = path; p != null && !p.isEmpty(); p = parent(p)) {
            Site site = sites.get(p);
            if (site != null) return site;
        }
        return sites.get("");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}

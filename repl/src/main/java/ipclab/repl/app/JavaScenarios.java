package ipclab.repl.app;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Scenarios written in fluent Java ({@code examples/Race.java}): the file is compiled in this JVM
 * (javac from {@link ToolProvider}, class path = this JVM's) into a temporary directory, loaded by
 * a fresh class loader whose parent is the application's, and asked for its scenario:
 *
 * <ol>
 *   <li>{@code FILE#name}: the public static no-argument method {@code name()} or field {@code name}
 *       ({@code FILE#name[key]}: one scenario of a {@code Map} it gives);</li>
 *   <li>else its public static {@code Scenario scenario()} method;</li>
 *   <li>else every public static no-argument method and field giving a {@code Scenario} (or a
 *       {@code Map} of them), in the order they appear in the source.</li>
 * </ol>
 *
 * Compile errors come back as {@code file:line:col: message}; a file without any scenario as
 * {@code file: no public static Scenario scenario() method}. The file's own code does run, with
 * the user's rights: its static initialisers and the members asked for its scenarios (no other
 * member is called); no worker is started and nothing is kept: the temporary classes are deleted
 * before this returns.
 */
final class JavaScenarios {
    private JavaScenarios() {}

    /**
     * One scenario a Java file gives.
     *
     * @param member where it came from, as {@code FILE#member} selects it: {@code scenario}, {@code sweep}, {@code all[tcp]}, {@code FIELD}
     */
    record Found(String member, Scenario scenario) {}

    /** Is this argument a Java scenario file ({@code .java}, optionally with {@code #member})? */
    static boolean isJava(String arg) {
        return fileOf(arg).endsWith(".java");
    }

    /** {@code examples/Race.java#sweep} without the {@code #sweep}. */
    static String fileOf(String arg) {
        int hash = arg.lastIndexOf('#');
        return hash > 0 && arg.substring(0, hash).endsWith(".java") ? arg.substring(0, hash) : arg;
    }

    /** The member after {@code #}, or null. */
    static String memberOf(String arg) {
        String f = fileOf(arg);
        return f.length() < arg.length() ? arg.substring(f.length() + 1) : null;
    }

    /**
     * Compiles {@code arg} (a {@code .java} file, optionally {@code #member}) and returns its scenarios, not planned.
     *
     * @throws ScenarioException the file is missing, does not compile, has no scenario, or building it threw
     */
    static List<Found> load(String arg) throws ScenarioException {
        String name = fileOf(arg);
        String member = memberOf(arg);
        Path file = Path.of(name);
        String source = read(file, name);
        Path classes;
        try {
            classes = Files.createTempDirectory("ipclab-java");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot make a temporary directory for the compiled scenario: " + e.getMessage(), e);
        }
        try {
            compile(file, name, classes);
            String className = className(file, classes, name);
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaScenarios.class.getClassLoader())) {
                Class<?> c;
                try {
                    c = Class.forName(className, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw single(name, "cannot load class " + className + ": " + e);
                }
                return find(c, name, member, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the compiled scenario of " + name + ": " + e.getMessage(), e);
        } finally {
            delete(classes);
        }
    }

    private static String read(Path file, String name) throws ScenarioException {
        try {
            if (Files.isDirectory(file)) throw single(name, "is a directory; give a scenario file (.yaml or .java)");
            byte[] bytes = Files.readAllBytes(file);
            TextFiles.NotUtf8 bad = TextFiles.firstNotUtf8(bytes);
            if (bad != null) {
                throw new ScenarioException(List.of(new Diagnostic(
                        name,
                        bad.line(),
                        bad.column(),
                        "",
                        "not a text file: " + bad.describe() + "; a Java scenario is UTF-8 source")));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (IOException e) {
            throw single(name, "cannot be read: " + e.getMessage());
        }
    }

    private static void compile(Path file, String name, Path classes) throws ScenarioException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw single(
                    name,
                    "this Java runtime has no compiler (javax.tools); run ipclab with a full JDK "
                            + Runtime.version().feature() + ", not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        List<String> options = List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-implicit:none",
                "-encoding",
                "UTF-8");
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjects(file);
            ok = javac.getTask(null, fm, diags, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + name + ": " + e.getMessage(), e);
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() != javax.tools.Diagnostic.Kind.ERROR) continue;
            errors.add(new Diagnostic(
                    where(d, file, name),
                    (int) Math.max(0, d.getLineNumber()),
                    (int) Math.max(0, d.getColumnNumber()),
                    "",
                    oneLine(d.getMessage(Locale.ROOT))));
        }
        if (!ok || !errors.isEmpty()) {
            if (errors.isEmpty()) errors.add(new Diagnostic(name, 0, 0, "", "javac failed without saying why"));
            throw new ScenarioException(errors);
        }
    }

    /** The file as the user named it when javac speaks of it; another file (rare) by its own name. */
    private static String where(javax.tools.Diagnostic<? extends JavaFileObject> d, Path file, String name) {
        JavaFileObject src = d.getSource();
        if (src == null) return name;
        try {
            if (Path.of(src.toUri())
                    .toAbsolutePath()
                    .normalize()
                    .equals(file.toAbsolutePath().normalize())) return name;
            return Path.of(src.toUri()).toString();
        } catch (RuntimeException e) {
            return src.getName();
        }
    }

    /** javac's {@code cannot find symbol\n  symbol: ...\n  location: ...} on one line. */
    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", ", ").replaceAll(" {2,}", " ");
    }

    /** The binary name of the top-level class the file declares: found where javac wrote {@code Base.class}. */
    private static String className(Path file, Path classes, String name) throws ScenarioException {
        String base = file.getFileName().toString();
        base = base.substring(0, base.length() - ".java".length());
        String wanted = base + ".class";
        try (Stream<Path> s = Files.walk(classes)) {
            List<Path> hits =
                    s.filter(p -> p.getFileName().toString().equals(wanted)).toList();
            if (hits.isEmpty()) {
                throw single(
                        name,
                        "declares no class " + base + "; a scenario file declares a public class named like the file");
            }
            String rel = classes.relativize(hits.getFirst()).toString();
            return rel.substring(0, rel.length() - ".class".length()).replace(java.io.File.separatorChar, '.');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the compiled classes of " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<Found> find(Class<?> c, String name, String member, String source) throws ScenarioException {
        List<Member> candidates = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (Modifier.isPublic(mod)
                    && Modifier.isStatic(mod)
                    && m.getParameterCount() == 0
                    && gives(m.getReturnType())) candidates.add(m);
        }
        for (Field f : c.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && gives(f.getType())) candidates.add(f);
        }
        candidates.sort(
                Comparator.comparingInt((Member m) -> position(source, m)).thenComparing(Member::getName));
        List<Member> chosen;
        String key = null;
        String wanted = member;
        if (member != null && member.endsWith("]") && member.indexOf('[') > 0) {
            key = member.substring(member.indexOf('[') + 1, member.length() - 1);
            wanted = member.substring(0, member.indexOf('['));
        }
        if (wanted != null) {
            String w = wanted;
            chosen = candidates.stream().filter(m -> m.getName().equals(w)).toList();
            if (chosen.isEmpty()) {
                throw single(
                        name,
                        "no public static Scenario " + w + "() method or field " + w
                                + (candidates.isEmpty()
                                        ? ""
                                        : "; it has "
                                                + String.join(
                                                        ", ",
                                                        candidates.stream()
                                                                .map(Member::getName)
                                                                .toList())));
            }
        } else {
            chosen = candidates.stream()
                    .filter(m -> m instanceof Method
                            && m.getName().equals("scenario")
                            && ((Method) m).getReturnType() == Scenario.class)
                    .toList();
            if (chosen.isEmpty()) chosen = candidates;
            if (chosen.isEmpty()) {
                throw single(
                        name,
                        "no public static Scenario scenario() method; add one that returns the scenario, "
                                + "e.g. public static Scenario scenario() { return Scenario.named(\"demo\")...build(); }");
            }
        }
        List<Found> out = new ArrayList<>();
        for (Member m : chosen) {
            Object v = value(m, name);
            if (v instanceof Scenario s) {
                out.add(new Found(m.getName(), s));
            } else if (v instanceof Map<?, ?> map) {
                List<String> keys = new ArrayList<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getValue() instanceof Scenario s)) continue;
                    keys.add(String.valueOf(e.getKey()));
                    if (key == null || key.equals(String.valueOf(e.getKey())))
                        out.add(new Found(m.getName() + "[" + e.getKey() + "]", s));
                }
                if (key != null && out.isEmpty())
                    throw single(name, label(m) + " has no scenario " + key + "; it has " + String.join(", ", keys));
            } else if (v == null) {
                throw single(name, label(m) + " returned null instead of a Scenario");
            }
        }
        if (out.isEmpty())
            throw single(
                    name,
                    "no scenario: "
                            + String.join(
                                    ", ",
                                    chosen.stream().map(JavaScenarios::label).toList()) + " gave no Scenario");
        return out;
    }

    private static boolean gives(Class<?> type) {
        return type == Scenario.class || Map.class.isAssignableFrom(type);
    }

    static String label(Member m) {
        return m instanceof Method ? m.getName() + "()" : m.getName();
    }

    /** Where the member is declared in the source (methods: {@code name(}; fields: {@code name =}), for ordering. */
    private static int position(String source, Member m) {
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(m.getName())
                        + (m instanceof Method ? "\\s*\\(" : "\\s*[=;]"))
                .matcher(source);
        return x.find() ? x.start() : Integer.MAX_VALUE;
    }

    private static Object value(Member m, String name) throws ScenarioException {
        try {
            if (m instanceof Method method) {
                method.setAccessible(true);
                return method.invoke(null);
            }
            Field f = (Field) m;
            f.setAccessible(true);
            return f.get(null);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            throw single(
                    name,
                    label(m) + " threw " + t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        } catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError e) {
            Throwable t = e instanceof ExceptionInInitializerError x && x.getCause() != null ? x.getCause() : e;
            throw single(
                    name,
                    "cannot get " + label(m) + ": " + t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new Diagnostic(file, 0, 0, "", message)));
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}

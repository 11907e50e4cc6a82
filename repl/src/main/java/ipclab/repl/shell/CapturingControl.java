package ipclab.repl.shell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's local execution engine that also keeps the live objects: after each snippet runs, the
 * static fields of its wrapper class (where JShell keeps variables such as {@code s} in
 * {@code var s = ...} and temporaries such as {@code $1}) are indexed by name, so that the shell
 * gets the very object a snippet made, not its {@code toString()}.
 */
final class CapturingControl extends LocalExecutionControl {
    private final Map<String, Field> vars = new ConcurrentHashMap<>();

    CapturingControl(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        try {
            return super.invoke(doit); // keeps JShell's thread and its stop() semantics
        } finally {
            index(doit.getDeclaringClass());
        }
    }

    private void index(Class<?> wrapper) {
        for (Field f : wrapper.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
            try {
                f.setAccessible(true);
                vars.put(f.getName(), f);
            } catch (RuntimeException e) {
                // a field we cannot open is one we cannot show live; its string form still prints
            }
        }
    }

    /** The current value of a snippet variable, or null when there is none. */
    Object valueOf(String name) {
        Field f = vars.get(name);
        if (f == null) return null;
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** Sets a snippet variable the shell declared ({@code $last}, {@code $err}); false when it is not there or not of that type. */
    boolean set(String name, Object value) {
        Field f = vars.get(name);
        if (f == null || (value != null && !f.getType().isInstance(value))) return false;
        try {
            f.set(null, value);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }
}

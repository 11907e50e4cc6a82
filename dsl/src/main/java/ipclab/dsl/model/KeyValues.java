package ipclab.dsl.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a channel's or a process's keys, by {@link Key}: parsed from YAML text, written
 * back as YAML text, and read from the record component of the key's name. This is what lets a
 * new key be one table row and one record component (the builder's setter is generated from it),
 * with no switch to extend.
 */
final class KeyValues {
    private final Key.Scope scope;
    private final Class<? extends Record> record;
    private final Map<Key, Object> values = new EnumMap<>(Key.class);

    KeyValues(Key.Scope scope, Class<? extends Record> record) {
        this.scope = scope;
        this.record = record;
    }

    /**
     * Every key of the scope, with the record's values; a map or a collection that a builder adds
     * to (a scenario's channels, its claims) gets the record's entries added.
     */
    void putAll(Record r) {
        for (Key k : Key.of(scope)) {
            Object v = component(r, k.component());
            switch (values.get(k)) {
                case Map<?, ?> held when v instanceof Map<?, ?> more -> putInto(held, more);
                case Collection<?> held when v instanceof Collection<?> more -> addInto(held, more);
                case null, default -> values.put(k, v);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void putInto(Map<K, V> held, Map<?, ?> more) {
        held.putAll((Map<K, V>) more);
    }

    @SuppressWarnings("unchecked")
    private static <E> void addInto(Collection<E> held, Collection<?> more) {
        held.addAll((Collection<E>) more);
    }

    Object get(Key k) {
        return values.get(k);
    }

    KeyValues put(Key k, Object value) {
        values.put(k, value);
        return this;
    }

    /**
     * The record of these values, made by its canonical constructor: the component {@code name}
     * (channels and processes have one; it is not a key) gets {@code name}, every other one the
     * value of its key. A new key so needs no cast list in a builder.
     */
    <R extends Record> R build(String name) {
        RecordComponent[] cs = record.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = cs[i].getName().equals("name") ? name : values.get(keyOf(cs[i].getName()));
        }
        try {
            @SuppressWarnings("unchecked")
            R r = (R) record.getDeclaredConstructor(types).newInstance(args);
            return r;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re; // the record's own check, for the user
            throw new IllegalStateException("cannot make a " + record.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + record.getSimpleName(), e);
        }
    }

    /** The key of a record component of this scope ({@code holdFor} is {@code for}'s). */
    Key keyOf(String component) {
        for (Key k : Key.of(scope)) if (k.component().equals(component)) return k;
        throw new IllegalStateException(record.getSimpleName() + "." + component + " has no key");
    }

    /** Sets a key from its YAML text; the exception's message is for the user. */
    void set(String key, String text) {
        String what = scope.name().toLowerCase(Locale.ROOT);
        Key k = Key.find(scope, key);
        List<String> names = scope.keys();
        if (k == null) {
            throw new IllegalArgumentException("unknown " + what + " key '" + key + "'; valid keys: "
                    + String.join(", ", names) + Suggestions.didYouMean(key, names));
        }
        Class<?> as = componentType(record, k.component());
        if (k.component().equals("name") || Collection.class.isAssignableFrom(as) || Map.class.isAssignableFrom(as))
            throw new IllegalArgumentException(
                    "the " + what + " key '" + key + "' is not set from text; the builder has a method for it");
        values.put(k, parse(k, text, as));
    }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    static String text(Record r, String key) {
        Key.Scope scope = Key.Scope.of(r.getClass());
        Key k = Key.find(scope, key);
        if (k == null)
            throw new IllegalArgumentException("no " + scope.name().toLowerCase(Locale.ROOT) + " key " + key);
        Object v = component(r, k.component());
        if (v == null) return null;
        if (v instanceof Enum<?> e) return Names.yaml(e);
        if (v instanceof Duration d) return Durations.format(d);
        return v.toString();
    }

    private static Object parse(Key k, String text, Class<?> as) {
        return switch (k.type()) {
            case ValueType.Whole(long minimum, Long maximum) -> {
                long v = Values.integer(text, k.yaml(), minimum);
                if (as == Integer.class) yield Integer.valueOf(Math.toIntExact(Math.min(v, Integer.MAX_VALUE)));
                yield Long.valueOf(v); // two yields, not a ternary: that would widen the int to a long
            }
            case ValueType.Plain.SIZE -> Values.size(text);
            case ValueType.Plain.DURATION -> Values.duration(text);
            case ValueType.Plain.RATE -> Values.rate(text);
            case ValueType.Choice(var choices) -> enumValue(choices, text);
            case ValueType.Plain.CPUS -> CpuList.parse(text);
            case ValueType.Plain other -> text.strip();
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<? extends Enum<?>> type, String text) {
        return Values.enumValue((Class) type, text);
    }

    /** The name of a channel or process record. */
    static String nameOf(Record r) {
        return (String) component(r, "name");
    }

    private static Object component(Record r, String name) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (!c.getName().equals(name)) continue;
            try {
                return c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + name + " of " + r.getClass().getSimpleName(), e);
            }
        }
        throw new IllegalStateException(r.getClass().getSimpleName() + " has no component " + name + " for its key");
    }

    private static Class<?> componentType(Class<? extends Record> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) if (c.getName().equals(name)) return c.getType();
        throw new IllegalStateException(record.getSimpleName() + " has no component " + name + " for its key");
    }
}

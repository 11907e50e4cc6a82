package ipclab.dsl.model;

import java.util.Locale;

/** YAML spelling of enum constants: lower case, '-' for '_' ({@code UNIX_DGRAM} is {@code unix-dgram}). */
public final class Names {
    private Names() {}

    public static String yaml(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) if (yaml(e).equals(text)) return e;
        throw new IllegalArgumentException("'" + text + "' is not one of " + choices(type));
    }

    public static <E extends Enum<E>> String choices(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (!sb.isEmpty()) sb.append(" | ");
            sb.append(yaml(e));
        }
        return sb.toString();
    }
}

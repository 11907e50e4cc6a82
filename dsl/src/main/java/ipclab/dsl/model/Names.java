package ipclab.dsl.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** YAML spelling of enum constants: lower case, '-' for '_' ({@code UNIX_DGRAM} is {@code unix-dgram}). */
public final class Names {
    private Names() {}

    public static String yaml(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant's name in camel case, as claims and reports name figures: {@code SYSCALLS_PER_MESSAGE} is {@code syscallsPerMessage}. */
    public static String camel(Enum<?> e) {
        StringBuilder out = new StringBuilder();
        for (String word : e.name().toLowerCase(Locale.ROOT).split("_"))
            out.append(out.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        return out.toString();
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) if (yaml(e).equals(text)) return e;
        throw new IllegalArgumentException("'" + text + "' is not one of " + choices(type));
    }

    public static <E extends Enum<E>> String choices(Class<E> type) {
        return list(type, Names::yaml, " | ");
    }

    /** The constant of {@code type} called {@code text}, by the name {@code name} gives each (its YAML or report name). */
    public static <E extends Enum<E>> Optional<E> named(Class<E> type, Function<E, String> name, String text) {
        for (E e : type.getEnumConstants()) if (name.apply(e).equals(text)) return Optional.of(e);
        return Optional.empty();
    }

    /** The names {@code name} gives the constants of {@code type}, in order, joined by {@code separator}. */
    public static <E extends Enum<E>> String list(Class<E> type, Function<E, String> name, String separator) {
        return String.join(
                separator, Arrays.stream(type.getEnumConstants()).map(name).toList());
    }
}

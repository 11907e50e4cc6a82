package ipclab.dsl.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scalar values as scenarios write them, parsed with messages that say what would be valid. Every
 * method throws {@link IllegalArgumentException} whose message is meant for the user as it is.
 */
public final class Values {
    private Values() {}

    /** Units people write for sizes, by the unit meant: "KiB K k KB" reads K, k and KB as KiB. */
    private static final Map<String, String> SIZE_UNIT_MISTAKES =
            corrections("KiB K k KB kB kb Kb kib KIB Ki", "MiB M MB mb mib MIB Mi", "GiB G GB gib", "B b bytes byte");

    private static final Map<String, String> DURATION_UNIT_MISTAKES = corrections(
            "s sec secs second seconds S",
            "ms msec millis MS",
            "us µs μs mus usec micros",
            "m min mins minutes h",
            "ns nsec nanos");

    private static Map<String, String> corrections(String... lines) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            for (int i = 1; i < words.length; i++) out.put(words[i], words[0]);
        }
        return Map.copyOf(out);
    }

    /**
     * The unit meant by a size or duration unit written wrong ({@code KB}: {@code KiB}, {@code usec}:
     * {@code us}), or {@code null}. Claims, which also take {@code k} and {@code M}, ask this too.
     */
    public static String unitMeant(String unit) {
        String size = SIZE_UNIT_MISTAKES.get(unit);
        return size != null ? size : DURATION_UNIT_MISTAKES.get(unit);
    }

    /** {@code 64}, {@code 64B}, {@code 4KiB}, {@code 1MiB}, {@code 1GiB}. */
    public static ByteSize size(String text) {
        String t = text.strip();
        if (t.startsWith("-")) throw new IllegalArgumentException("size=" + t + " must not be negative");
        String unit = trailingUnit(t);
        if (!unit.isEmpty()
                && unit.length() < t.length()
                && !List.of("B", "KiB", "MiB", "GiB").contains(unit)) {
            throw unknownUnit(t, unit, "size", "B, KiB, MiB, GiB", SIZE_UNIT_MISTAKES);
        }
        return ByteSize.parse(t);
    }

    /** {@code 500ns}, {@code 50us}, {@code 10ms}, {@code 5s}, {@code 2m}. */
    public static Duration duration(String text) {
        String t = text.strip();
        if (t.startsWith("-")) throw new IllegalArgumentException("duration=" + t + " must not be negative");
        String unit = trailingUnit(t);
        if (unit.length() == t.length()) return Durations.parse(t);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + t + "' needs a unit; write " + t + "ms or " + t + "s (units: ns, us, ms, s, m)");
        }
        if (!List.of("ns", "us", "ms", "s", "m").contains(unit)) {
            throw unknownUnit(t, unit, "duration", "ns, us, ms, s, m", DURATION_UNIT_MISTAKES);
        }
        return Durations.parse(t);
    }

    /** {@code 500/s}, {@code 20k/s}, {@code 1M/s}. */
    public static Rate rate(String text) {
        String t = text.strip();
        if (t.startsWith("-")) throw new IllegalArgumentException("rate=" + t + " must be positive");
        if (!t.endsWith("/s") && !t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + t + "' needs a unit; write " + t + "/s");
        }
        return Rate.parse(t);
    }

    /** A whole number, underscores allowed ({@code 10_000}), at least {@code min}. */
    public static long integer(String text, String key, long min) {
        String t = text.strip().replace("_", "");
        long v;
        try {
            v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            if (t.matches("[-+]?[0-9]+"))
                throw new IllegalArgumentException(key + "=" + shown(text.strip()) + " is too large");
            throw new IllegalArgumentException("'" + text.strip() + "' is not a whole number; write e.g. '" + key + ": "
                    + example(key) + "'" + (t.matches("[0-9]+[a-zA-Z/]+") ? " (no unit)" : ""));
        }
        if (v < min) throw new IllegalArgumentException(key + "=" + v + " must be at least " + min);
        return v;
    }

    /** An enum constant by its YAML spelling ({@link Names#yaml}), with "did you mean" for a misspelling. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        String t = text.strip();
        List<String> spellings = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (Names.yaml(e).equals(t)) return e;
            spellings.add(Names.yaml(e));
        }
        throw new IllegalArgumentException(
                "'" + t + "' is not one of " + Names.choices(type) + Suggestions.didYouMean(t, spellings));
    }

    /** {@code digits} (only digits) times {@code mult}; else the exception says what a {@code what} looks like. */
    static long times(String digits, long mult, String text, String what, String examples) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what + "; write " + examples);
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), mult);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + shown(text) + "' is too large a " + what);
        }
    }

    /** A long number as a message shows it: its first digits and how many there are, not 20,000 of them. */
    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "...(" + text.length() + " characters)";
    }

    private static String example(String key) {
        String e = Key.exampleOf(key);
        return e == null ? "1" : e;
    }

    private static IllegalArgumentException unknownUnit(
            String t, String unit, String what, String units, Map<String, String> mistakes) {
        String fix = mistakes.get(unit);
        return new IllegalArgumentException("'" + t + "': unknown " + what + " unit '" + unit + "'; units are " + units
                + (fix == null
                        ? ""
                        : "; did you mean '"
                                + t.substring(0, t.length() - unit.length()).strip() + fix + "'?"));
    }

    private static String trailingUnit(String t) {
        int i = t.length();
        while (i > 0 && !Character.isDigit(t.charAt(i - 1)) && t.charAt(i - 1) != '_') i--;
        return t.substring(i).strip();
    }
}

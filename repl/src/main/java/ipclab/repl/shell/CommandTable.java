package ipclab.repl.shell;

import ipclab.dsl.model.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell's commands, each registered once. A command is found by its name or by any prefix
 * that only it has ({@code /l} is {@code /load}); an ambiguous prefix lists the candidates, and a
 * typo gets "did you mean" from the DSL's {@link Suggestions}.
 */
final class CommandTable {
    private final Map<String, Command> byName = new LinkedHashMap<>();

    /** Adds a row; a name may be registered once. */
    CommandTable add(Command c) {
        if (byName.putIfAbsent(c.name(), c) != null)
            throw new IllegalArgumentException("command /" + c.name() + " is registered twice");
        return this;
    }

    /** Every command, in the order they were added. */
    Collection<Command> all() {
        return byName.values();
    }

    /** The commands {@code /help} lists and Tab offers. */
    List<Command> visible() {
        return byName.values().stream()
                .filter(c -> c.kind() != Command.Kind.HIDDEN)
                .toList();
    }

    /** What a typed name (without the slash) is. */
    sealed interface Lookup {}

    record Found(Command command) implements Lookup {}

    record Ambiguous(String typed, List<String> candidates) implements Lookup {}

    record Unknown(String typed, String suggestion) implements Lookup {}

    Lookup find(String typed) {
        Command exact = byName.get(typed);
        if (exact != null) return new Found(exact);
        List<Command> prefixed = new ArrayList<>();
        for (Command c : visible()) if (!typed.isEmpty() && c.name().startsWith(typed)) prefixed.add(c);
        if (prefixed.size() == 1) return new Found(prefixed.getFirst());
        if (prefixed.size() > 1)
            return new Ambiguous(
                    typed, prefixed.stream().map(c -> "/" + c.name()).toList());
        List<String> names = visible().stream().map(Command::name).toList();
        return new Unknown(
                typed, Suggestions.closest(typed, names).map(n -> "/" + n).orElse(null));
    }

    /** The error line for a lookup that found nothing: {@code /lo is ambiguous: /load, /log}. */
    static String explain(Lookup l) {
        return switch (l) {
            case Found f -> "";
            case Ambiguous a -> "/" + a.typed() + " is ambiguous: " + String.join(", ", a.candidates());
            case Unknown u ->
                "no command /" + u.typed() + (u.suggestion() == null ? "" : "; did you mean " + u.suggestion() + "?")
                        + " (/help lists them)";
        };
    }
}

package ipclab.repl.shell;

import java.util.List;

/**
 * One row of the shell's command table: everything about a command in one place.
 *
 * @param name      without the slash: {@code load}
 * @param synopsis  its arguments as help shows them: {@code FILE}
 * @param help      what it does, a paragraph
 * @param handler   does it
 * @param completer completes its arguments
 * @param kind      its group in {@code /help}; {@link Kind#HIDDEN} ones are not listed
 */
record Command(String name, String synopsis, String help, Handler handler, ArgCompleter completer, Kind kind) {
    /** The groups {@code /help} lists commands in, in this order. */
    enum Kind {
        SCENARIO("Scenarios"),
        STEP("Stepping"),
        INSPECT("Looking inside"),
        SESSION("The session"),
        HIDDEN("");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    /** Runs a command. */
    @FunctionalInterface
    interface Handler {
        /**
         * @param args the words after the command's name (quotes removed)
         * @return true when it worked; a failure has printed why
         */
        boolean run(List<String> args) throws Exception;
    }

    /** The candidates for the word being typed, given the words before it (the command's name excluded). */
    @FunctionalInterface
    interface ArgCompleter {
        ArgCompleter NONE = (before, word) -> List.of();

        List<String> complete(List<String> before, String word);
    }

    /** {@code /load FILE}. */
    String usage() {
        return "/" + name + (synopsis.isEmpty() ? "" : " " + synopsis);
    }
}

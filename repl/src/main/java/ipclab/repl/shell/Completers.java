package ipclab.repl.shell;

import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Argument completers for the command table's rows: files, scenarios (files and Java variables
 * holding a {@link Scenario}), options, help topics, and the loaded scenario's process and
 * channel names (for the stepping commands' rows). A candidate ending in {@code /} is a directory.
 */
final class Completers {
    private final Shell shell;

    Completers(Shell shell) {
        this.shell = shell;
    }

    Command.ArgCompleter files() {
        return (before, word) -> files(word);
    }

    /** Files, and the variables whose value is a Scenario. */
    Command.ArgCompleter scenarios() {
        return (before, word) -> {
            if (!before.isEmpty()) return List.of();
            List<String> out = new ArrayList<>(shell.java.varsOf(Scenario.class).stream()
                    .filter(v -> v.startsWith(word))
                    .toList());
            out.addAll(files(word));
            return out;
        };
    }

    /** {@code --json FILE}: the option, then a file. */
    Command.ArgCompleter option(String option) {
        return (before, word) ->
                !before.isEmpty() && before.getLast().equals(option) ? files(word) : prefixed(List.of(option), word);
    }

    /** {@code /start}: its options, the scheduler names after --schedule, else scenarios. */
    Command.ArgCompleter startArgs() {
        return scenarioArgs("--schedule", "--step", "--schedule", "--seed", "--depth");
    }

    /** {@code /explore}: its options, the strategies after --strategy, else scenarios. */
    Command.ArgCompleter exploreArgs() {
        return scenarioArgs("--strategy", "--runs", "--strategy", "--depth", "--seed", "--shrink-runs");
    }

    /** A command on a scenario: its options, a schedule strategy (random, pct) after {@code strategyOption}, else scenarios. */
    private Command.ArgCompleter scenarioArgs(String strategyOption, String... options) {
        Command.ArgCompleter scenarios = scenarios();
        return (before, word) -> {
            if (!before.isEmpty() && before.getLast().equals(strategyOption))
                return prefixed(List.of("random", "pct"), word);
            if (word.startsWith("-")) return prefixed(List.of(options), word);
            return scenarios.complete(before, word);
        };
    }

    Command.ArgCompleter options(String... options) {
        return (before, word) -> prefixed(List.of(options), word);
    }

    /** Command names (with or without the slash) and help subjects. */
    Command.ArgCompleter helpTopics() {
        return (before, word) -> {
            if (!before.isEmpty()) return List.of();
            List<String> all = new ArrayList<>(
                    shell.table.visible().stream().map(Command::name).toList());
            all.addAll(Help.SUBJECTS.keySet());
            return prefixed(all, word.startsWith("/") ? word.substring(1) : word);
        };
    }

    /** The loaded scenario's processes (after replicas: {@code counter-1}). */
    Command.ArgCompleter processes() {
        return (before, word) -> !before.isEmpty()
                ? List.of()
                : prefixed(
                        plan().stream()
                                .flatMap(p -> p.processes().stream().map(x -> x.name()))
                                .toList(),
                        word);
    }

    /** The loaded scenario's channels. */
    Command.ArgCompleter channels() {
        return (before, word) -> !before.isEmpty()
                ? options("--hex").complete(before, word)
                : prefixed(
                        plan().stream()
                                .flatMap(p -> p.channels().stream().map(x -> x.name()))
                                .toList(),
                        word);
    }

    /** {@code /break}: a process then its operations, or a channel then its fields. */
    Command.ArgCompleter breakpoints() {
        return (before, word) -> {
            List<String> procs = plan().stream()
                    .flatMap(p -> p.processes().stream().map(x -> x.name()))
                    .toList();
            List<String> chans = plan().stream()
                    .flatMap(p -> p.channels().stream().map(x -> x.name()))
                    .toList();
            if (before.isEmpty()) {
                List<String> all = new ArrayList<>(procs);
                all.addAll(chans);
                return prefixed(all, word);
            }
            if (before.size() > 1) return List.of();
            if (procs.contains(before.getFirst())) {
                return prefixed(
                        java.util.Arrays.stream(ipclab.engine.protocol.StepOp.values())
                                .map(o -> o.wireName())
                                .toList(),
                        word);
            }
            return prefixed(Breakpoints.FIELDS, word);
        };
    }

    private List<Plan> plan() {
        List<LabAdapter.Loaded> l = shell.session.loaded;
        return l.isEmpty() ? List.of() : List.of(l.getFirst().plans().getFirst());
    }

    static List<String> prefixed(List<String> names, String word) {
        return names.stream().filter(n -> n.startsWith(word)).distinct().toList();
    }

    /** Entries of the word's directory whose names start with the rest of the word; directories end in '/'. */
    static List<String> files(String word) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash >= 0 ? word.substring(0, slash + 1) : "";
        String namePart = word.substring(slash + 1);
        Path dir = Path.of(dirPart.isEmpty() ? "." : expand(dirPart));
        if (!Files.isDirectory(dir)) return List.of();
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(namePart) || (n.startsWith(".") && !namePart.startsWith("."))) continue;
                out.add(dirPart + n + (Files.isDirectory(p) ? "/" : ""));
            }
        } catch (IOException e) {
            return List.of();
        }
        try (Stream<String> s = out.stream()) {
            return s.sorted().toList();
        }
    }

    private static String expand(String dir) {
        return dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir;
    }
}

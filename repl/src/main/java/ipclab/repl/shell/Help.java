package ipclab.repl.shell;

import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /help}: the commands by group, one command in full, or a subject. */
final class Help {
    /** Subjects beyond the commands, by name. */
    static final Map<String, String> SUBJECTS = subjects();

    private final Shell shell;

    Help(Shell shell) {
        this.shell = shell;
    }

    private static Map<String, String> subjects() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", """
                Anything that does not start with '/' is Java, evaluated by JShell in this JVM, with
                  import static ipclab.dsl.Scenarios.*;  import ipclab.dsl.model.*;  import ipclab.engine.run.RunReport;
                so a scenario can be built and run as it is:
                  var s = Scenario.named("hi").channel(msgq("q")).process(writer("w").channel("q").messages(100)).process(reader("r").channel("q")).build();
                  /run s
                $last is the last run's report (a RunReport: $last.channels(), $last.ok()...); $err the last error.
                Tab completes Java too; /vars lists the variables.""");
        m.put("scripts", """
                'ipclab repl FILE' runs a script, 'ipclab repl -c "/load x.yaml; /run"' the commands given, with the
                same output as typed. One command per line (or separated by ';'), Java as in the shell, '#' starts a
                comment line. The exit code is 1 when a command or a snippet failed, else 0. /save FILE writes the
                session as such a script; /open FILE runs one.""");
        m.put("keys", """
                Tab completes commands, options, files, variables, process and channel names, and Java. An empty line
                repeats the last /step while a run is held. Up and Down walk the history, kept in
                $XDG_STATE_HOME/ipclab/repl_history (mode 0600). Ctrl-C stops the run, /step N, /continue or snippet
                in progress (a run is cleaned up); the shell goes on. Ctrl-D (or /exit) leaves. A command may be shortened to any prefix
                only it has: /l for /load.""");
        return m;
    }

    boolean show(List<String> args) {
        PrintWriter out = shell.out();
        if (args.isEmpty()) {
            int width = shell.table.visible().stream()
                    .mapToInt(c -> c.usage().length())
                    .max()
                    .orElse(10);
            for (Command.Kind k : Command.Kind.values()) {
                List<Command> cs = shell.table.visible().stream()
                        .filter(c -> c.kind() == k)
                        .toList();
                if (cs.isEmpty()) continue;
                out.println(shell.style().paint(Style.Tone.HEAD, k.title));
                for (Command c : cs) out.printf("  %-" + width + "s  %s%n", c.usage(), firstSentence(c.help()));
            }
            out.println("Subjects: /help " + String.join(", /help ", SUBJECTS.keySet())
                    + ". Anything not starting with '/' is Java (/help java).");
            return true;
        }
        if (args.size() > 1) {
            shell.error("usage: /help [COMMAND|SUBJECT]");
            return false;
        }
        String topic = args.getFirst();
        String subject = SUBJECTS.get(topic);
        if (subject != null) {
            out.println(subject);
            return true;
        }
        CommandTable.Lookup l = shell.table.find(topic.startsWith("/") ? topic.substring(1) : topic);
        if (l instanceof CommandTable.Found(Command c)) {
            out.println(shell.style().paint(Style.Tone.HEAD, c.usage()));
            out.println("  " + c.help());
            return true;
        }
        if (l instanceof CommandTable.Unknown u && !topic.startsWith("/")) {
            String s = ipclab.dsl.model.Suggestions.closest(topic, SUBJECTS.keySet())
                    .orElse(null);
            if (s != null) {
                shell.error("no command or subject " + topic + "; did you mean " + s + "?");
                return false;
            }
        }
        shell.error(CommandTable.explain(l).replace("(/help lists them)", "(/help lists commands and subjects)"));
        return false;
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot < 0 ? s : s.substring(0, dot + 1);
    }
}

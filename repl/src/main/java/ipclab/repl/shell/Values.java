package ipclab.repl.shell;

import ipclab.dsl.model.Scenario;
import ipclab.engine.run.RunReport;

/** How the shell shows a snippet's value: ipclab's own objects in a line, anything else as JShell prints it. */
final class Values {
    private Values() {}

    static String show(Object live, String printed) {
        return switch (live) {
            case Scenario s ->
                "scenario '" + s.name() + "': " + count(s.processes().size(), "process", "processes") + ", "
                        + count(s.channels().size(), "channel", "channels");
            case RunReport r ->
                "report of '" + r.scenario() + "': " + (r.ok() ? "ok" : "failed") + ", " + r.durationMs() + " ms";
            case null, default -> printed;
        };
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

package ipclab.repl.cli;

import ipclab.repl.app.Cleanup;
import ipclab.repl.app.Lab;
import picocli.CommandLine.Command;

/** {@code ipclab clean}: remove what dead ipclab runs left behind, and only that. */
@Command(name = "clean")
public final class CleanCommand extends CliCommand {

    @Override
    public Integer call() {
        Cleanup r = new Lab().clean();
        for (String s : r.quarantined()) cli.err().println("ipclab: damaged run registry file " + s);
        if (r.removed().isEmpty()) cli.out().println("nothing to clean");
        for (String s : r.removed()) cli.out().println("removed " + s);
        for (String s : r.skipped()) cli.out().println("left    " + s);
        if (r.staleRuns() > 0) {
            cli.out()
                    .println(r.staleRuns() + (r.staleRuns() == 1 ? " stale run record" : " stale run records")
                            + " deleted");
        }
        return ExitCodes.OK;
    }
}

package ipclab.repl.cli;

import ipclab.dsl.ScenarioException;
import ipclab.repl.app.Lab;
import ipclab.repl.app.LoadedScenario;
import ipclab.repl.report.RunNotes;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipclab validate FILE...}: check scenarios against the model and this kernel's limits; run nothing. */
@Command(name = "validate")
public final class ValidateCommand extends CliCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "FILE")
    List<String> files;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Override
    public Integer call() {
        Lab lab = new Lab();
        int invalid = 0;
        int problems = 0;
        List<Path> paths = FileArgs.expand(files);
        for (Path f : paths) {
            String notice = Lab.codeNotice(f);
            if (notice != null) cli.err().println(notice);
            try {
                for (LoadedScenario s : lab.load(f)) {
                    cli.out().println("ok  " + s.label() + "  (" + s.summary() + ")");
                    if (verbose)
                        for (String l : new RunNotes(cli.style())
                                .description(s.scenario().description()))
                            cli.out().println("    " + l);
                }
            } catch (ScenarioException e) {
                invalid++;
                problems += printProblems(e);
            }
        }
        if (invalid > 0 && paths.size() > 1) {
            cli.err()
                    .println(problems + (problems == 1 ? " problem" : " problems") + " in " + invalid + " of "
                            + paths.size() + " files");
        }
        return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}

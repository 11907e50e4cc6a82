package ipclab.engine.run;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario file freely and writes the JSON report: a driver for measurements (strace,
 * start-up) without the command line. {@code RunScenario FILE JSON_OUT [stateDir]}; exit status as ipclab's.
 */
public final class RunScenario {
    public static void main(String[] args) throws Exception {
        List<Plan> plans = ScenarioLoader.load(Path.of(args[0])).plans();
        RunOptions o = RunOptions.defaults();
        if (args.length > 2) o = o.with(set -> set.stateDir = Path.of(args[2]));
        List<RunReport> reports = new ArrayList<>();
        for (Plan p : plans) reports.add(Engine.run(p, o));
        if (reports.size() == 1) ReportJson.write(reports.getFirst(), Path.of(args[1]));
        else ReportJson.write(reports, Path.of(args[1]));
        // ipclab's exit status (repl's ExitCodes): 0 ok, 1 failed, 3 refuted
        System.exit(
                switch (Outcome.worst(reports)) {
                    case OK -> 0;
                    case FAILED -> 1;
                    case REFUTED -> 3;
                });
    }
}

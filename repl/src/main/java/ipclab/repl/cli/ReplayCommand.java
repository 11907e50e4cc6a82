package ipclab.repl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ipclab.engine.run.Outcome;
import ipclab.engine.schedule.Divergence;
import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.repl.app.Lab;
import ipclab.repl.app.ReplayResult;
import ipclab.repl.app.RunSettings;
import ipclab.repl.report.FigureComparison;
import ipclab.repl.report.RunTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ipclab replay [TRACE]}: a stepped trace is enforced step by step and every outcome
 * checked; a free run's trace is run again and its figures set beside the recorded ones.
 */
@Command(name = "replay")
public final class ReplayCommand extends CliCommand {
    @Mixin
    TraceArgument trace;

    @Option(names = "--json", paramLabel = "FILE")
    Path json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunCommand.checkWritable(json);
        Lab lab = new Lab();
        Trace t = trace.read(lab);
        ReplayResult r;
        try {
            lab.cleanStale();
            r = lab.traces().replay(t, RunSettings.defaults());
        } catch (TraceException e) {
            throw new InputException(e.getMessage());
        }
        cli.err()
                .println("replayed " + t.scenario().name() + " (" + t.scenario().source() + "), recorded "
                        + t.createdAt() + ", "
                        + (t.stepped()
                                ? "schedule " + t.scheduler() + ", " + Schedules.summary(t.steps())
                                : "a free run"));
        int code;
        if (r.stepped()) {
            new RunTable(cli.style()).render(r.runs().getFirst()).forEach(cli.out()::println);
            cli.out().println();
            Divergence d = r.divergence();
            if (r.identical()) {
                cli.out()
                        .println(cli.style().pass() + " identical (" + r.steps().size() + " steps)");
                code = ExitCodes.OK;
            } else {
                cli.out()
                        .println(cli.style().fail() + " differs at "
                                + (d != null
                                        ? d.toString()
                                        : "step " + (r.steps().size() + 1) + ": the run ended after "
                                                + r.steps().size() + " of "
                                                + t.steps().size() + " steps"));
                code = ExitCodes.FAILURE;
            }
        } else {
            cli.out()
                    .println(
                            "A free run's interleaving cannot be reproduced: the kernel chose it. This replay ran the same "
                                    + "scenario with the same payloads (seed " + t.seed()
                                    + ") again; the figures beside the recorded ones:");
            cli.out().println();
            new FigureComparison(cli.style()).render(t.reports(), r.runs()).forEach(cli.out()::println);
            code = ExitCodes.of(Outcome.worst(r.runs()));
        }
        if (json != null) writeJson(r);
        return code;
    }

    private void writeJson(ReplayResult r) throws IOException {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("scenario", r.trace().scenario().name());
        top.put("stepped", r.stepped());
        top.put("identical", r.identical());
        top.put("steps", r.steps().size());
        top.put("divergence", r.divergence());
        top.put("recorded", r.trace().reports());
        top.put("runs", r.runs());
        try {
            Files.writeString(
                    json,
                    new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(top) + "\n");
        } catch (IOException e) {
            throw new IOException("cannot write the JSON to " + json + ": " + e.getMessage(), e);
        }
    }
}

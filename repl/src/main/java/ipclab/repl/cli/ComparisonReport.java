package ipclab.repl.cli;

import ipclab.dsl.verdict.Verdict;
import ipclab.engine.run.Outcome;
import ipclab.repl.app.ComparisonRuns;
import ipclab.repl.app.ScenarioResult;
import ipclab.repl.compare.Comparison;
import ipclab.repl.compare.ComparisonFiles;
import ipclab.repl.compare.ConditionsCollector;
import ipclab.repl.compare.VerdictTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The end of {@code ipclab run} for a scenario with {@code compare:} claims: the conditions taken
 * before the first run and after the last, the verdicts table on stdout, the report folder written,
 * and a refuted claim named (exit 3).
 */
final class ComparisonReport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Cli cli;
    private final String title;
    private final ConditionsCollector conditions;

    private ComparisonReport(Cli cli, String title) {
        this.cli = cli;
        this.title = title;
        this.conditions = ConditionsCollector.start(VersionInfo.ipclabVersion());
    }

    /** Takes the load average now, before the first run. */
    static ComparisonReport start(Cli cli, Path file) {
        return new ComparisonReport(cli, title(file));
    }

    /** {@code reports/compare-20261124-231500} for {@code scenarios/compare.yaml}. */
    static Path defaultFolder(Path file) {
        return Path.of("reports", title(file) + "-" + LocalDateTime.now().format(STAMP));
    }

    /** A folder that cannot be written would waste a long run: checked before it. */
    static void checkWritable(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs))
            throw new InputException("--out " + dir + " is a file; give a folder");
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isWritable(existing))
            throw new InputException("--out " + dir + ": " + existing + " is not writable");
    }

    /** Prints the verdicts, writes the folder; REFUTED when a claim is refuted, else OK. */
    Outcome finish(List<ScenarioResult> results, Path dir) throws IOException {
        int repeats =
                results.stream().mapToInt(r -> r.scenario().repeats()).max().orElse(1);
        Comparison c = new Comparison(
                title,
                repeats,
                ComparisonRuns.measurements(results),
                ComparisonRuns.verdicts(results),
                conditions.finish());
        cli.out().println();
        cli.out()
                .println(cli.style().paint(ipclab.repl.report.Style.Tone.HEAD, "verdicts on this machine")
                        + (repeats > 1 ? "  (median of " + repeats + " runs each)" : "  (one run each)"));
        VerdictTable.render(c.verdicts(), cli.style()).forEach(cli.out()::println);
        try {
            ComparisonFiles.write(c, dir);
        } catch (IOException e) {
            throw new IOException("cannot write the report folder " + dir + ": " + e.getMessage(), e);
        }
        cli.out().println();
        cli.out()
                .println("report: " + dir.resolve(ComparisonFiles.HTML) + "  (also " + ComparisonFiles.MARKDOWN + ", "
                        + ComparisonFiles.JSON + " and the charts, in " + dir + ")");
        if (!c.anyRefuted()) return Outcome.OK;
        for (Verdict v : c.verdicts()) {
            if (v.refuted())
                cli.out()
                        .println(cli.style().fail() + " refuted: " + VerdictTable.claim(v.claim()) + " — "
                                + v.summary());
        }
        return Outcome.REFUTED;
    }

    private static String title(Path file) {
        String name = file.getFileName().toString();
        int hash = name.indexOf('#');
        if (hash >= 0) name = name.substring(0, hash);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

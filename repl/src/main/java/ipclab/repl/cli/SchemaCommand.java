package ipclab.repl.cli;

import ipclab.dsl.Schema;
import ipclab.repl.report.SchemaReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipclab schema}: the JSON Schema of the scenario format, for editors and validators. */
@Command(
        name = "schema",
        description = {
            "Print the JSON Schema of the scenario format.",
            "Save it and point an editor at it (e.g. '# yaml-language-server: $schema=scenario.schema.json') "
                    + "to complete and check scenarios."
        })
public final class SchemaCommand extends CliCommand {
    @Option(
            names = "--markdown",
            description = "Print the scenario reference as Markdown (the README's reference) instead.")
    boolean markdown;

    @Override
    public Integer call() {
        String text = markdown ? SchemaReference.markdown(Schema.json()) : Schema.json();
        cli.out().print(text.endsWith("\n") ? text : text + "\n");
        cli.out().flush();
        return ExitCodes.OK;
    }
}

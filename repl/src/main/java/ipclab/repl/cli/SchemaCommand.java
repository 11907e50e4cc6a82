package ipclab.repl.cli;

import ipclab.dsl.Schema;
import ipclab.repl.report.SchemaReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipclab schema}: the JSON Schema of the scenario format, for editors and validators. */
@Command(name = "schema")
public final class SchemaCommand extends CliCommand {
    @Option(names = "--markdown")
    boolean markdown;

    @Override
    public Integer call() {
        String text = markdown ? SchemaReference.markdown(Schema.json()) : Schema.json();
        cli.out().print(text.endsWith("\n") ? text : text + "\n");
        cli.out().flush();
        return ExitCodes.OK;
    }
}

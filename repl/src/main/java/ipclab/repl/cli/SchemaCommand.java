package ipclab.repl.cli;

import ipclab.dsl.Schema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ipclab schema}: the JSON Schema of the scenario format, for editors and validators. */
@Command(name = "schema",
        description = {"Print the JSON Schema of the scenario format.",
                       "Save it and point an editor at it (e.g. '# yaml-language-server: $schema=scenario.schema.json') "
                       + "to complete and check scenarios."})
public final class SchemaCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private final Cli cli;

    public SchemaCommand(Cli cli) { this.cli = cli; }

    @Override
    public Integer call() {
        String json = Schema.json();
        cli.out().print(json.endsWith("\n") ? json : json + "\n");
        cli.out().flush();
        return ExitCodes.OK;
    }
}

package ipclab.repl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ipclab schema}: the JSON Schema of the scenario format, for editors and validators. */
@Command(name = "schema",
        description = {"Print the JSON Schema of the scenario format.",
                       "Point an editor at it (e.g. '# yaml-language-server: $schema=...') to complete and check scenarios."})
public final class SchemaCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    /** Where the dsl module keeps the schema on the class path. */
    static final String RESOURCE = "/ipclab/scenario.schema.json";

    private final Cli cli;

    public SchemaCommand(Cli cli) { this.cli = cli; }

    @Override
    public Integer call() throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the JSON Schema (" + RESOURCE + ") is not in this build of ipclab");
            cli.out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            cli.out().flush();
        }
        return ExitCodes.OK;
    }
}

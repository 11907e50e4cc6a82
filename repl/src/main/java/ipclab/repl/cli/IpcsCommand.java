package ipclab.repl.cli;

import ipclab.engine.inspect.ProcSysvipc;
import ipclab.engine.inspect.SysvObject;
import ipclab.engine.inspect.SysvObject.Kind;
import ipclab.engine.inspect.UserNames;
import ipclab.repl.report.IpcsJson;
import ipclab.repl.report.IpcsTable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipclab ipcs}: the System V objects the kernel holds, from /proc/sysvipc. */
@Command(name = "ipcs")
public final class IpcsCommand extends CliCommand {
    @Option(names = "--json")
    boolean json;

    @Option(names = "--mine")
    boolean mine;

    @Option(names = "--kind", split = ",", paramLabel = "KIND")
    Set<KindOption> kinds = EnumSet.allOf(KindOption.class);

    /** The kinds as users type them. */
    enum KindOption {
        shm(Kind.SHM),
        msg(Kind.MSG),
        sem(Kind.SEM);

        final Kind kind;

        KindOption(Kind kind) {
            this.kind = kind;
        }
    }

    @Override
    public Integer call() {
        IpclabObjects registry = RegistryObjects.load();
        List<Kind> wanted = EnumSet.copyOf(kinds.stream().map(k -> k.kind).toList()).stream()
                .toList();
        List<SysvObject> objects = new ProcSysvipc()
                .all().stream()
                        .filter(o -> wanted.contains(o.kind()))
                        .filter(o -> !mine || registry.madeByIpclab(o))
                        .toList();
        UserNames users = UserNames.fromPasswd();
        if (json) {
            cli.out().println(new IpcsJson(users, registry::madeByIpclab).render(objects));
        } else {
            new IpcsTable(users, registry::madeByIpclab, cli.style())
                    .render(objects, wanted)
                    .forEach(cli.out()::println);
        }
        return ExitCodes.OK;
    }
}

package ipclab.repl.report;

import ipclab.engine.inspect.SysvObject;
import ipclab.engine.inspect.SysvObject.Kind;
import ipclab.engine.inspect.UserNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code ipclab ipcs} for people: one section per kind, like util-linux {@code ipcs -a -p}, with
 * the pids on the same line and a column saying whether ipclab made the object.
 */
public final class IpcsTable {
    private final UserNames users;
    private final Predicate<SysvObject> ipclab;
    private final Style style;

    public IpcsTable(UserNames users, Predicate<SysvObject> ipclab, Style style) {
        this.users = users;
        this.ipclab = ipclab;
        this.style = style;
    }

    /** The lines for the given kinds, in that order; a kind with no object says {@code (none)}. */
    public List<String> render(List<SysvObject> objects, List<Kind> kinds) {
        List<String> out = new ArrayList<>();
        for (Kind k : kinds) {
            if (!out.isEmpty()) out.add("");
            out.add(style.paint(Style.Tone.HEAD, title(k)));
            List<SysvObject> of = objects.stream().filter(o -> o.kind() == k).toList();
            if (of.isEmpty()) {
                out.add(style.paint(Style.Tone.DIM, "(none)"));
                continue;
            }
            TextTable t = columns(k);
            for (SysvObject o : of) row(t, o);
            out.addAll(t.render(style));
        }
        return out;
    }

    private static String title(Kind k) {
        return switch (k) {
            case SHM -> "Shared memory segments";
            case MSG -> "Message queues";
            case SEM -> "Semaphore arrays";
        };
    }

    private static TextTable columns(Kind k) {
        TextTable t =
                new TextTable().text("key").number(k.idColumn()).text("owner").text("mode");
        switch (k) {
            case SHM ->
                t.number("bytes").number("nattch").text("status").number("cpid").number("lpid");
            case MSG ->
                t.number("used-bytes").number("messages").number("lspid").number("lrpid");
            case SEM -> t.number("nsems");
        }
        return t.text("ipclab");
    }

    private void row(TextTable t, SysvObject o) {
        TextTable.Row r = t.row()
                .cell(o.keyHex())
                .cell(Integer.toString(o.id()))
                .cell(users.name(o.uid()))
                .cell(o.modeOctal());
        switch (o.kind()) {
            case SHM ->
                r.cell(Long.toString(o.bytes()))
                        .cell(Long.toString(o.nattch()))
                        .cell(IpcsJson.status(o))
                        .cell(Integer.toString(o.cpid()))
                        .cell(Integer.toString(o.lpid()));
            case MSG ->
                r.cell(Long.toString(o.bytes()))
                        .cell(Long.toString(o.messages()))
                        .cell(Integer.toString(o.lspid()))
                        .cell(Integer.toString(o.lrpid()));
            case SEM -> r.cell(Integer.toString(o.nsems()));
        }
        boolean mine = ipclab.test(o);
        r.cell(mine ? "yes" : "no", mine ? Style.Tone.GOOD : Style.Tone.DIM);
    }
}

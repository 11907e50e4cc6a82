package ipclab.repl.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipclab.engine.inspect.SysvObject;
import ipclab.engine.inspect.UserNames;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code ipclab ipcs --json}: a JSON array with one object per System V object. The keys are a
 * contract; every object has all of them, {@code null} where a key does not apply to its kind:
 *
 * <pre>
 * kind      "shm" | "msg" | "sem"
 * key       "0x0001e240"  the IPC key, hex, as ipcs prints it (0x00000000 = IPC_PRIVATE)
 * id        42            shmid, msqid or semid
 * owner     "alice"       user name of uid (the number as a string when /etc/passwd has none)
 * uid       1000
 * mode      "600"         permission bits, octal
 * bytes     65536         shm: segment size; msg: bytes queued now; sem: null
 * messages  3             msg: messages queued now; else null
 * nsems     2             sem: semaphores in the set; else null
 * nattch    1             shm: attached processes; else null
 * status    "dest"        shm: "" or "dest" (marked for removal) and/or "locked"; else null
 * cpid      4537          shm: creator pid; else null
 * lpid      4540          shm: pid of the last shmat/shmdt; else null
 * lspid     901           msg: pid of the last msgsnd; else null
 * lrpid     902           msg: pid of the last msgrcv; else null
 * ipclab    true          made by ipclab (in its run registry)
 * </pre>
 */
public final class IpcsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final UserNames users;
    private final Predicate<SysvObject> ipclab;

    public IpcsJson(UserNames users, Predicate<SysvObject> ipclab) {
        this.users = users;
        this.ipclab = ipclab;
    }

    /** The array, pretty-printed. */
    public String render(List<SysvObject> objects) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (SysvObject o : objects) arr.add(node(o));
        try {
            return MAPPER.writeValueAsString(arr);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private ObjectNode node(SysvObject o) {
        ObjectNode n = MAPPER.createObjectNode();
        boolean shm = o.kind() == SysvObject.Kind.SHM;
        boolean msg = o.kind() == SysvObject.Kind.MSG;
        boolean sem = o.kind() == SysvObject.Kind.SEM;
        n.put("kind", o.kind().procName());
        n.put("key", o.keyHex());
        n.put("id", o.id());
        n.put("owner", users.name(o.uid()));
        n.put("uid", Integer.toUnsignedLong(o.uid()));
        n.put("mode", o.modeOctal());
        column(n, "bytes", !sem, o.bytes());
        column(n, "messages", msg, o.messages());
        column(n, "nsems", sem, o.nsems());
        column(n, "nattch", shm, o.nattch());
        if (shm) n.put("status", status(o));
        else n.putNull("status");
        column(n, "cpid", shm, o.cpid());
        column(n, "lpid", shm, o.lpid());
        column(n, "lspid", msg, o.lspid());
        column(n, "lrpid", msg, o.lrpid());
        n.put("ipclab", ipclab.test(o));
        return n;
    }

    /** A column the kernel lists for some kinds only: null for the others. */
    private static void column(ObjectNode n, String name, boolean applies, long value) {
        if (applies) n.put(name, value);
        else n.putNull(name);
    }

    /** A segment's status as ipcs shows it: {@code ""}, {@code "dest"}, {@code "locked"} or {@code "dest locked"}. */
    static String status(SysvObject o) {
        String s = (o.markedForRemoval() ? "dest " : "") + (o.locked() ? "locked" : "");
        return s.strip();
    }
}

package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layouts against glibc 2.36 x86-64, values from gcc's offsetof (stack.md §2). */
class StructsTest {

    @Test
    void layoutsMatchGlibc() {
        assertEquals(48, Structs.IPC_PERM.byteSize());
        assertEquals(20, Structs.offset(Structs.IPC_PERM, "mode"));
        assertEquals(24, Structs.offset(Structs.IPC_PERM, "__seq"));

        assertEquals(120, Structs.MSQID_DS.byteSize());
        assertEquals(48, Structs.offset(Structs.MSQID_DS, "msg_stime"));
        assertEquals(72, Structs.offset(Structs.MSQID_DS, "__msg_cbytes"));
        assertEquals(80, Structs.offset(Structs.MSQID_DS, "msg_qnum"));
        assertEquals(88, Structs.offset(Structs.MSQID_DS, "msg_qbytes"));
        assertEquals(96, Structs.offset(Structs.MSQID_DS, "msg_lspid"));
        assertEquals(100, Structs.offset(Structs.MSQID_DS, "msg_lrpid"));

        assertEquals(112, Structs.SHMID_DS.byteSize());
        assertEquals(48, Structs.offset(Structs.SHMID_DS, "shm_segsz"));
        assertEquals(80, Structs.offset(Structs.SHMID_DS, "shm_cpid"));
        assertEquals(84, Structs.offset(Structs.SHMID_DS, "shm_lpid"));
        assertEquals(88, Structs.offset(Structs.SHMID_DS, "shm_nattch"));

        assertEquals(104, Structs.SEMID_DS.byteSize());
        assertEquals(48, Structs.offset(Structs.SEMID_DS, "sem_otime"));
        assertEquals(64, Structs.offset(Structs.SEMID_DS, "sem_ctime"));
        assertEquals(80, Structs.offset(Structs.SEMID_DS, "sem_nsems"));

        assertEquals(6, Structs.SEMBUF.byteSize());
        assertEquals(2, Structs.offset(Structs.SEMBUF, "sem_op"));
        assertEquals(4, Structs.offset(Structs.SEMBUF, "sem_flg"));

        assertEquals(8, Structs.offset(Structs.msgbuf(100), "mtext"));
        assertEquals(108, Structs.msgbuf(100).byteSize());

        assertEquals(110, Structs.SOCKADDR_UN.byteSize());
        assertEquals(2, Structs.offset(Structs.SOCKADDR_UN, "sun_path"));
        assertEquals(16, Structs.SOCKADDR_IN.byteSize());
        assertEquals(2, Structs.offset(Structs.SOCKADDR_IN, "sin_port"));
        assertEquals(4, Structs.offset(Structs.SOCKADDR_IN, "sin_addr"));

        assertEquals(144, Structs.RUSAGE.byteSize());
        assertEquals(64, Structs.offset(Structs.RUSAGE, "ru_minflt"));
        assertEquals(128, Structs.offset(Structs.RUSAGE, "ru_nvcsw"));
        assertEquals(136, Structs.offset(Structs.RUSAGE, "ru_nivcsw"));
    }

    /** {@link Structs#offset} sums member sizes (no LayoutPath, for start-up): the JDK's byteOffset agrees, nested fields too. */
    @Test
    void offsetsAgreeWithTheJdksLayoutPaths() {
        List<StructLayout> all = List.of(
                Structs.IPC_PERM,
                Structs.SHMID_DS,
                Structs.MSQID_DS,
                Structs.SEMID_DS,
                Structs.SEMBUF,
                Structs.MSGBUF_HEADER,
                Structs.SOCKADDR_UN,
                Structs.SOCKADDR_IN,
                Structs.RUSAGE,
                Structs.msgbuf(100),
                Linker.Option.captureStateLayout());
        int checked = 0;
        for (StructLayout s : all) checked += agree(s, s, new ArrayList<>());
        assertEquals(true, checked > 60, "fields checked: " + checked);
        assertThrows(IllegalArgumentException.class, () -> Structs.offset(Structs.IPC_PERM, "nope"));
        assertThrows(IllegalArgumentException.class, () -> Structs.offset(Structs.IPC_PERM, "mode", "deeper"));
    }

    private static int agree(StructLayout root, GroupLayout g, List<String> path) {
        int n = 0;
        for (MemoryLayout m : g.memberLayouts()) {
            if (m.name().isEmpty()) continue;
            path.add(m.name().get());
            String[] names = path.toArray(String[]::new);
            PathElement[] elements =
                    path.stream().map(PathElement::groupElement).toArray(PathElement[]::new);
            assertEquals(root.byteOffset(elements), Structs.offset(root, names), String.join(".", path));
            n++;
            if (m instanceof GroupLayout inner) n += agree(root, inner, path);
            path.removeLast();
        }
        return n;
    }
}

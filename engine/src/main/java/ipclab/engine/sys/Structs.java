package ipclab.engine.sys;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.ByteOrder;

/**
 * The C structs the bindings exchange with glibc 2.36 on x86-64, as named {@link StructLayout}s.
 * Offsets were checked against gcc's {@code offsetof} and are asserted in {@code StructsTest}.
 * Nothing outside this package reads these structs: the facility classes turn them into records.
 *
 * <pre>
 * ipc_perm (48)   0 __key  4 uid  8 gid  12 cuid  16 cgid  20 mode  24 __seq (u16)  28 pad  32,40 reserved
 * shmid_ds (112)  0 shm_perm  48 shm_segsz  56 atime  64 dtime  72 ctime  80 cpid  84 lpid  88 shm_nattch  96,104 reserved
 * msqid_ds (120)  0 msg_perm  48 stime  56 rtime  64 ctime  72 __msg_cbytes  80 msg_qnum  88 msg_qbytes  96 lspid  100 lrpid  104,112 reserved
 * semid_ds (104)  0 sem_perm  48 sem_otime  56 hi  64 sem_ctime  72 hi  80 sem_nsems  88,96 reserved
 * sembuf   (6)    0 sem_num (u16)  2 sem_op (s16)  4 sem_flg (s16)
 * msgbuf   (8+n)  0 mtype (long, must be > 0)  8 mtext[n]
 * sockaddr_un (110)  0 sun_family (u16)  2 sun_path[108]
 * sockaddr_in (16)   0 sin_family (u16)  2 sin_port (u16, big-endian)  4 sin_addr (u32, big-endian)  8 sin_zero[8]
 * rusage  (144)   0 ru_utime  16 ru_stime (timeval: tv_sec, tv_usec)  32 maxrss ... 64 minflt  72 majflt ... 128 nvcsw  136 nivcsw
 * </pre>
 */
public final class Structs {
    private Structs() {}

    public static final StructLayout IPC_PERM = structLayout(
                    JAVA_INT.withName("__key"),
                    JAVA_INT.withName("uid"),
                    JAVA_INT.withName("gid"),
                    JAVA_INT.withName("cuid"),
                    JAVA_INT.withName("cgid"),
                    JAVA_INT.withName("mode"),
                    JAVA_SHORT.withName("__seq"),
                    JAVA_SHORT.withName("__pad2"),
                    paddingLayout(4),
                    JAVA_LONG.withName("__unused1"),
                    JAVA_LONG.withName("__unused2"))
            .withName("ipc_perm");

    public static final StructLayout SHMID_DS = structLayout(
                    IPC_PERM.withName("shm_perm"),
                    JAVA_LONG.withName("shm_segsz"),
                    JAVA_LONG.withName("shm_atime"),
                    JAVA_LONG.withName("shm_dtime"),
                    JAVA_LONG.withName("shm_ctime"),
                    JAVA_INT.withName("shm_cpid"),
                    JAVA_INT.withName("shm_lpid"),
                    JAVA_LONG.withName("shm_nattch"),
                    JAVA_LONG.withName("__unused4"),
                    JAVA_LONG.withName("__unused5"))
            .withName("shmid_ds");

    public static final StructLayout MSQID_DS = structLayout(
                    IPC_PERM.withName("msg_perm"),
                    JAVA_LONG.withName("msg_stime"),
                    JAVA_LONG.withName("msg_rtime"),
                    JAVA_LONG.withName("msg_ctime"),
                    JAVA_LONG.withName("__msg_cbytes"),
                    JAVA_LONG.withName("msg_qnum"),
                    JAVA_LONG.withName("msg_qbytes"),
                    JAVA_INT.withName("msg_lspid"),
                    JAVA_INT.withName("msg_lrpid"),
                    JAVA_LONG.withName("__unused4"),
                    JAVA_LONG.withName("__unused5"))
            .withName("msqid_ds");

    public static final StructLayout SEMID_DS = structLayout(
                    IPC_PERM.withName("sem_perm"),
                    JAVA_LONG.withName("sem_otime"),
                    JAVA_LONG.withName("__sem_otime_high"),
                    JAVA_LONG.withName("sem_ctime"),
                    JAVA_LONG.withName("__sem_ctime_high"),
                    JAVA_LONG.withName("sem_nsems"),
                    JAVA_LONG.withName("__unused3"),
                    JAVA_LONG.withName("__unused4"))
            .withName("semid_ds");

    public static final StructLayout SEMBUF = structLayout(
                    JAVA_SHORT.withName("sem_num"), JAVA_SHORT.withName("sem_op"), JAVA_SHORT.withName("sem_flg"))
            .withName("sembuf");

    /** The fixed head of a {@code msgbuf}; {@link #msgbuf(long)} gives the whole struct for a text size. */
    public static final StructLayout MSGBUF_HEADER =
            structLayout(JAVA_LONG.withName("mtype")).withName("msgbuf");

    /** {@code struct msgbuf { long mtype; char mtext[textSize]; }}. */
    public static StructLayout msgbuf(long textSize) {
        return structLayout(
                        JAVA_LONG.withName("mtype"),
                        sequenceLayout(textSize, JAVA_BYTE).withName("mtext"))
                .withName("msgbuf");
    }

    public static final StructLayout SOCKADDR_UN = structLayout(
                    JAVA_SHORT.withName("sun_family"),
                    sequenceLayout(108, JAVA_BYTE).withName("sun_path"))
            .withName("sockaddr_un");

    public static final StructLayout SOCKADDR_IN = structLayout(
                    JAVA_SHORT.withName("sin_family"),
                    JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin_port"),
                    JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("sin_addr"),
                    sequenceLayout(8, JAVA_BYTE).withName("sin_zero"))
            .withName("sockaddr_in");

    public static final StructLayout TIMEVAL = structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec"))
            .withName("timeval");

    public static final StructLayout RUSAGE = structLayout(
                    TIMEVAL.withName("ru_utime"),
                    TIMEVAL.withName("ru_stime"),
                    JAVA_LONG.withName("ru_maxrss"),
                    JAVA_LONG.withName("ru_ixrss"),
                    JAVA_LONG.withName("ru_idrss"),
                    JAVA_LONG.withName("ru_isrss"),
                    JAVA_LONG.withName("ru_minflt"),
                    JAVA_LONG.withName("ru_majflt"),
                    JAVA_LONG.withName("ru_nswap"),
                    JAVA_LONG.withName("ru_inblock"),
                    JAVA_LONG.withName("ru_oublock"),
                    JAVA_LONG.withName("ru_msgsnd"),
                    JAVA_LONG.withName("ru_msgrcv"),
                    JAVA_LONG.withName("ru_nsignals"),
                    JAVA_LONG.withName("ru_nvcsw"),
                    JAVA_LONG.withName("ru_nivcsw"))
            .withName("rusage");

    /**
     * The byte offset of a (nested) field, e.g. {@code offset(MSQID_DS, "msg_perm", "mode")}: the
     * sizes of the members before it, summed (a struct's members, padding included, lie one after
     * the other). Not {@code layout.byteOffset(PathElement...)}, which gives the same figure
     * ({@code StructsTest}) but initialises the JDK's {@code LayoutPath}, whose method handles spin
     * seven LambdaForm classes at run time (~4 ms of a worker's start before "ready": the offsets
     * of the message header and the msgbuf are read in static initialisers; bench/HISTORY.md
     * "Session 6: start-up").
     */
    public static long offset(GroupLayout layout, String... path) {
        MemoryLayout at = layout;
        long offset = 0;
        for (String name : path) {
            if (!(at instanceof GroupLayout group))
                throw new IllegalArgumentException(name + ": " + at + " has no fields");
            MemoryLayout found = null;
            long before = 0;
            for (MemoryLayout m : group.memberLayouts()) {
                if (m.name().isPresent() && m.name().get().equals(name)) {
                    found = m;
                    break;
                }
                if (group instanceof StructLayout) before += m.byteSize(); // a union's members all start at 0
            }
            if (found == null) throw new IllegalArgumentException("no field " + name + " in " + group);
            offset += before;
            at = found;
        }
        return offset;
    }

    // Readers for setup-time struct access (stat results). Not for hot paths: they compute the offset.

    static long getLong(MemorySegment s, StructLayout layout, String... path) {
        return s.get(JAVA_LONG, offset(layout, path));
    }

    static int getInt(MemorySegment s, StructLayout layout, String... path) {
        return s.get(JAVA_INT, offset(layout, path));
    }

    static void setLong(MemorySegment s, long value, StructLayout layout, String... path) {
        s.set(JAVA_LONG, offset(layout, path), value);
    }
}

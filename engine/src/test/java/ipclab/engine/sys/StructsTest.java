package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

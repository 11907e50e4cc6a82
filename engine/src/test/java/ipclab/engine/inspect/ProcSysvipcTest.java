package ipclab.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.inspect.SysvObject.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSysvipcTest {

    @Test
    void parsesMessageQueuesByHeaderNames() {
        List<SysvObject> objs = ProcSysvipc.parse(
                Kind.MSG,
                "msg",
                List.of(
                        "       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime",
                        "1155865107          3   644         128          2   901   902  1000   100     0     0          0          0 1795474963",
                        "-746145466          1   600           0          0     0     0     0     0     0     0          0          0 1795474963"));
        assertEquals(2, objs.size());
        SysvObject q = objs.get(1);
        assertEquals(3, q.id());
        assertEquals(1155865107, q.key());
        assertEquals("0x44e51a13", q.keyHex());
        assertEquals("644", q.modeOctal());
        assertEquals(128, q.bytes());
        assertEquals(2, q.messages());
        assertEquals(901, q.lspid());
        assertEquals(902, q.lrpid());
        assertEquals(1000, q.uid());
        assertEquals(-1, q.nattch());
        assertEquals("0xd386b946", objs.get(0).keyHex(), "a negative key prints as its unsigned hex");
    }

    @Test
    void findsColumnsWhereverTheKernelPutsThem() {
        // an older kernel: no rss/swap, and (hypothetically) nattch before cpid
        List<SysvObject> objs = ProcSysvipc.parse(
                Kind.SHM,
                "shm",
                List.of(
                        " key shmid perms size nattch cpid lpid uid gid cuid cgid atime dtime ctime",
                        "   0    7  1600 65536      2  4537 4540    0   0    0    0     0     0     0"));
        SysvObject s = objs.getFirst();
        assertEquals(65536, s.bytes());
        assertEquals(2, s.nattch());
        assertEquals(4537, s.cpid());
        assertEquals(4540, s.lpid());
        assertEquals("600", s.modeOctal());
        assertTrue(s.markedForRemoval());
        assertFalse(s.locked());
    }

    @Test
    void parsesSemaphores() {
        SysvObject s = ProcSysvipc.parse(
                        Kind.SEM,
                        "sem",
                        List.of(
                                "       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime",
                                "         0         5   600          2     0     0     0     0          0 1795474963"))
                .getFirst();
        assertEquals(2, s.nsems());
        assertEquals(-1, s.bytes());
        assertEquals("0x00000000", s.keyHex());
    }

    @Test
    void namesTheMissingColumn() {
        var e = assertThrows(
                IllegalStateException.class,
                () -> ProcSysvipc.parse(
                        Kind.SEM,
                        "/proc/sysvipc/sem",
                        List.of("key semid perms uid gid cuid cgid", "0 5 600 0 0 0 0")));
        assertEquals(
                "/proc/sysvipc/sem: header has no column 'nsems'; columns are [cgid, cuid, gid, key, perms, semid, uid]",
                e.getMessage());
    }

    @Test
    void namesTheBadField() {
        var e = assertThrows(
                IllegalStateException.class,
                () -> ProcSysvipc.parse(
                        Kind.SEM, "sem", List.of("key semid perms nsems uid gid cuid cgid", "0 5 69x 1 0 0 0 0")));
        assertEquals("sem:2: column 'perms' = '69x' is not a base-8 number", e.getMessage());
    }

    @Test
    void readsADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shm"), "key shmid perms size cpid lpid nattch uid gid cuid cgid\n");
        Files.writeString(
                dir.resolve("msg"),
                "key msqid perms cbytes qnum lspid lrpid uid gid cuid cgid\n9 2 600 0 0 0 0 0 0 0 0\n");
        Files.writeString(dir.resolve("sem"), "key semid perms nsems uid gid cuid cgid\n8 4 600 1 0 0 0 0\n");
        List<SysvObject> all = new ProcSysvipc(dir).all();
        assertEquals(
                List.of(Kind.MSG, Kind.SEM), all.stream().map(SysvObject::kind).toList());
    }

    @Test
    void saysWhenTheKernelHasNoSysvipc(@TempDir Path dir) {
        var e = assertThrows(IllegalStateException.class, () -> new ProcSysvipc(dir).all());
        assertEquals(
                dir.resolve("shm")
                        + " does not exist: this kernel has no System V IPC (CONFIG_SYSVIPC) or /proc is not mounted",
                e.getMessage());
    }

    @Test
    void readsTheRealProc() {
        // whatever is there, the header must parse
        new ProcSysvipc().all().forEach(o -> assertTrue(o.id() >= 0));
    }

    @Test
    void userNamesFallBackToTheNumber() {
        UserNames u = UserNames.of(
                List.of("root:x:0:0:root:/root:/bin/bash", "# comment", "bad", "alice:x:1000:1000::/home/a:/bin/sh"));
        assertEquals("root", u.name(0));
        assertEquals("alice", u.name(1000));
        assertEquals("4242", u.name(4242));
    }
}

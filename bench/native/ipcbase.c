/*
 * ipcbase: ipclab's own native baseline. The transfers of ipclab's bench scenarios
 * (scenarios/bench/MODE-MECH-SIZE.yaml), done in plain C with the same work per message, so that
 * `bench/compare.sh` shows on the user's own machine what the JVM and the FFM API cost.
 *
 *   ipcbase [-c A,B|none] [-s SLOTS] [-t SECONDS] MECH MODE SIZE COUNT
 *     MECH   shm-spin | shm-sem | msgq | unix | tcp | pipe
 *     MODE   pingpong (round trips, latency) | stream (one way, throughput)
 *     SIZE   the whole message in bytes, ipclab's 32-byte header included (32 .. 1 GiB)
 *     COUNT  measured messages (round trips), after max(100, COUNT/10) unmeasured warm-up ones
 *     -c     CPUs of the parent (pinger, writer) and of the child (echo, reader); default 0,1;
 *            "none" leaves both to the scheduler
 *     -s     shm ring slots in all (default 64, as the bench scenarios; pingpong halves them
 *            between its two lanes, as ipclab does); a power of two
 *     -t     seconds before the run is abandoned and cleaned up (default 300)
 *
 * Output: one JSON object per run on stdout, one line, with the field names of the independent
 * yardstick ipcref (p50_ns, mib_per_s, syscalls_per_msg, ...) so that bench/compare.sh reads either.
 * Exit status: 0 ok; 1 the run failed (a message lost or damaged, a peer died, a call failed, an
 * IPC object left behind); 2 usage.
 *
 * What moves the bytes, as ipclab does it (see engine/.../channel):
 *   shm-spin  one System V segment: a 4 KiB control block, then per lane SLOTS slots of
 *             64 + SIZE rounded up to 64 bytes; the message starts 32 bytes into its slot. A slot's
 *             first 8 bytes are its sequence: position p is free when it holds 2p, published when
 *             it holds 2p + 1, freed by the reader to 2(p + slots) (Vyukov's values doubled, so that a
 *             lane of one slot tells "published p" from "free for p + 1"; acquire/release, busy-wait
 *             with a CPU pause, sched_yield every 65536 idle turns as ipclab's spinning back-off does).
 *   shm-sem   the same ring; a semaphore pair per lane (empty = slots, full = 0): writer
 *             semop(empty -1), write, semop(full +1); reader semop(full -1), read, semop(empty +1).
 *   msgq      one System V queue; msgsnd/msgrcv, type 1 out, type 2 back.
 *   unix      an AF_UNIX stream socket pair (ipclab connects a bound socket: same data path).
 *   tcp       a loopback TCP connection, TCP_NODELAY on both ends.
 *   pipe      one pipe per direction, default capacity (ipclab's FIFOs are the same kernel pipe).
 *   Sockets: send(MSG_NOSIGNAL) and recv(MSG_WAITALL), pipes: write/read, looping on short transfers.
 *   The parent (pinger, writer) runs on the first CPU, the fork()ed child (echo, reader) on the second.
 *
 * Work per message: what ipclab does in its equal-work mode (verification "ends", latency of a
 * stream sampled every 64th message), no more, no less:
 *   sender    reads CLOCK_MONOTONIC for the messages whose latency is recorded (a stream writer:
 *             every 64th, the others carry 0; a pinger: each); copies the SIZE-32 payload bytes from a pattern made at
 *             start into the slot or send buffer (a pinger's own send buffer of a queue, socket or
 *             pipe: once, the payload stays there); writes the 32-byte header (seq, writer, length,
 *             timestamp, check = a 64-bit mix of those four, ipclab's MessageHeader.mix); writes
 *             the seq into the message's last 8 bytes.
 *   receiver  checks length, seq (the next expected one: lost, duplicated or reordered are errors),
 *             writer, the header's check and the 8-byte tail; counts the bytes. It does not copy a
 *             message out of the shm ring (ipclab verifies in place).
 *   pinger    per round trip: clock before the send, clock after the reply arrived, the reply
 *             checked as above, the difference recorded in a log-linear histogram (HdrHistogram's
 *             scheme, 3 significant digits) after the warm-up.
 *   echo      checks the message, copies it whole from where it arrived (ring slot or receive
 *             buffer) to the return slot or send buffer (claimed before it waited for the
 *             message), sends it back, then releases the slot the message came in.
 *   reader    (stream) reads the clock for every 64th measured message (latency now - timestamp
 *             into a histogram) and for the last one.
 * Not done, since ipclab's equal-work mode does not either: a CRC over the payload (ipclab's
 * default "full" verification), a clock read per sent or received message, a per-writer sequence bitmap.
 * Streams are timed as ipclab times them: from the writer's clock just before its first measured
 * message to the reader's clock after the last one (CLOCK_MONOTONIC is system-wide); warm-up
 * messages may still be in flight when the window opens, as in ipclab.
 *
 * System calls: every msgsnd, msgrcv, semop, send, recv, read and write is counted where it is
 * made, retries included; syscalls_per_msg is the parent's count over all its messages (per round
 * trip for pingpong), child_syscalls_per_msg the child's. sched_yield in spin waits is reported
 * apart (yields, child_yields).
 *
 * Clean-up: objects are IPC_PRIVATE, mode 0600. The segment is marked IPC_RMID as soon as it is
 * attached, before fork (the kernel frees it at the last detach, whatever happens). The queue and
 * the semaphores are removed at the end, on every error, on SIGINT/SIGTERM/SIGHUP, on the timeout,
 * when the child dies early (which also wakes a parent blocked in msgrcv or semop), and by the child
 * when the parent dies (PR_SET_PDEATHSIG). No file is made. At the end the parent checks with
 * IPC_STAT that the objects are gone.
 *
 * Build: gcc -O2 -Wall -Wextra -o ipcbase ipcbase.c   (Linux, glibc 2.32+, x86-64 or arm64)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum mech { SHM_SPIN, SHM_SEM, MSGQ, UNIX_STREAM, TCP, PIPE, NMECH };
static const char *const MECH_NAMES[NMECH] = { "shm-spin", "shm-sem", "msgq", "unix", "tcp", "pipe" };

#define HDR 32                       /* ipclab's MessageHeader: seq 8, writer 4, length 4, timestamp 8, check 8 */
#define WARMUP_FLAG (1ULL << 62)     /* seq bit of an unmeasured warm-up message, as ipclab */
#define WRITER_INDEX 0u              /* the pinger's or writer's index in ipclab's plan */
#define CONTROL_BYTES 4096           /* ipclab's ring control block */
#define SLOT_HEADER 64
#define SLOT_MESSAGE 32              /* where the message starts inside a slot */
#define LATENCY_EVERY 64             /* a stream reader samples latency every this many messages */
#define YIELD_EVERY 65536            /* spin waits yield the CPU this often (a peer may share it) */

/* ---- state the signal handlers need (set before any handler can run) ---- */
static volatile sig_atomic_t g_msqid = -1, g_semid = -1;
static volatile pid_t g_child = 0;
static volatile sig_atomic_t g_parent_done = 0, g_peer_gone = 0;
static volatile sig_atomic_t *g_child_done;   /* in the page shared with the child */

static void remove_ipc(void)
{
    int id = g_msqid;
    if (id >= 0) { g_msqid = -1; msgctl(id, IPC_RMID, NULL); }
    id = g_semid;
    if (id >= 0) { g_semid = -1; semctl(id, 0, IPC_RMID); }
}

static void say(const char *s) { ssize_t r = write(2, s, strlen(s)); (void) r; }

static void on_fatal_signal(int sig)
{
    remove_ipc();
    if (g_child > 0) { kill(g_child, SIGKILL); waitpid(g_child, NULL, 0); }
    say(sig == SIGALRM ? "ipcbase: timed out (-t); IPC objects removed\n"
                       : "ipcbase: interrupted; IPC objects removed\n");
    _exit(sig == SIGALRM ? 1 : 128 + sig);
}

static void on_child_exit(int sig)
{
    (void) sig;
    /* The child ended before its work was done: wake a parent blocked in msgrcv or semop. */
    if (!g_parent_done && !*g_child_done) { g_peer_gone = 1; remove_ipc(); }
}

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("ipcbase: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    remove_ipc();
    if (g_child > 0) { kill(g_child, SIGKILL); waitpid(g_child, NULL, 0); }
    _exit(1);
}

static const char *errname(int e) { const char *n = strerrorname_np(e); return n ? n : "errno"; }

/* A call failed: name the call, its arguments and the errno. */
static void fail(const char *call, const char *args)
{
    int e = errno;
    if (g_peer_gone && (e == EIDRM || e == EINVAL || e == EPIPE || e == ECONNRESET))
        die("%s(%s) failed: %s: the other process died", call, args, errname(e));
    die("%s(%s) failed: %s (%s)", call, args, errname(e), strerror(e));
}

static void usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("ipcbase: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nusage: ipcbase [-c A,B|none] [-s SLOTS] [-t SECONDS] shm-spin|shm-sem|msgq|unix|tcp|pipe "
          "pingpong|stream SIZE COUNT\n", stderr);
    exit(2);
}

static inline uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000ULL + (uint64_t) t.tv_nsec;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* ---- the message: ipclab's header and the "ends" check ---- */

/* ipclab's MessageHeader.mix: murmur3's fmix64 over a multiply-xor of the header fields. */
static inline uint64_t mix(uint64_t seq, uint32_t writer, uint32_t length, uint64_t ts)
{
    uint64_t h = seq * 0x9E3779B97F4A7C15ULL;
    h ^= (((uint64_t) writer << 32) | length) * 0xC2B2AE3D27D4EB4FULL;
    h ^= ts * 0x165667B19E3779F9ULL;
    h ^= h >> 33; h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

/* ---- a log-linear latency histogram (HdrHistogram's layout, 2048 sub-buckets: 3 digits) ---- */
#define SUB 2048
#define HALF 1024
#define MAX_EXP 32                   /* values up to 2^42 ns (over an hour) */
struct hist { uint64_t n, min, max; double sum; uint64_t counts[SUB + MAX_EXP * HALF]; };

static inline void hist_record(struct hist *h, uint64_t v)
{
    if (v > (1ULL << 42) - 1) v = (1ULL << 42) - 1;
    size_t i;
    if (v < SUB) i = v;
    else {
        int e = 63 - __builtin_clzll(v) - 10;            /* v >> e is in [HALF, SUB) */
        i = SUB + (size_t) (e - 1) * HALF + ((v >> e) - HALF);
    }
    h->counts[i]++;
    h->n++;
    h->sum += (double) v;
    if (h->n == 1 || v < h->min) h->min = v;
    if (v > h->max) h->max = v;
}

/* The value at quantile q (nearest rank), as the lowest value of its bucket. */
static uint64_t hist_at(const struct hist *h, double q)
{
    if (h->n == 0) return 0;
    uint64_t rank = (uint64_t) (q * (double) h->n + 0.999999999), seen = 0;
    if (rank < 1) rank = 1;
    for (size_t i = 0; i < sizeof h->counts / sizeof h->counts[0]; i++) {
        seen += h->counts[i];
        if (seen >= rank) {
            if (i < SUB) return i;
            size_t e = (i - SUB) / HALF + 1;
            return ((uint64_t) ((i - SUB) % HALF + HALF)) << e;
        }
    }
    return h->max;
}

/* ---- one run: the channel, both ends ---- */

/* What the child hands back to the parent (a shared anonymous page: no IPC object, no file). */
struct shared {
    sig_atomic_t done;            /* the child finished its loop (its exit is then no error) */
    uint64_t received, errors, calls, yields, last_ns, lat_p50_ns;
    char error[256];
};

struct run {
    enum mech mech;
    int pingpong;
    size_t size;
    uint64_t count, warmup, total;
    int cpus[2];                  /* -1: not pinned */
    /* shm */
    unsigned char *seg;
    uint32_t slots;               /* per lane */
    size_t slot_bytes;
    uint64_t cursor[2];           /* this process's next ring position, per lane (single producer/consumer) */
    struct sembuf sem_take[2], sem_give[2];   /* per lane, for the sender; the receiver's are swapped */
    /* msgq */
    struct msgbuf_ { long mtype; unsigned char text[]; } *msg_out, *msg_in;
    /* sockets and pipes: fd[lane] to send on, fd[lane] to receive from */
    int out_fd[2], in_fd[2];
    int socket;
    unsigned char *out_buf, *in_buf;
    unsigned char *pattern;       /* the payload, made once */
    uint64_t calls, yields, errors;
    char first_error[256];
};

/* The header and the seal: all of a message but its payload's middle, which never changes. */
static void restamp(const struct run *r, unsigned char *m, uint64_t seq, uint64_t ts)
{
    uint32_t writer = WRITER_INDEX, length = (uint32_t) r->size;
    uint64_t c = mix(seq, writer, length, ts);
    memcpy(m, &seq, 8);
    memcpy(m + 8, &writer, 4);
    memcpy(m + 12, &length, 4);
    memcpy(m + 16, &ts, 8);
    memcpy(m + 24, &c, 8);
    if (r->size >= HDR + 8) memcpy(m + r->size - 8, &seq, 8);
}

static void stamp(const struct run *r, unsigned char *m, uint64_t seq, uint64_t ts)
{
    memcpy(m + HDR, r->pattern + HDR, r->size - HDR);
    restamp(r, m, seq, ts);
}

/* 0 when the message is the expected one, whole; else counts and remembers what is wrong. */
static int check(struct run *r, const unsigned char *m, uint64_t seq)
{
    uint64_t s, ts, c, tail = seq;
    uint32_t writer, length;
    memcpy(&s, m, 8);
    memcpy(&writer, m + 8, 4);
    memcpy(&length, m + 12, 4);
    memcpy(&ts, m + 16, 8);
    memcpy(&c, m + 24, 8);
    if (r->size >= HDR + 8) memcpy(&tail, m + r->size - 8, 8);
    if (s == seq && writer == WRITER_INDEX && length == r->size && c == mix(s, writer, length, ts) && tail == seq)
        return 0;
    if (r->errors++ == 0)
        snprintf(r->first_error, sizeof r->first_error,
                 "message %llu: seq=%llu writer=%u length=%u tail=%llu%s",
                 (unsigned long long) (seq & ~WARMUP_FLAG), (unsigned long long) (s & ~WARMUP_FLAG), writer, length,
                 (unsigned long long) (tail & ~WARMUP_FLAG), c == mix(s, writer, length, ts) ? "" : ", header check wrong");
    return 1;
}

static inline uint64_t wire_seq(const struct run *r, uint64_t i) { return i < r->warmup ? i | WARMUP_FLAG : i - r->warmup; }

/* ---- the transports: claim a place to write, publish it; receive a message, release it ---- */

static inline unsigned char *slot(struct run *r, int lane, uint64_t pos)
{
    return r->seg + CONTROL_BYTES + ((size_t) lane * r->slots + (pos & (r->slots - 1))) * r->slot_bytes;
}

static inline uint64_t *slot_seq(unsigned char *s) { return (uint64_t *) s; }

static void semop_counted(struct run *r, struct sembuf *op)
{
    for (;;) {
        r->calls++;
        if (semop(g_semid >= 0 ? g_semid : -1, op, 1) == 0) return;
        if (errno != EINTR) {
            char a[64];
            snprintf(a, sizeof a, "semid=%d, sem=%d, op=%d", (int) g_semid, op->sem_num, op->sem_op);
            fail("semop", a);
        }
    }
}

static void spin_wait(struct run *r, uint64_t *at, uint64_t want)
{
    uint64_t n = 0;
    while (__atomic_load_n(at, __ATOMIC_ACQUIRE) != want) {
        if (++n % YIELD_EVERY == 0) {
            if (g_peer_gone) die("the other process died");
            r->yields++;
            sched_yield();
        } else {
            cpu_relax();
        }
    }
}

/* A place to write the next message of this lane. */
static unsigned char *claim(struct run *r, int lane)
{
    switch (r->mech) {
    case SHM_SPIN: {
        unsigned char *s = slot(r, lane, r->cursor[lane]);
        spin_wait(r, slot_seq(s), 2 * r->cursor[lane]);
        return s + SLOT_MESSAGE;
    }
    case SHM_SEM:
        semop_counted(r, &r->sem_take[lane]);
        return slot(r, lane, r->cursor[lane]) + SLOT_MESSAGE;
    case MSGQ: return r->msg_out->text;
    default: return r->out_buf;
    }
}

static void send_all(struct run *r, int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        r->calls++;
        ssize_t n = r->socket ? send(fd, p, len, MSG_NOSIGNAL) : write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            char a[64];
            snprintf(a, sizeof a, "fd=%d, size=%zu", fd, len);
            fail(r->socket ? "send" : "write", a);
        }
        p += n;
        len -= (size_t) n;
    }
}

static void publish(struct run *r, int lane)
{
    switch (r->mech) {
    case SHM_SPIN: {
        unsigned char *s = slot(r, lane, r->cursor[lane]);
        __atomic_store_n(slot_seq(s), 2 * r->cursor[lane] + 1, __ATOMIC_RELEASE);
        r->cursor[lane]++;
        return;
    }
    case SHM_SEM:
        *slot_seq(slot(r, lane, r->cursor[lane])) = r->cursor[lane] + 1;
        r->cursor[lane]++;
        semop_counted(r, &r->sem_give[lane]);
        return;
    case MSGQ:
        r->msg_out->mtype = lane + 1;
        for (;;) {
            r->calls++;
            if (msgsnd(g_msqid >= 0 ? g_msqid : -1, r->msg_out, r->size, 0) == 0) return;
            if (errno != EINTR) {
                char a[64];
                snprintf(a, sizeof a, "msqid=%d, size=%zu", (int) g_msqid, r->size);
                fail("msgsnd", a);
            }
        }
    default:
        send_all(r, r->out_fd[lane], r->out_buf, r->size);
    }
}

/* Waits for the next message of this lane; returns where it is. */
static unsigned char *receive(struct run *r, int lane)
{
    switch (r->mech) {
    case SHM_SPIN: {
        unsigned char *s = slot(r, lane, r->cursor[lane]);
        spin_wait(r, slot_seq(s), 2 * r->cursor[lane] + 1);
        return s + SLOT_MESSAGE;
    }
    case SHM_SEM: {
        /* the receiver takes "full" and gives "empty": the sender's operations swapped */
        struct sembuf take = r->sem_give[lane];
        take.sem_op = -1;
        semop_counted(r, &take);
        return slot(r, lane, r->cursor[lane]) + SLOT_MESSAGE;
    }
    case MSGQ:
        for (;;) {
            r->calls++;
            ssize_t n = msgrcv(g_msqid >= 0 ? g_msqid : -1, r->msg_in, r->size, lane + 1, 0);
            if (n == (ssize_t) r->size) return r->msg_in->text;
            if (n >= 0) die("msgrcv: a message of %zd bytes, expected %zu", n, r->size);
            if (errno != EINTR) {
                char a[64];
                snprintf(a, sizeof a, "msqid=%d, size=%zu, type=%d", (int) g_msqid, r->size, lane + 1);
                fail("msgrcv", a);
            }
        }
    default: {
        size_t got = 0;
        int fd = r->in_fd[lane];
        while (got < r->size) {
            r->calls++;
            ssize_t n = r->socket ? recv(fd, r->in_buf + got, r->size - got, MSG_WAITALL)
                                  : read(fd, r->in_buf + got, r->size - got);
            if (n == 0) die("%s: end of file after %zu of %zu bytes: the other process died",
                            r->socket ? "recv" : "read", got, r->size);
            if (n < 0) {
                if (errno == EINTR) continue;
                char a[64];
                snprintf(a, sizeof a, "fd=%d, size=%zu", fd, r->size - got);
                fail(r->socket ? "recv" : "read", a);
            }
            got += (size_t) n;
        }
        return r->in_buf;
    }
    }
}

static void release(struct run *r, int lane)
{
    switch (r->mech) {
    case SHM_SPIN: {
        unsigned char *s = slot(r, lane, r->cursor[lane]);
        __atomic_store_n(slot_seq(s), 2 * (r->cursor[lane] + r->slots), __ATOMIC_RELEASE);
        r->cursor[lane]++;
        return;
    }
    case SHM_SEM: {
        r->cursor[lane]++;
        struct sembuf give = r->sem_take[lane];
        give.sem_op = 1;
        semop_counted(r, &give);
        return;
    }
    default:
        return;
    }
}

/* ---- the four roles ---- */

static void pinger(struct run *r, struct hist *h)
{
    /* a queue, socket or pipe sends from the pinger's own buffer, where the last message's payload
     * is still in place: the next one needs only its header and seal (ipclab's pinger: the same) */
    int own = r->mech != SHM_SPIN && r->mech != SHM_SEM;
    for (uint64_t i = 0; i < r->total; i++) {
        uint64_t seq = wire_seq(r, i), t0 = now_ns();
        unsigned char *out = claim(r, 0);
        if (own && i > 0) restamp(r, out, seq, t0);
        else stamp(r, out, seq, t0);
        publish(r, 0);
        unsigned char *m = receive(r, 1);
        uint64_t t1 = now_ns();
        check(r, m, seq);
        release(r, 1);
        if (i >= r->warmup) hist_record(h, t1 - t0);
    }
}

static void echo(struct run *r, struct shared *out)
{
    /* as ipclab's echo: the next reply's room claimed before the wait for the next message, the
     * message's slot released once the reply is sent (shm-sem: neither semop inside a round trip) */
    unsigned char *next = r->total > 0 ? claim(r, 1) : NULL;
    for (uint64_t i = 0; i < r->total; i++) {
        unsigned char *m = receive(r, 0);
        check(r, m, wire_seq(r, i));
        memcpy(next, m, r->size);
        publish(r, 1);
        release(r, 0);
        out->received++;
        if (i + 1 < r->total) next = claim(r, 1);
    }
}

/* Returns the clock just before the first measured message. */
static uint64_t writer(struct run *r)
{
    uint64_t start = 0;
    for (uint64_t i = 0; i < r->total; i++) {
        unsigned char *m = claim(r, 0);
        /* the send time only in the messages whose latency the reader records (ipclab's sample) */
        uint64_t ts = (i < r->warmup ? i : i - r->warmup) % LATENCY_EVERY == 0 ? now_ns() : 0;
        if (i == r->warmup) start = ts;
        stamp(r, m, wire_seq(r, i), ts);
        publish(r, 0);
    }
    return start;
}

static void reader(struct run *r, struct shared *out, struct hist *h)
{
    for (uint64_t i = 0; i < r->total; i++) {
        unsigned char *m = receive(r, 0);
        check(r, m, wire_seq(r, i));
        if (i >= r->warmup && ((i - r->warmup) % LATENCY_EVERY == 0 || i == r->total - 1)) {
            uint64_t now = now_ns(), ts;
            memcpy(&ts, m + 16, 8);
            if ((i - r->warmup) % LATENCY_EVERY == 0) hist_record(h, now - ts);
            if (i == r->total - 1) out->last_ns = now;
        }
        release(r, 0);
        out->received++;
    }
    out->lat_p50_ns = hist_at(h, 0.5);
}

/* ---- set-up ---- */

static long read_long(const char *path)
{
    FILE *f = fopen(path, "r");
    long v = -1;
    if (!f || fscanf(f, "%ld", &v) != 1) v = -1;
    if (f) fclose(f);
    return v;
}

static void pin(int cpu, const char *who)
{
    if (cpu < 0) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        char a[64];
        snprintf(a, sizeof a, "pid=0 (%s), cpu=%d", who, cpu);
        fail("sched_setaffinity", a);
    }
}

static void parse_cpus(struct run *r, const char *s)
{
    r->cpus[0] = r->cpus[1] = -1;
    if (strcmp(s, "none") == 0) return;
    int a, b, n = 0;
    if (sscanf(s, "%d,%d%n", &a, &b, &n) != 2 || s[n] != '\0' || a < 0 || b < 0 || a >= CPU_SETSIZE || b >= CPU_SETSIZE)
        usage("-c is '%s'; expected two CPUs like 0,1, or none", s);
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) fail("sched_getaffinity", "pid=0");
    if (!CPU_ISSET(a, &allowed) || !CPU_ISSET(b, &allowed))
        usage("-c %s: CPU %d is not one this process may run on (see /sys/devices/system/cpu/online and taskset -p %d); "
              "use -c none to leave placement to the scheduler", s, CPU_ISSET(a, &allowed) ? b : a, (int) getpid());
    r->cpus[0] = a;
    r->cpus[1] = b;
}

static void *alloc(size_t n)
{
    void *p = aligned_alloc(64, (n + 63) / 64 * 64);
    if (!p) die("out of memory (%zu bytes)", n);
    memset(p, 0, n);
    return p;
}

static void make_channel(struct run *r, uint32_t all_slots)
{
    int lanes = r->pingpong ? 2 : 1;
    char a[96];
    if (r->mech == SHM_SPIN || r->mech == SHM_SEM) {
        r->slots = r->pingpong ? all_slots / 2 : all_slots;
        r->slot_bytes = SLOT_HEADER + (r->size + 63) / 64 * 64;
        size_t bytes = CONTROL_BYTES + (size_t) lanes * r->slots * r->slot_bytes;
        int id = shmget(IPC_PRIVATE, bytes, IPC_CREAT | IPC_EXCL | 0600);
        if (id < 0) { snprintf(a, sizeof a, "key=IPC_PRIVATE, size=%zu", bytes); fail("shmget", a); }
        void *p = shmat(id, NULL, 0);
        int saved = errno;
        shmctl(id, IPC_RMID, NULL);   /* freed at the last detach, however this run ends */
        if (p == (void *) -1) { errno = saved; snprintf(a, sizeof a, "shmid=%d", id); fail("shmat", a); }
        r->seg = p;
        memset(r->seg, 0, bytes);     /* the first touch of every page, before the clock runs */
        for (int l = 0; l < lanes; l++)
            for (uint32_t s = 0; s < r->slots; s++) *slot_seq(slot(r, l, s)) = 2 * (uint64_t) s;
        if (r->mech == SHM_SEM) {
            int sid = semget(IPC_PRIVATE, 2 * lanes, IPC_CREAT | IPC_EXCL | 0600);
            if (sid < 0) { snprintf(a, sizeof a, "key=IPC_PRIVATE, nsems=%d", 2 * lanes); fail("semget", a); }
            g_semid = sid;
            for (int l = 0; l < lanes; l++) {
                if (semctl(sid, 2 * l, SETVAL, (int) r->slots) != 0) { snprintf(a, sizeof a, "semid=%d, SETVAL", sid); fail("semctl", a); }
                r->sem_take[l] = (struct sembuf) { .sem_num = (unsigned short) (2 * l), .sem_op = -1 };      /* empty */
                r->sem_give[l] = (struct sembuf) { .sem_num = (unsigned short) (2 * l + 1), .sem_op = 1 };   /* full */
            }
        }
        return;
    }
    if (r->mech == MSGQ) {
        long msgmax = read_long("/proc/sys/kernel/msgmax"), msgmnb = read_long("/proc/sys/kernel/msgmnb");
        if ((msgmax > 0 && (long) r->size > msgmax) || (msgmnb > 0 && (long) r->size > msgmnb))
            usage("msgq: SIZE %zu is over the kernel's limit (msgmax %ld, msgmnb %ld in /proc/sys/kernel)",
                  r->size, msgmax, msgmnb);
        int id = msgget(IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0600);
        if (id < 0) fail("msgget", "key=IPC_PRIVATE");
        g_msqid = id;
        r->msg_out = alloc(sizeof(long) + r->size);
        r->msg_in = alloc(sizeof(long) + r->size);
        return;
    }
    r->out_buf = alloc(r->size);
    r->in_buf = alloc(r->size);
    r->socket = r->mech != PIPE;
    /* parent's view: lane 0 goes out on out_fd[0]; the child's ends are swapped in the child */
    if (r->mech == PIPE) {
        int p0[2], p1[2] = { -1, -1 };
        if (pipe(p0) != 0 || (r->pingpong && pipe(p1) != 0)) fail("pipe", "");
        r->out_fd[0] = p0[1]; r->in_fd[0] = p0[0];   /* lane 0: parent writes, child reads */
        r->out_fd[1] = p1[1]; r->in_fd[1] = p1[0];   /* lane 1: child writes, parent reads */
        return;
    }
    int sv[2];
    if (r->mech == UNIX_STREAM) {
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) fail("socketpair", "AF_UNIX, SOCK_STREAM");
    } else {
        int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
        struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        socklen_t len = sizeof sa;
        if (l < 0) fail("socket", "AF_INET, SOCK_STREAM");
        if (bind(l, (struct sockaddr *) &sa, sizeof sa) != 0) fail("bind", "127.0.0.1:0");
        if (listen(l, 1) != 0) fail("listen", "backlog=1");
        if (getsockname(l, (struct sockaddr *) &sa, &len) != 0) fail("getsockname", "");
        sv[0] = socket(AF_INET, SOCK_STREAM, 0);
        if (sv[0] < 0) fail("socket", "AF_INET, SOCK_STREAM");
        if (connect(sv[0], (struct sockaddr *) &sa, sizeof sa) != 0) fail("connect", "127.0.0.1");
        sv[1] = accept(l, NULL, NULL);
        if (sv[1] < 0) fail("accept", "");
        close(l);
        for (int i = 0; i < 2; i++)
            if (setsockopt(sv[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0) fail("setsockopt", "TCP_NODELAY");
    }
    r->out_fd[0] = r->in_fd[1] = sv[0];   /* parent's socket */
    r->out_fd[1] = r->in_fd[0] = sv[1];   /* child's socket */
}

/* The child keeps its ends, the parent its own; the lane numbers stay those of the parent's view. */
static void keep_ends(struct run *r, int child)
{
    if (r->mech < UNIX_STREAM) return;
    if (r->mech == PIPE) {
        if (child) { close(r->out_fd[0]); if (r->pingpong) close(r->in_fd[1]); }
        else { close(r->in_fd[0]); if (r->pingpong) close(r->out_fd[1]); }
        return;
    }
    int mine = child ? r->out_fd[1] : r->out_fd[0], other = child ? r->out_fd[0] : r->out_fd[1];
    close(other);
    r->out_fd[0] = r->out_fd[1] = r->in_fd[0] = r->in_fd[1] = mine;
}

static void on(int sig, void (*handler)(int), int flags)
{
    struct sigaction sa = { .sa_handler = handler, .sa_flags = flags };
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void child_main(struct run *r, struct shared *out, pid_t parent, int ready_fd)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);      /* the parent gone: remove the objects (on_fatal_signal) */
    if (getppid() != parent) on_fatal_signal(SIGTERM);
    g_child = 0;
    on(SIGCHLD, SIG_DFL, 0);
    pin(r->cpus[1], "child");
    keep_ends(r, 1);
    static struct hist h;
    char c = 'r';
    if (write(ready_fd, &c, 1) != 1) die("cannot tell the parent it is ready");
    close(ready_fd);
    if (r->pingpong) echo(r, out); else reader(r, out, &h);
    out->calls = r->calls;
    out->yields = r->yields;
    out->errors = r->errors;
    if (r->errors) snprintf(out->error, sizeof out->error, "%s", r->first_error);
    out->done = 1;
    _exit(0);
}

int main(int argc, char **argv)
{
    struct run r = { .cpus = { 0, 1 } };
    const char *cpus_arg = "0,1";   /* the default: checked like a given -c */
    uint32_t all_slots = 64;
    unsigned timeout = 300;
    int opt;
    while ((opt = getopt(argc, argv, "+c:s:t:")) != -1) {
        char *end;
        switch (opt) {
        case 'c': cpus_arg = optarg; break;
        case 's': {
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v < 2 || v > 32768 || (v & (v - 1))) usage("-s is '%s'; expected a power of two, 2 to 32768", optarg);
            all_slots = (uint32_t) v;
            break;
        }
        case 't': {
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v < 1 || v > 86400) usage("-t is '%s'; expected seconds, 1 to 86400", optarg);
            timeout = (unsigned) v;
            break;
        }
        default: usage("unknown option");
        }
    }
    if (argc - optind != 4) usage("expected 4 arguments, got %d", argc - optind);
    char **a = argv + optind;
    for (r.mech = 0; r.mech < NMECH && strcmp(a[0], MECH_NAMES[r.mech]) != 0; r.mech++) { }
    if (r.mech == NMECH) usage("unknown mechanism '%s'", a[0]);
    if (strcmp(a[1], "pingpong") == 0) r.pingpong = 1;
    else if (strcmp(a[1], "stream") != 0) usage("unknown mode '%s'; expected pingpong or stream", a[1]);
    char *end;
    unsigned long long size = strtoull(a[2], &end, 10);
    if (*end || size < HDR || size > (1ULL << 30)) usage("SIZE is '%s'; expected bytes, %d (the header) to 1073741824", a[2], HDR);
    unsigned long long count = strtoull(a[3], &end, 10);
    if (*end || count < 1 || count > 1000000000ULL) usage("COUNT is '%s'; expected 1 to 1000000000", a[3]);
    parse_cpus(&r, cpus_arg);
    r.size = size;
    r.count = count;
    r.warmup = count / 10 > 100 ? count / 10 : 100;
    r.total = r.count + r.warmup;

    /* handlers first, so that no object is made that a signal could leave behind */
    on(SIGINT, on_fatal_signal, 0);
    on(SIGTERM, on_fatal_signal, 0);
    on(SIGHUP, on_fatal_signal, 0);
    on(SIGALRM, on_fatal_signal, 0);
    on(SIGPIPE, SIG_IGN, 0);
    alarm(timeout);

    r.pattern = alloc(r.size);
    uint64_t x = 0x9E3779B97F4A7C15ULL;   /* splitmix64 */
    for (size_t i = 0; i < r.size; i++) {
        uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        r.pattern[i] = (unsigned char) (z ^ (z >> 31));
    }
    struct shared *out = mmap(NULL, sizeof *out, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (out == MAP_FAILED) fail("mmap", "MAP_SHARED|MAP_ANONYMOUS");
    memset(out, 0, sizeof *out);
    g_child_done = &out->done;

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT); sigaddset(&block, SIGTERM); sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);   /* no interruption between making an object and noting it */
    make_channel(&r, all_slots);
    sigprocmask(SIG_SETMASK, &old, NULL);

    int ready[2];
    if (pipe(ready) != 0) fail("pipe", "ready");
    on(SIGCHLD, on_child_exit, SA_NOCLDSTOP | SA_RESTART);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) fail("fork", "");
    if (pid == 0) { close(ready[0]); child_main(&r, out, parent, ready[1]); }
    g_child = pid;
    close(ready[1]);
    pin(r.cpus[0], "parent");
    keep_ends(&r, 0);
    char c;
    ssize_t got;
    while ((got = read(ready[0], &c, 1)) < 0 && errno == EINTR) { }
    if (got != 1) die("the child died while starting");
    close(ready[0]);

    static struct hist h;
    uint64_t start = 0, t0 = now_ns();
    if (r.pingpong) pinger(&r, &h); else start = writer(&r);
    uint64_t t1 = now_ns();
    g_parent_done = 1;
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    g_child = 0;
    alarm(0);
    int msqid = g_msqid, semid = g_semid;
    remove_ipc();

    int failed = 0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "ipcbase: the child %s %d\n", WIFEXITED(status) ? "exited with" : "was killed by signal",
                WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        failed = 1;
    }
    if (out->received != r.total) {
        fprintf(stderr, "ipcbase: the child received %llu messages of %llu\n",
                (unsigned long long) out->received, (unsigned long long) r.total);
        failed = 1;
    }
    if (r.errors || out->errors) {
        fprintf(stderr, "ipcbase: %llu damaged, lost or out-of-order messages: %s\n",
                (unsigned long long) (r.errors + out->errors), r.errors ? r.first_error : out->error);
        failed = 1;
    }
    struct msqid_ds mq;
    struct semid_ds sd;
    if (msqid >= 0 && msgctl(msqid, IPC_STAT, &mq) == 0) { fprintf(stderr, "ipcbase: message queue %d left behind\n", msqid); failed = 1; }
    if (semid >= 0 && semctl(semid, 0, IPC_STAT, &sd) == 0) { fprintf(stderr, "ipcbase: semaphore set %d left behind\n", semid); failed = 1; }

    char cpus[32];
    if (r.cpus[0] < 0) snprintf(cpus, sizeof cpus, "none");
    else snprintf(cpus, sizeof cpus, "%d,%d", r.cpus[0], r.cpus[1]);
    double per = (double) r.total;   /* messages, or round trips; warm-up included on both sides */
    printf("{\"tool\":\"ipcbase\",\"mech\":\"%s\",\"mode\":\"%s\",\"size\":%zu,\"count\":%llu,\"warmup\":%llu,",
           MECH_NAMES[r.mech], r.pingpong ? "pingpong" : "stream", r.size, (unsigned long long) r.count,
           (unsigned long long) r.warmup);
    if (r.pingpong) {
        printf("\"p50_ns\":%llu,\"p99_ns\":%llu,\"p999_ns\":%llu,\"mean_ns\":%.1f,\"min_ns\":%llu,\"max_ns\":%llu,"
               "\"elapsed_s\":%.3f,",
               (unsigned long long) hist_at(&h, 0.5), (unsigned long long) hist_at(&h, 0.99),
               (unsigned long long) hist_at(&h, 0.999), h.n ? h.sum / (double) h.n : 0.0,
               (unsigned long long) h.min, (unsigned long long) h.max, (double) (t1 - t0) / 1e9);
    } else {
        double secs = out->last_ns > start ? (double) (out->last_ns - start) / 1e9 : 0;
        double mps = secs > 0 ? (double) r.count / secs : 0;
        printf("\"msgs_per_s\":%.0f,\"mib_per_s\":%.1f,\"elapsed_s\":%.3f,\"latency_p50_ns\":%llu,\"latency_every\":%d,",
               mps, mps * (double) r.size / 1048576.0, secs, (unsigned long long) out->lat_p50_ns, LATENCY_EVERY);
    }
    printf("\"syscalls_per_msg\":%.3f,\"child_syscalls_per_msg\":%.3f,\"yields\":%llu,\"child_yields\":%llu,",
           (double) r.calls / per, (double) out->calls / per, (unsigned long long) r.yields,
           (unsigned long long) out->yields);
    if (r.mech == SHM_SPIN || r.mech == SHM_SEM) printf("\"slots\":%u,\"slot_bytes\":%zu,", r.slots, r.slot_bytes);
    printf("\"cpus\":\"%s\",\"ok\":%s}\n", cpus, failed ? "false" : "true");
    return failed;
}

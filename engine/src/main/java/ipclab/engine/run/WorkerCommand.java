package ipclab.engine.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line of a worker JVM, and the JDK 25 AOT cache that makes it start fast.
 *
 * <p>Workers run with the full tiered compiler (their speed is measured, so no C1-only
 * flags), the serial collector, no perf-data file, and JVM log output sent to stderr (stdout is
 * the protocol). The AOT cache needs jars on the class path (a directory, e.g. under surefire,
 * rules it out) and the same flags in training and use; it lives under
 * {@code <state>/aot/<hash>.aot}, the hash covering the JDK, the flags and every class path
 * entry with its size and mtime. When it is missing, a training run ({@link TrainingDriver} driving
 * the workers of a {@link Training} JVM with {@code -XX:AOTCacheOutput}) is started in the background, once (a lock file), and the
 * run goes on without it; nothing fails because of the cache.
 *
 * <p>For diagnosis, {@code IPCLAB_WORKER_XFLAGS} (whitespace-separated JVM flags) is appended to
 * the flags of workers (not of training), after ours: e.g.
 * {@code IPCLAB_WORKER_XFLAGS='-Xlog:class+load,startuptime:file=/tmp/w-%p.log:uptime'} shows
 * which classes a worker did not find in the AOT cache and where its start-up time goes.
 */
public final class WorkerCommand {
    static final String MAIN = "ipclab.engine.worker.WorkerMain";

    /** The training JVM's main class: in-process workers, driven from another JVM (see {@link Training}). */
    static final String TRAINING_MAIN = "ipclab.engine.run.Training";

    /** The main class of the JVM that starts and drives the training JVM (see {@link TrainingDriver}). */
    static final String TRAINING_DRIVER_MAIN = "ipclab.engine.run.TrainingDriver";

    /**
     * The methods that make a hot path's system call through a downcall that captures errno, each
     * kept a compilation of its own ({@code dontinline}). The FFM linker slices the capture segment
     * at every call ({@code SharedUtils.checkCaptureSegment}), and C2 removes that object only when
     * it inlines the whole downcall, some fifteen levels of method handles deep: inlined into a
     * role's loop, the chain can pass C2's inlining depth, and the call then allocates 40 bytes for
     * good (HotPathAllocationTest's semaphore case failed so in 2 runs of 40 after MsgqChannelTest
     * in its JVM, and once in a whole suite under load; with {@code -XX:MaxInlineLevel=10} it fails
     * every time, and passes with these). A call more per system call costs a nanosecond beside
     * hundreds. The test JVMs get the same flags (the parent
     * pom's {@code ipclab.jvmFlags}; HotPathAllocationTest checks that it has them).
     */
    public static final List<String> DOWNCALL_ROOTS = List.of(
            "-XX:CompileCommand=dontinline,ipclab.engine.sys.SysvSemaphore::op*",
            "-XX:CompileCommand=dontinline,ipclab.engine.sys.SysvMsgQueue::try*",
            "-XX:CompileCommand=dontinline,ipclab.engine.sys.Fd::try*",
            "-XX:CompileCommand=dontinline,ipclab.engine.sys.Fd::transfer",
            "-XX:CompileCommand=dontinline,ipclab.engine.sys.SocketIo::*Now",
            "-XX:CompileCommand=dontinline,ipclab.engine.sys.SocketIo::*MayBlock");

    /**
     * Flags of every worker, in training and in use. The {@code CompileCommand}s keep JIT
     * compilation out of the measured window (issue 12, bench/HISTORY.md "Why a short spin stream
     * was slow"): ipclab's own methods compile in the foreground ({@code BackgroundCompilation}
     * false), so a role's loop waits the few milliseconds its compilation takes, during the writer's
     * warm-up, instead of running interpreted or C1 code for hundreds of milliseconds while the
     * compiler thread, pinned to the same CPU, competes with it; {@link
     * ipclab.engine.channel.Backoff#idle()} is never inlined, so that its rare branches (a clock read
     * every 1024 idle turns, a yield, a park), first taken after the ring loop was compiled, cannot
     * deoptimise the loop it waits in; nor is {@code WarmupCalls.after}, whose branch on the kind of
     * message first goes the other way at a stream's first measured message; nor is HdrHistogram's
     * {@code updateMinAndMax}, whose new-minimum branch the warm-up's histogram stops taking after
     * its first values and the measured histogram takes at its first: inlined, its trap threw the
     * reader's whole loop back to the interpreter and into a foreground recompilation inside the
     * window (issue 12, session 6, {@code -Xlog:deoptimization}); alone, only it recompiles. {@code
     * WorkerMain.runOne}, the loop that calls the role once per message, reaches its compile
     * thresholds at a hundredth of the usual counts ({@code CompileThresholdScaling}): at the usual
     * ones its first compilation, in the foreground, fell inside a short stream's window (shm-sem
     * 4 KiB, 40 ms: ~3 ms, JIT log); A/B in one hold, 7 rounds: that stream with ipclab's defaults
     * 1.20x (1.15-2.13), the others 0.99-1.05x, round trips 0.95-1.00x (bench/HISTORY.md, "Session
     * 8: byte-64k" and the lead's A/B after it). {@code quiet} first:
     * CompileCommand otherwise prints to stdout, the worker's protocol channel. {@code
     * -AOTReplayTraining}: the cache keeps the classes, but not the training's method profiles,
     * which were gathered with every role on every channel in one JVM: replayed, they made the
     * role's calls to its ports (poll, claim, publish) megamorphic, so C2 left them virtual in every
     * worker (PrintInlining: "failed to inline: virtual call"), where a worker's own profile sees
     * one port class (issue 12, session 4).
     */
    private static final List<String> BASE_FLAGS = List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xlog:disable",
            "-Xlog:all=warning:stderr",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=BackgroundCompilation,ipclab.*::*,false",
            "-XX:CompileCommand=dontinline,ipclab.engine.channel.Backoff::idle",
            "-XX:CompileCommand=dontinline,ipclab.engine.role.WarmupCalls::after",
            "-XX:CompileCommand=dontinline,org.HdrHistogram.AbstractHistogram::updateMinAndMax",
            "-XX:CompileCommand=CompileThresholdScaling,ipclab.engine.worker.WorkerMain::runOne,0.01",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:-AOTReplayTraining");

    /** Every worker's flags: {@link #BASE_FLAGS} and {@link #DOWNCALL_ROOTS}. */
    static final List<String> FLAGS =
            Stream.concat(BASE_FLAGS.stream(), DOWNCALL_ROOTS.stream()).toList();

    /** The flags of every worker JVM (for a bench that starts a bare JVM the same way). */
    public static List<String> flags() {
        return FLAGS;
    }

    /**
     * What comes before {@code java} on a worker's command line: {@code setpriv --pdeathsig KILL --}
     * when util-linux's setpriv (2.33 or later) is there, else nothing. setpriv sets the process's
     * parent-death signal (prctl PR_SET_PDEATHSIG) and execs the JVM, which keeps it; the worker is
     * then told so ({@code WorkerMain.TIED}) and links no prctl downcall of its own before "ready": in a worker
     * that was the first FFM link of the JVM, 15-56% of its spawn-to-ready (bench/HISTORY.md "Session 4:
     * start-up"). Without setpriv the worker makes the call itself, as before. For a bench that starts
     * a bare JVM the same way.
     */
    public static List<String> launcher() {
        return Tie.PREFIX;
    }

    /** Whether setpriv can tie a worker: checked once per supervisor JVM by running it (a few ms). */
    private static final class Tie {
        static final String SETPRIV = "/usr/bin/setpriv";
        static final List<String> PREFIX = works() ? List.of(SETPRIV, "--pdeathsig", "KILL", "--") : List.of();

        private static boolean works() {
            if (!Files.isExecutable(Path.of(SETPRIV))) return false;
            try {
                Process p = new ProcessBuilder(SETPRIV, "--pdeathsig", "KILL", "--", "/bin/true")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                return p.waitFor() == 0; // an old setpriv without --pdeathsig exits 1
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private final String java =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classPath;
    private final Path aotDir;

    WorkerCommand(String classPath, Path stateDir) {
        this.classPath = classPath;
        this.aotDir = stateDir.resolve("aot");
    }

    /** For the supervisor's own class path and state dir. */
    public static WorkerCommand forThisJvm(Path stateDir) {
        return new WorkerCommand(System.getProperty("java.class.path"), stateDir);
    }

    /** The cache file for this class path, or null when the class path has a directory (no cache possible). */
    public Path cacheFile() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((System.getProperty("java.home") + "\n" + Runtime.version() + "\n" + FLAGS + "\n" + classPath)
                    .getBytes(StandardCharsets.UTF_8));
            for (String e : classPath.split(File.pathSeparator)) {
                if (e.isEmpty()) continue;
                Path p = Path.of(e);
                if (Files.isDirectory(p)) return null;
                if (Files.exists(p))
                    d.update((Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            }
            return aotDir.resolve(HexFormat.of().formatHex(d.digest(), 0, 12) + ".aot");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /**
     * The command for one worker.
     *
     * @param aot use the AOT cache if there is one (and start building it if there is none)
     */
    public List<String> command(boolean aot, String agentFactory) {
        List<String> cmd = new ArrayList<>(launcher());
        cmd.add(java);
        cmd.addAll(FLAGS);
        if (aot) {
            Path cache = cacheFile();
            if (cache != null) {
                if (Files.isRegularFile(cache)) cmd.add("-XX:AOTCache=" + cache);
                else startTraining(cache);
            }
        }
        String extra = System.getenv("IPCLAB_WORKER_XFLAGS");
        if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(MAIN);
        if (!launcher().isEmpty()) cmd.add(ipclab.engine.worker.WorkerMain.TIED);
        if (agentFactory != null) cmd.add("--factory=" + agentFactory);
        return cmd;
    }

    /**
     * Starts the training run in the background unless one is under way; returns it, or null.
     * The cache appears (atomically renamed) when training ends, even if this JVM is gone by then.
     */
    public Process startTraining(Path cache) {
        try {
            Files.createDirectories(aotDir);
            Path lock = cache.resolveSibling(cache.getFileName() + ".lock");
            if (Files.exists(lock)) {
                FileTime t = Files.getLastModifiedTime(lock);
                if (t.toInstant().isAfter(Instant.now().minusSeconds(600))) return null; // someone is training
                Files.deleteIfExists(lock);
            }
            Files.writeString(lock, Long.toString(ProcessHandle.current().pid()), StandardOpenOption.CREATE_NEW);
            prune();
            Path tmp = cache.resolveSibling(cache.getFileName() + ".tmp");
            Path log = cache.resolveSibling(cache.getFileName() + ".log");
            StringBuilder sh = new StringBuilder();
            // the driver's JVM, which starts the recording JVM with FLAGS and -XX:AOTCacheOutput=tmp
            sh.append(quote(java)).append(" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC");
            sh.append(" -cp ").append(quote(classPath)).append(' ').append(TRAINING_DRIVER_MAIN);
            sh.append(' ').append(quote(tmp.toString()));
            sh.append(" && mv -f ").append(quote(tmp.toString())).append(' ').append(quote(cache.toString()));
            sh.append("; rm -f ").append(quote(lock.toString())).append(' ').append(quote(tmp.toString()));
            return new ProcessBuilder("/bin/sh", "-c", sh.toString())
                    .redirectOutput(log.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            return null; // the cache is an optimisation: never fail a run for it
        }
    }

    /** Keeps the {@value #KEEP} newest caches (each rebuild of the jars makes a new one, ~15 MB): a JVM using an old one keeps its mapping. */
    private void prune() {
        try (var files = Files.list(aotDir)) {
            List<Path> caches =
                    new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".aot"))
                            .toList());
            caches.sort((a, b) -> {
                try {
                    return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
                } catch (IOException e) {
                    return 0;
                }
            });
            for (Path old : caches.subList(Math.min(KEEP, caches.size()), caches.size())) {
                Files.deleteIfExists(old);
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".log"));
            }
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping only
        }
    }

    static final int KEEP = 3;

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

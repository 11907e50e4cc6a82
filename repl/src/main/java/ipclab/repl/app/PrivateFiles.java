package ipclab.repl.app;

import ipclab.engine.sys.ProcessLife;

/**
 * Everything ipclab writes is the user's alone: the run registry, kept traces, reports, charts,
 * history, FIFOs and sockets of a run, and its kept-runs directories. Rather than set a mode at each
 * of the many places that create a file, the process's umask is made 077 once, before any of them:
 * a new file is then 0600 and a new directory 0700 whoever creates it, the workers included (they
 * inherit it). A file that already exists keeps its mode when it is written over.
 */
public final class PrivateFiles {
    /** The bits a new file or directory never has: group and others get nothing. */
    public static final int UMASK = 0077;

    private PrivateFiles() {}

    /** From now on, what this process creates is private to the user. */
    public static void fromNowOn() {
        ProcessLife.umask(UMASK);
    }
}

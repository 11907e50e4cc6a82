package ipclab.engine.run;

import java.io.IOException;

/** Removes a System V object by id (IPC_RMID). */
final class KernelObjects {
    private KernelObjects() {}

    /** kind: shm, msg or sem. */
    static void remove(String kind, int id) throws IOException {
        // TODO(runtime): SysvShm.remove / SysvMsgQueue.remove / SysvSemaphore.remove once bindings are merged
        String flag = switch (kind) { case "shm" -> "-m"; case "msg" -> "-q"; case "sem" -> "-s"; default -> throw new IllegalArgumentException(kind); };
        try {
            Process p = new ProcessBuilder("ipcrm", flag, Integer.toString(id)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0) throw new IOException("ipcrm " + flag + " " + id + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

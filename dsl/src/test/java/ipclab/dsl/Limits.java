package ipclab.dsl;

import ipclab.dsl.plan.KernelLimits;

/** Fixed kernel limits (Linux defaults, shmmax lowered to 32 MiB, wmem_default 208KiB) so that tests do not depend on the machine. */
public final class Limits {
    private Limits() {}

    public static final KernelLimits DEFAULT = new KernelLimits(8192, 16384, 32L << 20, 32000, 212992);
}

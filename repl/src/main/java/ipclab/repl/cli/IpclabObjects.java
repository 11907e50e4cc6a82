package ipclab.repl.cli;

import ipclab.engine.inspect.SysvObject;

/** Tells whether ipclab made a System V object (from the runtime's run registry). */
@FunctionalInterface
public interface IpclabObjects {
    boolean madeByIpclab(SysvObject o);

    /** No registry to ask: nothing counts as ipclab's. */
    static IpclabObjects none() {
        return o -> false;
    }
}

/**
 * The native package: hand-written FFM bindings for System V shared memory, message queues and
 * semaphores, sockets, pipes and FIFOs, and getrusage. The only place in ipclab that makes
 * downcalls or knows C struct offsets.
 *
 * <ul>
 *   <li>One class per facility ({@link ipclab.engine.sys.SysvShm}, {@link ipclab.engine.sys.SysvMsgQueue},
 *       {@link ipclab.engine.sys.SysvSemaphore}, {@link ipclab.engine.sys.Sockets} (its options in {@link ipclab.engine.sys.SocketOptions}, send and recv in {@link ipclab.engine.sys.SocketIo}), {@link ipclab.engine.sys.Pipes},
 *       {@link ipclab.engine.sys.Rusage}, {@link ipclab.engine.sys.ProcessLife}: PR_SET_PDEATHSIG, getppid);
 *       each call a static method over a {@code MethodHandle} made once,
 *       lazily (a holder class per call, because JVM start-up of worker processes matters).</li>
 *   <li>errno is captured with {@code Linker.Option.captureCallState("errno")} into a per-thread segment;
 *       failures raise {@link ipclab.engine.sys.IpcException} naming call, errno symbol, text and arguments.</li>
 *   <li>Per-message calls have allocation-free {@code try...} variants that return {@code -errno}.</li>
 *   <li>Every call that enters the kernel is counted in {@link ipclab.engine.sys.Syscalls}.</li>
 *   <li>Struct layouts are the named {@code StructLayout}s of {@link ipclab.engine.sys.Structs};
 *       the rest of the engine sees records ({@link ipclab.engine.sys.ShmInfo}, {@link ipclab.engine.sys.MsqInfo},
 *       {@link ipclab.engine.sys.Rusage.Usage}).</li>
 * </ul>
 */
package ipclab.engine.sys;

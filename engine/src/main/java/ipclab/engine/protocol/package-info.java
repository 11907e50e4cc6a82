/**
 * What the supervisor and a worker say to each other, and the contracts both sides build on. It
 * sits just above {@code sys}: channels, roles, the worker process and the supervisor all use it,
 * and it uses none of them.
 *
 * <ul>
 *   <li>API: {@link ipclab.engine.protocol.Wire} (one JSON object per line: spec, ready, go,
 *       pending, grant, free, stop, report, error; written with jackson-core's streaming generator,
 *       read with {@link ipclab.engine.protocol.JsonLine}), {@link ipclab.engine.protocol.WorkerSpec}
 *       (a worker's part of the plan), {@link ipclab.engine.protocol.ChannelHandle} (the kernel
 *       objects and addresses the supervisor made for a channel, one record per mechanism),
 *       {@link ipclab.engine.protocol.WorkerReport} (a worker's figures),
 *       {@link ipclab.engine.protocol.StepGate} and {@link ipclab.engine.protocol.StoppedException}
 *       (step mode's contract).</li>
 *   <li>Internal: {@link ipclab.engine.protocol.JsonLine}'s parser (use {@link ipclab.engine.protocol.Wire#parse}) and {@code HandleJson}.</li>
 * </ul>
 *
 * A worker loads no data binding and no Jackson parser from here, so that it starts fast.
 */
package ipclab.engine.protocol;

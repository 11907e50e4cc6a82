/**
 * Channels: what carries messages between worker processes, and the accounting of what arrived.
 * The mechanism subpackages ({@code shm}, {@code msgq}, {@code stream}) build on this package and
 * never the other way round; choosing between them is {@code ipclab.engine.transport}'s job.
 *
 * <ul>
 *   <li>Supervisor side: each channel's {@link ipclab.engine.transport.Transport} makes,
 *       initialises and removes its kernel objects and files; {@link ipclab.engine.channel.ChannelAccounting} merges
 *       the workers' reports into {@link ipclab.engine.channel.ChannelTotals} and
 *       {@link ipclab.engine.channel.CounterFigures}.</li>
 *   <li>Worker side: the same transport attaches or connects into an
 *       {@link ipclab.engine.transport.Endpoint}, which hands the role a
 *       {@link ipclab.engine.channel.SendPort} and/or {@link ipclab.engine.channel.ReceivePort}, one
 *       implementation per mechanism in the subpackages {@code shm}, {@code msgq} and {@code stream}.</li>
 *   <li>The wire: every message starts with a {@link ipclab.engine.channel.MessageHeader}; payloads come
 *       from {@link ipclab.engine.channel.Payload}; receivers verify with a {@link ipclab.engine.channel.Verifier}
 *       (the channel's {@code verify}: every byte against the writer's pattern and the header's
 *       {@link ipclab.engine.channel.Crc}, or its ends)
 *       and record in a {@link ipclab.engine.channel.SeqLedger}. The shm layout is
 *       {@link ipclab.engine.channel.shm.RingDescriptor}.</li>
 * </ul>
 */
package ipclab.engine.channel;

package ipclab.engine.transport;

import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.UnixPath;
import ipclab.engine.protocol.WorkerSpec;

/**
 * What the two socket transports share: a channel is the address its receiver binds (a unix path
 * in a private directory, or a loopback port), and removing it removes that path's files.
 */
abstract sealed class SocketTransport implements Transport permits StreamSocketTransport, DatagramSocketTransport {
    @Override
    public final void remove(ChannelHandle h, Removal r) {
        if (((ChannelHandle.Socket) h).address() instanceof UnixPath u) r.privateFiles(u.path());
    }

    /** The address of the worker's channel. */
    static Address address(WorkerSpec spec) {
        return ((ChannelHandle.Socket) spec.handle()).address();
    }
}

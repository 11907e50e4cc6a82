package ipclab.engine.role;

import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Verifier;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.Endpoint;
import java.lang.foreign.MemorySegment;

/**
 * A role with both ends of its channel, the pinger's and the echo's: what it sends goes out
 * through {@link #out}, what comes back (or what it returns) arrives at {@link #in} and is verified
 * there (by the one {@link #verifier}: it is bound to no buffer). The ports' buffers are read once
 * at start, so a message costs no call to find them.
 */
abstract class RoundTripRole extends AbstractRole {
    SendPort out;
    ReceivePort in;
    MemorySegment outBuf;
    MemorySegment inBuf;
    Verifier verifier;

    RoundTripRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        out = endpoint.out();
        in = endpoint.in();
        outBuf = out.buffer();
        inBuf = in.buffer();
        verifier = Verifier.of(spec, endpoint.arena());
    }
}

package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.engine.channel.msgq.MsgqReceiver;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.transport.ChannelObjects;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stepped msgq receiver that finds nothing for itself but other receivers' end markers: the
 * markers go back to the queue, and the step says how many it looked past. In nowait mode the
 * step's msgrcv ended in ENOMSG, as it would unstepped: the step is {@code eagain} and the
 * receiver's ENOMSG figure counts it; blocking, it is {@code passed-on} and nothing is counted.
 */
class MsgqNowaitPassOnTest {
    /** A stepped gate that grants at once and writes down what each step came to, as "result field=v...". */
    static final class Recording implements StepGate {
        final List<String> steps = new ArrayList<>();
        private StepResult result;
        private final StringBuilder fields = new StringBuilder();

        @Override
        public void before(StepOp op, String channel) {
            end();
            result = StepResult.OK;
        }

        /** The last step's record, once it is over. */
        void end() {
            if (result != null) steps.add(result + fields.toString());
            result = null;
            fields.setLength(0);
        }

        @Override
        public boolean stepped() {
            return true;
        }

        @Override
        public void result(StepResult r) {
            result = r;
        }

        @Override
        public void number(StepNumber which, long v) {
            fields.append(' ').append(which.wireName()).append('=').append(v);
        }

        @Override
        public void message(long writer, long seq, long size) {
            fields.append(" writer=").append(writer).append(" seq=").append(seq);
        }
    }

    @Test
    void nowaitCountsTheEnomsgOfAStepThatFoundOnlyForeignEndMarkers() {
        var rec = pollPastTwoForeignMarkers(QueueMode.NOWAIT);
        assertEquals(List.of("eagain mtype=0 value=2"), rec.gate.steps, "ENOMSG, after looking past 2 markers");
        assertEquals(1, rec.enomsg, "counted as the ENOMSG the poll was");
        assertEquals(2, rec.left, "both markers are back in the queue");
    }

    @Test
    void blockingPassesOnWithoutCountingAnEnomsg() {
        var rec = pollPastTwoForeignMarkers(QueueMode.BLOCKING);
        assertEquals(List.of("passed-on mtype=0 value=2"), rec.gate.steps);
        assertEquals(0, rec.enomsg);
        assertEquals(2, rec.left);
    }

    record Polled(Recording gate, long enomsg, long left) {}

    /** Receiver 0 polls once, stepped, a queue holding the end markers of receivers 1 and 2 only. */
    private static Polled pollPastTwoForeignMarkers(QueueMode mode) {
        var ch = ChannelLab.msgq("passon", mode, 0);
        var objects = new ChannelObjects();
        ObjectLog none = new ObjectLog() {
            @Override
            public void created(ObjectKind kind, int id, int key, String path) {}

            @Override
            public void removed(ObjectKind kind, int id, String path) {}
        };
        var h = (ChannelHandle.Msgq) objects.create(ch, ChannelObjectsTest.plan(ch, Role.WRITER, Role.READER), none);
        try (Arena arena = Arena.ofConfined()) {
            MsgBuf m = MsgBuf.allocate(arena, 64);
            for (int receiver = 1; receiver <= 2; receiver++) {
                MessageHeader.writeEnd(m.text(), 0, receiver);
                m.mtype(1);
                SysvMsgQueue.send(h.msqId(), m, MessageHeader.BYTES, 0);
            }
            Recording gate = new Recording();
            MsgqReceiver r = new MsgqReceiver(h.msqId(), mode == QueueMode.NOWAIT, 0, 0, 64, gate, "passon", arena);
            assertEquals(0, r.poll(), "nothing for receiver 0");
            gate.end();
            return new Polled(gate, r.enomsg(), SysvMsgQueue.stat(h.msqId()).qnum());
        } finally {
            objects.remove(h, none);
        }
    }
}

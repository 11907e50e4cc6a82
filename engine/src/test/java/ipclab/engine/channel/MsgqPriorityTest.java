package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.engine.channel.msgq.MsgqReceiver;
import ipclab.engine.channel.msgq.MsgqSender;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.transport.ChannelObjects;
import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

class MsgqPriorityTest {
    @Test
    void negativeTypeReceivesTheLowestTypeFirst() {
        var ch = ChannelLab.msgq("prio", QueueMode.NOWAIT, 0);
        var objects = new ChannelObjects();
        var h = (ipclab.engine.protocol.ChannelHandle.Msgq)
                objects.create(ch, ChannelObjectsTest.plan(ch, Role.WRITER, Role.READER), new ObjectLog() {
                    @Override
                    public void created(ObjectKind kind, int id, int key, String path) {}

                    @Override
                    public void removed(ObjectKind kind, int id, String path) {}
                });
        try (Arena arena = Arena.ofConfined()) {
            MsgqSender low =
                    new MsgqSender(h.msqId(), -1, true, 1, 64, new int[0], new long[0], StepGate.FREE, "prio", arena);
            MsgqSender high =
                    new MsgqSender(h.msqId(), -1, true, 3, 64, new int[0], new long[0], StepGate.FREE, "prio", arena);
            Payload p = new Payload(1, 0, 64, arena);
            for (int i = 0; i < 3; i++) {
                p.write(high.buffer(), 0, 100 + i, 0);
                high.publish(64);
            }
            for (int i = 0; i < 3; i++) {
                p.write(low.buffer(), 0, i, 0);
                low.publish(64);
            }
            MsgqReceiver r = new MsgqReceiver(h.msqId(), true, -3, 1, 64, StepGate.FREE, "prio", arena);
            long[] order = new long[6];
            for (int i = 0; i < 6; i++) {
                assertEquals(64, r.poll());
                order[i] = MessageHeader.seq(r.buffer(), 0);
            }
            assertEquals(
                    "[0, 1, 2, 100, 101, 102]",
                    java.util.Arrays.toString(order),
                    "type 1 before type 3, FIFO within a type");
            assertEquals(0, r.poll(), "empty: ENOMSG with nowait");
            assertEquals(1, r.enomsg());
        } finally {
            objects.remove(h, new ObjectLog() {
                @Override
                public void created(ObjectKind kind, int id, int key, String path) {}

                @Override
                public void removed(ObjectKind kind, int id, String path) {}
            });
        }
    }
}

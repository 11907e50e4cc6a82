package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.plan.Planner;
import ipclab.engine.channel.msgq.MsgqSender;
import ipclab.engine.channel.shm.RingDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The dsl cannot see the engine, so the planner keeps copies of the engine's limits; this test
 * keeps the copies and the originals in step.
 */
class PlannerInStepTest {
    @Test
    void thePlannersLimitsAreTheEngines() {
        assertEquals(RingDescriptor.MAX_READERS, Planner.MAX_RING_READERS, "readers per ring");
        assertEquals(MsgqSender.REPLY_BASE, Planner.MAX_MTYPE + 1, "first mtype reserved for replies to pingers");
        assertEquals(
                RingDescriptor.SEM_FULL,
                Planner.RING_LANE_SEMAPHORES,
                "semaphores per lane before the per-reader 'full' ones");
        assertEquals(MessageHeader.BYTES, Planner.MIN_MESSAGE_BYTES, "smallest message: the header");
        assertEquals(
                RingDescriptor.CONTROL_BYTES, 4096, "control block the planner reserves at the start of a segment");
        assertEquals(RingDescriptor.SLOT_HEADER_BYTES, 64, "slot header the planner reserves in each slot");
    }
}

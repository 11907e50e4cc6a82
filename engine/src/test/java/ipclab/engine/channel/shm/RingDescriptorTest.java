package ipclab.engine.channel.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ipclab.dsl.model.Sync;
import org.junit.jupiter.api.Test;

/** The slot sequence's values and what the REPL's /show says they mean. */
class RingDescriptorTest {
    @Test
    void aOneSlotSpinRingTellsPublishedFromFreeForTheNext() {
        // one slot: position p + 1 reuses p's slot, so "published p" must differ from "free for p + 1"
        for (long p = 0; p < 1000; p++) {
            assertNotEquals(RingDescriptor.spinPublished(p), RingDescriptor.spinFree(p + 1));
            assertEquals(RingDescriptor.spinFree(p) + 1, RingDescriptor.spinPublished(p));
        }
    }

    @Test
    void aSequenceSaysWhatItMeans() {
        assertEquals("free for 0", RingDescriptor.sequenceMeaning(Sync.SPIN, RingDescriptor.spinFree(0)));
        assertEquals("published 3", RingDescriptor.sequenceMeaning(Sync.SPIN, RingDescriptor.spinPublished(3)));
        assertEquals("free for 7", RingDescriptor.sequenceMeaning(Sync.ATOMIC, RingDescriptor.spinFree(7)));
        assertEquals("never written", RingDescriptor.sequenceMeaning(Sync.SEMAPHORE, 0));
        assertEquals("published 4", RingDescriptor.sequenceMeaning(Sync.SEMAPHORE, 5));
    }
}

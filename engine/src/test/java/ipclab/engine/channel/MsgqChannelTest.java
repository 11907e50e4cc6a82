package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.engine.protocol.ReceivedSeqs;
import org.junit.jupiter.api.Test;

class MsgqChannelTest {
    @Test
    void threeWritersTwoReadersConserveEveryMessageExactlyOnce() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.msgq("jobs", QueueMode.BLOCKING, 0))
                .add("w1", Role.WRITER, 3000, 64, 1)
                .add("w2", Role.WRITER, 3000, 128, 2)
                .add("w3", Role.WRITER, 2000, 64, 3)
                .add("r1", Role.READER, 0, 64, 0)
                .add("r2", Role.READER, 0, 64, 0)
                .run(60);
        ChannelTotals f = lab.figures;
        assertEquals(8000, f.counts().sent());
        assertEquals(8000, f.counts().received());
        assertEquals(0, f.counts().lost());
        assertEquals(0, f.counts().duplicated());
        assertEquals(0, f.counts().corrupted());
        assertEquals(0, f.counts().reordered());
        assertTrue(f.ok());
        assertTrue(f.latency().getTotalCount() == 8000);
    }

    /**
     * {@code sample: 64}: one reader, 1,000 measured messages: the latencies of the 64th, 128th, ...
     * 960th, 15 of them, whatever the warm-up before them (the first and the last are timed for the
     * stream's window, not recorded unless they are samples).
     */
    @Test
    void aSampledReaderRecordsEverySampleAndTheFirstAndLast() throws Exception {
        ChannelLab lab = new ChannelLab(
                        ChannelLab.msgq("sampled", QueueMode.BLOCKING, 0).checking(ipclab.dsl.model.Verify.FULL, 64))
                .add("w", Role.WRITER, 1000, 64, 1)
                .add("r", Role.READER, 0, 64, 0)
                .run(60);
        assertEquals(1000, lab.report("r").received);
        assertEquals(15, lab.report("r").latency.getTotalCount());
    }

    /**
     * {@code sample: 64} with two writers: every 64th message of each writer is sampled (its writer
     * stamped its send time into it, the others carry none): 7 of each writer's 500, 14 in all (not
     * the 15 of every 64th message received).
     */
    @Test
    void aSampledReaderRecordsEverySampleOfEachWriter() throws Exception {
        ChannelLab lab = new ChannelLab(
                        ChannelLab.msgq("sampled2", QueueMode.BLOCKING, 0).checking(ipclab.dsl.model.Verify.FULL, 64))
                .add("w1", Role.WRITER, 500, 64, 1)
                .add("w2", Role.WRITER, 500, 64, 1)
                .add("r", Role.READER, 0, 64, 0)
                .run(60);
        assertEquals(1000, lab.report("r").received);
        assertEquals(14, lab.report("r").latency.getTotalCount());
        assertTrue(lab.report("r").latency.getMaxValue() < 60_000_000_000L, "a real send time, not 0");
        assertTrue(lab.report("w1").lastOpNanos >= lab.report("w1").firstOpNanos, "the writer's end is timed");
    }

    @Test
    void typedReadersGetOnlyTheirType() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.msgq("typed", QueueMode.BLOCKING, 0))
                .add("w1", Role.WRITER, 500, 64, 1)
                .add("w2", Role.WRITER, 700, 64, 2)
                .add("r1", Role.READER, 0, 64, 1)
                .add("r2", Role.READER, 0, 64, 2)
                .run(60);
        assertEquals(500, lab.report("r1").received);
        assertEquals(700, lab.report("r2").received);
        assertEquals(
                new ReceivedSeqs(500, 0, ReceivedSeqs.hashOfFirst(500)),
                lab.report("r1").receivedSeqs.get(0));
        assertEquals(new ReceivedSeqs(0, 0, 0), lab.report("r1").receivedSeqs.get(1));
        assertEquals(0, lab.figures.counts().lost());
    }

    @Test
    void nowaitCountsEagainAndEnomsgAndStillDeliversAll() throws Exception {
        // a 512-byte queue holds 4 messages of 128 bytes: the writer meets a full queue, the reader an empty one
        ChannelLab lab = new ChannelLab(ChannelLab.msgq("small", QueueMode.NOWAIT, 512))
                .add("w", Role.WRITER, 5000, 128, 1)
                .add("r", Role.READER, 0, 128, 0)
                .run(60);
        assertEquals(5000, lab.figures.counts().received());
        assertEquals(0, lab.figures.counts().lost());
        long eagain = lab.report("w").events.getOrDefault("EAGAIN", 0L);
        long enomsg = lab.report("r").events.getOrDefault("ENOMSG", 0L);
        assertTrue(
                eagain + enomsg > 0,
                "no EAGAIN nor ENOMSG counted: " + lab.report("w").events + " " + lab.report("r").events);
    }
}

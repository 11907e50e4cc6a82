package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamChannelTest {
    @ParameterizedTest
    @EnumSource(SocketDomain.class)
    void everySocketKindCarriesEveryMessage(SocketDomain domain) throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.socket("sock", domain))
                .add("w", Role.WRITER, 3000, 256, 0).add("r", Role.READER, 0, 256, 0)
                .run(60);
        ChannelFigures f = lab.figures;
        assertEquals(3000, f.sent());
        assertEquals(0, f.corrupted());
        assertEquals(0, f.duplicated());
        if (domain == SocketDomain.UDP) {
            assertTrue(f.lossExpected());
            assertEquals(f.sent(), f.received() + f.lost(), f.toString());
        } else {
            assertEquals(3000, f.received(), f.toString());
            assertEquals(0, f.lost());
            assertEquals(0, f.reordered());
        }
    }

    @Test
    void datagramsFromTwoWritersEndWhenBothSentTheirMarker() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.socket("dg", SocketDomain.UNIX_DGRAM))
                .add("w1", Role.WRITER, 1000, 100, 0).add("w2", Role.WRITER, 1500, 64, 0).add("r", Role.READER, 0, 100, 0)
                .run(60);
        assertEquals(2500, lab.figures.received());
        assertEquals(0, lab.figures.lost());
    }

    @Test
    void fifoCarriesEveryMessage() throws Exception {
        ChannelLab lab = new ChannelLab(ChannelLab.pipe("fifo")).add("w", Role.WRITER, 3000, 1000, 0)
                .add("r", Role.READER, 0, 1000, 0).run(60);
        assertEquals(3000, lab.figures.received());
        assertEquals(0, lab.figures.lost());
        assertEquals(3000L * 1000, lab.figures.bytes());
        assertTrue(lab.log.contains("-file"), "the FIFO and its directory are removed: " + lab.log);
    }
}

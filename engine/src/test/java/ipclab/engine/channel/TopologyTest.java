package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
    static PlannedProcess p(int index, Role role, long size) {
        return new PlannedProcess("p" + index, "p" + index, 1, index, role, "ch", 10, 0, size, 0, 0, 0, 0, List.of());
    }

    @Test
    void theFixedMessageIsTheSendersSizeWhenTheyAgree() {
        assertEquals(4096, Topology.fixedMessage(List.of(p(0, Role.WRITER, 4096), p(1, Role.READER, 64))));
        assertEquals(100, Topology.fixedMessage(List.of(p(0, Role.PINGER, 100), p(1, Role.ECHO, 64))));
        assertEquals(
                64, Topology.fixedMessage(List.of(p(0, Role.WRITER, 64), p(1, Role.WRITER, 64), p(2, Role.READER, 8))));
    }

    @Test
    void noFixedMessageWhenSendersDifferOrThereIsNone() {
        assertEquals(
                0,
                Topology.fixedMessage(List.of(p(0, Role.WRITER, 64), p(1, Role.WRITER, 100), p(2, Role.READER, 64))));
        assertEquals(0, Topology.fixedMessage(List.of(p(0, Role.READER, 64))));
        assertEquals(0, Topology.fixedMessage(List.of(p(0, Role.WRITER, 16), p(1, Role.READER, 16))), "below a header");
    }
}

package ipclab.engine.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.LoopbackPort;
import ipclab.engine.protocol.ChannelHandle.UnixPath;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A {@link ChannelHandle} in the worker's spec line: {@code "mechanism"} names the record, the
 * other fields are its components ({@code "semId"} only when the set exists; an address is
 * {@code "path"} or {@code "port"}).
 */
final class HandleJson {
    private HandleJson() {}

    static void write(JsonGenerator g, ChannelHandle h) throws IOException {
        g.writeStartObject();
        g.writeStringField("channel", h.channel());
        switch (h) {
            case ChannelHandle.ShmRing s -> {
                g.writeStringField("mechanism", "shm");
                g.writeNumberField("shmId", s.shmId());
                if (s.semaphores().isPresent()) g.writeNumberField("semId", s.semId());
            }
            case ChannelHandle.Msgq q -> {
                g.writeStringField("mechanism", "msgq");
                g.writeNumberField("msqId", q.msqId());
                g.writeNumberField("semId", q.semId());
            }
            case ChannelHandle.StreamSocket s -> {
                g.writeStringField("mechanism", "stream");
                address(g, s.address());
            }
            case ChannelHandle.DatagramSocket d -> {
                g.writeStringField("mechanism", "datagram");
                address(g, d.address());
            }
            case ChannelHandle.Fifo f -> {
                g.writeStringField("mechanism", "fifo");
                g.writeStringField("path", f.path());
            }
        }
        g.writeEndObject();
    }

    private static void address(JsonGenerator g, Address a) throws IOException {
        switch (a) {
            case UnixPath u -> g.writeStringField("path", u.path());
            case LoopbackPort p -> g.writeNumberField("port", p.port());
        }
    }

    static ChannelHandle read(Map<String, Object> m) {
        String channel = Wire.str(m, "channel");
        String mechanism = Wire.str(m, "mechanism");
        return switch (mechanism) {
            case "shm" ->
                new ChannelHandle.ShmRing(
                        channel,
                        (int) Wire.num(m, "shmId"),
                        m.containsKey("semId") ? OptionalInt.of((int) Wire.num(m, "semId")) : OptionalInt.empty());
            case "msgq" -> new ChannelHandle.Msgq(channel, (int) Wire.num(m, "msqId"), (int) Wire.num(m, "semId"));
            case "stream" -> new ChannelHandle.StreamSocket(channel, address(m));
            case "datagram" -> new ChannelHandle.DatagramSocket(channel, address(m));
            case "fifo" -> new ChannelHandle.Fifo(channel, Wire.str(m, "path"));
            default -> throw new IllegalArgumentException("unknown channel mechanism in spec: " + mechanism);
        };
    }

    private static Address address(Map<String, Object> m) {
        return m.containsKey("path") ? new UnixPath(Wire.str(m, "path")) : new LoopbackPort((int) Wire.num(m, "port"));
    }
}

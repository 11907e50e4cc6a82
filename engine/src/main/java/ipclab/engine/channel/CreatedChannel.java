package ipclab.engine.channel;

import ipclab.engine.protocol.ChannelHandle;
import java.util.Map;

/**
 * A channel's kernel objects as the supervisor made them, and what each setup step cost there
 * (ns by step: shmget, shmat, first-touch, format, semget, semctl, msgget, msgctl, mkfifo, port...).
 */
public record CreatedChannel(ChannelHandle handle, Map<String, Long> setupNanos) {
    public CreatedChannel { setupNanos = Map.copyOf(setupNanos); }
}

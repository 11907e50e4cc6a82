package ipclab.repl.shell;

import ipclab.engine.sys.MsqInfo;
import ipclab.engine.transport.ChannelLook;
import ipclab.repl.report.Style;
import ipclab.repl.report.TextTable;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /show CHANNEL [SLOT] [--hex]}: a channel's live kernel objects for people. The values
 * come from {@link ipclab.engine.run.Run#look}, which reads the objects themselves.
 */
final class ChannelShow {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    /** The most slots listed without a SLOT argument. */
    static final int MAX_SLOTS = 32;

    private final Shell shell;

    ChannelShow(Shell shell) {
        this.shell = shell;
    }

    boolean show(List<String> args) {
        boolean hex = args.contains("--hex");
        List<String> rest = args.stream().filter(a -> !a.equals("--hex")).toList();
        if (rest.isEmpty() || rest.size() > 2) return usage();
        SteppedRun s = shell.session.stepped;
        if (s == null) {
            shell.error("/show: no run in progress; /start one (/show reads the live kernel objects of a stepped run)");
            return false;
        }
        if (s.ended != null) {
            shell.error("/show: the run has ended and its objects are removed; /start another to look inside");
            return false;
        }
        String channel = rest.getFirst();
        int[] slot = rest.size() == 2 ? slot(rest.get(1)) : null;
        if (rest.size() == 2 && slot == null) return usage();
        if (hex && slot == null) {
            shell.error("/show " + channel + " --hex: give the SLOT to dump (/show " + channel + " lists the slots)");
            return false;
        }
        ChannelLook l = s.run.look(channel);
        if (slot != null) {
            ChannelLook.Ring r = l.parts().stream()
                    .filter(ChannelLook.Ring.class::isInstance)
                    .map(ChannelLook.Ring.class::cast)
                    .findFirst()
                    .orElse(null);
            if (r == null) {
                shell.error("/show " + channel + " " + rest.get(1) + ": " + channel + " has no ring slots");
                return false;
            }
            if (slot[0] >= r.lanes().size() || slot[1] >= r.slots()) {
                shell.error("/show " + channel + " " + rest.get(1) + ": the ring has "
                        + (r.lanes().size() > 1 ? "lanes 0..1, " : "") + "slots 0.." + (r.slots() - 1));
                return false;
            }
        }
        PrintWriter out = shell.out();
        out.println(shell.style()
                .paint(Style.Tone.HEAD, l.channel() + "  " + l.type().name().toLowerCase(Locale.ROOT)));
        for (ChannelLook.Part p : l.parts()) {
            switch (p) {
                case ChannelLook.Ring r -> ring(r, slot);
                case ChannelLook.Counter c ->
                    out.printf(
                            "  shm id %d  counter %d  lock %s  incrementers %d  sync %s  %s%n",
                            c.shmId(),
                            c.value(),
                            c.lock() == 0 ? "free" : "held (" + c.lock() + ")",
                            c.incrementers(),
                            lower(c.sync()),
                            attach(c.shmDest(), c.attached()));
                case ChannelLook.Queue q -> queue(q, s);
                case ChannelLook.Semaphores ss -> semaphores(ss, s);
                case ChannelLook.Sockets so -> sockets(so);
                case ChannelLook.Unreadable u -> out.println("  " + u.what() + ": " + u.why());
            }
        }
        if (hex) hexDump(s.run.slotBytes(channel, slot[0], slot[1]), slot);
        return true;
    }

    /** {@code 3} (lane 0) or {@code 1:3} (lane 1, slot 3); null if neither. */
    private static int[] slot(String s) {
        if (s.matches("\\d+")) return new int[] {0, Integer.parseInt(s)};
        if (s.matches("\\d:\\d+")) return new int[] {s.charAt(0) - '0', Integer.parseInt(s.substring(2))};
        return null;
    }

    private void ring(ChannelLook.Ring r, int[] only) {
        PrintWriter out = shell.out();
        out.printf("  shm id %d  %s%n", r.shmId(), attach(r.shmDest(), r.attached()));
        out.printf(
                "  header  magic 0x%08x%s  version %d  slots %d x %d B  writers %d  readers %d  sync %s  fanout %s  segment %d B%n",
                r.magic(),
                r.magic() == 0x49504352 ? " (IPCR)" : " (not formatted)",
                r.version(),
                r.slots(),
                r.slotBytes(),
                r.writers(),
                r.readers(),
                lower(r.sync()),
                lower(r.fanout()),
                r.segmentBytes());
        for (ChannelLook.Lane lane : r.lanes()) {
            String name = r.lanes().size() > 1 ? "  lane " + lane.lane() + "  " : "  ";
            out.printf(
                    "%scursors  write %d  read %d  writers done %d%s%n",
                    name,
                    lane.writeCursor(),
                    lane.readCursor(),
                    lane.writersDone(),
                    lane.readerCursors().isEmpty() ? "" : "  reader cursors " + lane.readerCursors());
            TextTable t = new TextTable()
                    .number("slot")
                    .number("offset")
                    .text("sequence")
                    .number("remaining")
                    .text("message");
            int listed = 0;
            for (ChannelLook.Slot sl : lane.slots()) {
                if (only != null && (only[0] != lane.lane() || only[1] != sl.index())) continue;
                if (only == null && ++listed > MAX_SLOTS) break;
                String at = slotMark(sl.index(), lane, r.slots());
                t.row()
                        .cell(sl.index() + at)
                        .cell(String.format("0x%x", sl.offset()))
                        .cell(sl.sequence() + " (" + r.sequenceMeaning(sl.sequence()) + ")")
                        .cell(Integer.toString(sl.remaining()))
                        .cell(message(sl));
            }
            if (!t.isEmpty()) t.render(shell.style()).forEach(l -> out.println("    " + l));
            if (only == null && lane.slots().size() > MAX_SLOTS) {
                out.println("    ... " + (lane.slots().size() - MAX_SLOTS) + " more slots (/show CHANNEL SLOT)");
            }
        }
    }

    /** {@code  <w} where the write cursor points, {@code  <r} the read cursor. */
    private static String slotMark(int index, ChannelLook.Lane lane, int slots) {
        String m = "";
        if (lane.writeCursor() % slots == index) m += " <w";
        if (lane.readCursor() % slots == index) m += " <r";
        return m;
    }

    private static String message(ChannelLook.Slot sl) {
        if (sl.msgSeq() == 0 && sl.msgLength() == 0 && sl.checksum() == 0) return "(empty)";
        if (sl.msgSeq() == -1) return "end of stream from writer " + sl.msgWriter();
        return String.format(
                "seq %d  writer %d  length %d  checksum 0x%016x",
                sl.msgSeq(), sl.msgWriter(), sl.msgLength(), sl.checksum());
    }

    private void queue(ChannelLook.Queue q, SteppedRun s) {
        PrintWriter out = shell.out();
        MsqInfo st = q.stat();
        out.printf("  msq id %d  mode %o%n", q.msqId(), st.mode());
        out.printf("  msg_qnum %d  msg_cbytes %d  msg_qbytes %d%n", st.qnum(), st.cbytes(), st.qbytes());
        out.printf("  msg_lspid %s  msg_lrpid %s%n", pid(st.lspid(), s), pid(st.lrpid(), s));
        out.printf(
                "  msg_stime %s  msg_rtime %s  msg_ctime %s%n", time(st.stime()), time(st.rtime()), time(st.ctime()));
        if (q.unpeekable() != null) {
            out.println("  messages: " + q.unpeekable());
        } else if (q.messages().isEmpty()) {
            out.println("  no message waiting");
        } else {
            out.println("  waiting (copied with msgrcv MSG_COPY, not taken):");
            TextTable t =
                    new TextTable().number("#").number("mtype").number("size").text("ipclab header");
            for (ChannelLook.Message m : q.messages()) {
                String h = m.seq() == -1 && m.writer() == -1
                        ? ""
                        : m.seq() == -1
                                ? "end of stream from writer " + m.writer()
                                : "seq " + m.seq() + "  writer " + m.writer();
                t.row()
                        .cell(Integer.toString(m.index()))
                        .cell(Long.toString(m.mtype()))
                        .cell(Long.toString(m.size()))
                        .cell(h);
            }
            t.render(shell.style()).forEach(l -> out.println("    " + l));
            if (st.qnum() > q.messages().size())
                out.println("    ... " + (st.qnum() - q.messages().size()) + " more");
        }
    }

    private void semaphores(ChannelLook.Semaphores ss, SteppedRun s) {
        shell.out().printf("  semaphore set id %d%n", ss.semId());
        TextTable t = new TextTable()
                .number("#")
                .text("stands for")
                .number("value")
                .number("waiting >0")
                .number("waiting =0")
                .text("last semop");
        for (ChannelLook.Sem m : ss.sems()) {
            t.row()
                    .cell(Integer.toString(m.num()))
                    .cell(m.role())
                    .cell(Integer.toString(m.value()))
                    .cell(Integer.toString(m.ncnt()))
                    .cell(Integer.toString(m.zcnt()))
                    .cell(pid(m.lastPid(), s));
        }
        t.render(shell.style()).forEach(l -> shell.out().println("    " + l));
    }

    private void sockets(ChannelLook.Sockets so) {
        shell.out().println("  " + so.address() + " (from /proc/net)");
        if (so.rows().isEmpty()) shell.out().println("    no socket on that port yet");
        TextTable t = new TextTable()
                .text("proto")
                .number("local port")
                .number("remote port")
                .text("state")
                .number("send-q")
                .number("recv-q");
        for (var r : so.rows()) {
            t.row()
                    .cell(r.proto())
                    .cell(Integer.toString(r.localPort()))
                    .cell(Integer.toString(r.remotePort()))
                    .cell(r.state())
                    .cell(Long.toString(r.sendQ()))
                    .cell(Long.toString(r.recvQ()));
        }
        if (!t.isEmpty()) t.render(shell.style()).forEach(l -> shell.out().println("    " + l));
    }

    /** 16 bytes a line, with offsets in the slot; a run of zero lines is one {@code *}, as hexdump does. */
    private void hexDump(byte[] b, int[] slot) {
        PrintWriter out = shell.out();
        out.println(
                "  slot " + (slot[0] > 0 ? slot[0] + ":" : "") + slot[1] + ", " + b.length + " bytes"
                        + " (0..31 slot header: sequence, remaining; 32..63 message header: seq, writer, length, timestamp, checksum)");
        boolean skipping = false;
        for (int off = 0; off < b.length; off += 16) {
            boolean zero = true;
            for (int i = off; i < Math.min(off + 16, b.length); i++) zero &= b[i] == 0;
            if (zero && off > 0 && off + 16 < b.length) {
                if (!skipping) out.println("  *");
                skipping = true;
                continue;
            }
            skipping = false;
            StringBuilder h = new StringBuilder(), a = new StringBuilder();
            for (int i = off; i < off + 16; i++) {
                if (i < b.length) {
                    h.append(String.format("%02x ", b[i] & 0xff));
                    a.append(b[i] >= 32 && b[i] < 127 ? (char) b[i] : '.');
                } else {
                    h.append("   ");
                }
                if (i == off + 7) h.append(' ');
            }
            out.printf("  %04x  %s |%s|%n", off, h, a);
        }
    }

    private static String attach(boolean dest, int attached) {
        return attached + " attached" + (dest ? ", marked for removal (IPC_RMID): freed at the last detach" : "");
    }

    private static String pid(int pid, SteppedRun s) {
        if (pid == 0) return "0 (none yet)";
        String n = s.nameOf(pid);
        return pid
                + (n != null ? " (" + n + ")" : (pid == ProcessHandle.current().pid() ? " (ipclab)" : ""));
    }

    private static String time(long epochSeconds) {
        return epochSeconds == 0 ? "never" : TIME.format(Instant.ofEpochSecond(epochSeconds));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private boolean usage() {
        shell.error("usage: /show CHANNEL [SLOT] [--hex]  (/help show)");
        return false;
    }
}

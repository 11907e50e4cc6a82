package ipclab.repl.shell;

import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab: a command's name after {@code /}, then its arguments by the row's completer; anything else
 * is Java, completed by JShell's {@link SourceCodeAnalysis}. JShell gives continuations from an
 * anchor, while JLine replaces the whole word under the cursor, so each candidate is the word's
 * start up to the anchor plus the continuation.
 */
final class ShellCompleter implements Completer {
    private final Shell shell;

    ShellCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        String buf = line.line();
        if (buf.stripLeading().startsWith("/")) command(line, out);
        else java(line, out);
    }

    private void command(ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String word =
                line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (index == 0) {
            for (Command c : shell.table.visible()) {
                String name = "/" + c.name();
                if (name.startsWith(word))
                    out.add(new Candidate(name, name, c.kind().title, firstLine(c.help()), null, null, true));
            }
            return;
        }
        CommandTable.Lookup l = shell.table.find(words.getFirst().substring(1));
        if (!(l instanceof CommandTable.Found(Command c))) return;
        for (String s : c.completer().complete(words.subList(1, index), word)) {
            boolean dir = s.endsWith("/");
            out.add(new Candidate(s, s, null, null, null, null, !dir));
        }
    }

    private void java(ParsedLine line, List<Candidate> out) {
        if (!shell.java.isReady()) return; // never block Tab on JShell's start
        String buf = line.line();
        int cursor = line.cursor();
        int wordStart = cursor - line.wordCursor();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> sugg = shell.java.analysis().completionSuggestions(buf, cursor, anchor);
        boolean typed = sugg.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        String prefix = anchor[0] >= wordStart ? buf.substring(wordStart, anchor[0]) : "";
        for (SourceCodeAnalysis.Suggestion s : sugg) {
            if (typed && !s.matchesType()) continue;
            out.add(new Candidate(prefix + s.continuation(), s.continuation(), null, null, null, null, false));
        }
    }

    private static String firstLine(String help) {
        int dot = help.indexOf(". ");
        return dot < 0 ? help : help.substring(0, dot);
    }
}

package ipclab.repl.cli;

import ipclab.dsl.fuzz.Corpus;
import ipclab.dsl.fuzz.FuzzCheck;
import ipclab.dsl.fuzz.Mutator;
import ipclab.repl.Ipclab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

/**
 * The fuzz corpus of the dsl module (mutated shipped scenarios) through the command line, as a
 * user meets it: {@code ipclab validate FILE} in-process. Each case exits 0 with an {@code ok}
 * line, or 2 with one file:line:column diagnostic a line, and never prints an exception or a
 * stack frame; a case that does not answer within {@link FuzzCheck#TIMEOUT} is a hang. 200 cases
 * in the suite, 10,000 under the {@code long} tag. A failure names the scenario and the seed.
 */
class ValidateFuzzTest {
    private static final List<Path> SHIPPED = Corpus.shipped();

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void mutantsThroughValidateExit0Or2WithPlaces(@ForAll("mutants") Mutator.Mutant m) throws IOException {
        validate(m);
    }

    @Tag("long")
    @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
    void manyMoreMutantsThroughValidate(@ForAll("mutants") Mutator.Mutant m) throws IOException {
        validate(m);
    }

    @Provide
    Arbitrary<Mutator.Mutant> mutants() {
        return Combinators.combine(Arbitraries.of(SHIPPED), Arbitraries.longs())
                .as((file, seed) ->
                        Mutator.mutate(Corpus.root().relativize(file).toString(), Corpus.read(file), seed));
    }

    private static void validate(Mutator.Mutant m) throws IOException {
        Path file = Files.createTempFile("validate-fuzz", ".yaml");
        try {
            Files.write(file, m.bytes());
            Ipclab r = FuzzCheck.within(m, () -> Ipclab.run("validate", file.toString()));
            String what = m + "\n" + r;
            FuzzCheck.noExceptionText(r.out() + r.err(), what);
            switch (r.code()) {
                case 0 -> {
                    // a file of several scenarios (compare.yaml) has one ok line per part: FILE#name
                    if (!(r.out().startsWith("ok  " + file + "  (") || r.out().startsWith("ok  " + file + "#"))
                            || !r.err().isEmpty()) {
                        throw new AssertionError(what + ": exit 0 without its ok line");
                    }
                }
                case 2 -> {
                    if (r.err().isEmpty() || !r.out().isEmpty())
                        throw new AssertionError(what + ": exit 2 without diagnostics");
                    Pattern placed = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
                    for (String line : r.err().split("\n")) {
                        if (!placed.matcher(line).matches())
                            throw new AssertionError(what + ": a line without file:line:column: " + line);
                    }
                }
                default -> throw new AssertionError(what + ": exit " + r.code() + "; validate exits 0 or 2");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

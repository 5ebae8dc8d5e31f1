package io.nernst.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.error.ErrorKind;
import io.nernst.core.error.Failures;
import io.nernst.core.experiment.ExperimentStep;
import io.nernst.core.units.Dimension;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzz tests of the input parsers (jqwik, fixed seeds so that verify runs the same inputs every
 * time): an arbitrary input gives a result or a bad-input error with a message, never another
 * exception (docs/reliability.md). Inputs are mutants of valid ones (token soups for sentences
 * and quantities; byte flips, insertions, deletions and line swaps of the example scenarios)
 * plus unconstrained strings.
 */
class InputFuzzTest {

    private static final List<String> EXAMPLES = List.of("marquis2019-1C.yaml", "spm-quick.yaml", "cycling-cccv.yaml");

    /** Runs {@code parse}; any exception must be a bad input with a non-empty message. */
    private static void resultOrBadInput(Runnable parse, Object input) {
        try {
            parse.run();
        } catch (RuntimeException e) {
            assertEquals(ErrorKind.BAD_INPUT, Failures.kindOf(e), () -> "input " + show(input) + " threw " + e);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), () -> "empty message for " + show(input));
        }
    }

    private static String show(Object input) {
        return input instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(input);
    }

    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> token = Arbitraries.of("Discharge", "Charge", "Rest", "Hold", "at", "for", "until", "or", "1C", "C/2",
                "2 C", "0.5C", "C/0", "3.0 V", "4100 mV", "-1 V", "10 minutes", "1 h", "hours", "1e308 s", "NaN", "Infinity",
                "mA/cm2", "A/m2", "W", "(", ")", "period", ",", "with", "10 s", "1 ns", "0", "-", "e", "C/", "/", "1e-400 h",
                "degC", "%", "um", "x", "until 3.2 hour");
        Arbitrary<String> soup = token.list().ofMinSize(0).ofMaxSize(9).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(soup, Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 1000, seed = "13")
    void experimentSentences(@ForAll("sentences") String sentence) {
        resultOrBadInput(() -> ExperimentStep.parse(sentence), sentence);
    }

    @Provide
    Arbitrary<String> quantities() {
        Arbitrary<String> number = Arbitraries.of("1", "-2.5", "1e-6", "3e400", "0", ".5", "1.", "NaN", "-0", "1e", "0x10", "١");
        Arbitrary<String> unit = Arbitraries.of("", "m", "um", "mol/m3", "mol.m-3", "A/m2", "mA cm-2", "S/m", "m2/s", "degC", "K",
                "%", "h", "m^-3", "m^9999999999", "(m", "m)", "kg.m/s2", "V/", "/s", "mm^2/s", "mol/L", "µm", "Ω");
        Arbitrary<String> built = Combinators.combine(number, unit).as((n, u) -> u.isEmpty() ? n : n + " " + u);
        return Arbitraries.oneOf(built, Arbitraries.strings().ofMaxLength(20));
    }

    @Property(tries = 1000, seed = "13")
    void units(@ForAll("quantities") String text) {
        resultOrBadInput(() -> Quantity.parse(text), text);
        for (Dimension d : List.of(Dimension.LENGTH, Dimension.TIME, Dimension.TEMPERATURE, Dimension.CURRENT_DENSITY)) {
            resultOrBadInput(() -> Units.si(text, d, "fuzzed"), text);
        }
    }

    @Provide
    Arbitrary<byte[]> scenarioMutants() {
        Arbitrary<byte[]> example = Arbitraries.of(EXAMPLES).map(InputFuzzTest::example);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1 << 16);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 5);
        Arbitrary<Byte> value = Arbitraries.bytes();
        return Combinators.combine(example, position, kind, value).as(InputFuzzTest::mutate);
    }

    /** One mutation: flip, insert, delete a byte, replace a digit, duplicate or swap a line. */
    static byte[] mutate(byte[] text, int position, int kind, byte value) {
        int at = position % Math.max(1, text.length);
        String s = new String(text, StandardCharsets.UTF_8);
        String[] lines = s.split("\n", -1);
        switch (kind) {
            case 0 -> {
                byte[] out = text.clone();
                out[at] = value;
                return out;
            }
            case 1 -> {
                byte[] out = new byte[text.length + 1];
                System.arraycopy(text, 0, out, 0, at);
                out[at] = value;
                System.arraycopy(text, at, out, at + 1, text.length - at);
                return out;
            }
            case 2 -> {
                byte[] out = new byte[text.length - 1];
                System.arraycopy(text, 0, out, 0, at);
                System.arraycopy(text, at + 1, out, at, text.length - at - 1);
                return out;
            }
            case 3 -> {
                // numbers to extremes: the physics and resource checks, not only the syntax
                String[] extremes = {"0", "-1", "1e9", "1e-12", "999999999", "NaN", "100000"};
                return s.replaceFirst("[0-9]+(\\.[0-9]+)?", extremes[Math.floorMod(value, extremes.length)])
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                int l = at % lines.length;
                List<String> out = new java.util.ArrayList<>(List.of(lines));
                out.add(l, lines[l]);
                return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                int a = at % lines.length;
                int b = Math.floorMod(value, lines.length);
                String t = lines[a];
                lines[a] = lines[b];
                lines[b] = t;
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] example(String name) {
        try {
            return Files.readAllBytes(Path.of("..", "examples", name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 300, seed = "13")
    void scenarioFiles(@ForAll("scenarioMutants") byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".yaml");
        try {
            Files.write(file, bytes);
            resultOrBadInput(() -> ScenarioLoader.load(file), bytes);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

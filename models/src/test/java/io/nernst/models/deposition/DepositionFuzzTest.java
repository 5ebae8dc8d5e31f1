package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.error.ErrorKind;
import io.nernst.core.error.Failures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzz test of the deposition scenario reader (jqwik, fixed seed): mutants of the shipped
 * deposition scenarios (a value replaced by an extreme or a unitless number, a line duplicated,
 * dropped or swapped, a character replaced) give settings or a bad-input error, never another
 * exception (docs/reliability.md).
 */
class DepositionFuzzTest {

    private static final List<String> EXAMPLES = List.of("deposition-1mAcm2.yaml", "deposition-0.1mAcm2.yaml", "deposition-256x256.yaml");
    private static final List<String> VALUES = List.of("0", "-1", "1e30 A/m2", "1e9 K", "16", "50 %", "1 ps", "NaN", "1e-300 m",
            "4096", "0 um", "-25 degC", "1 mA/cm2", "10 min", "rough", "flat", "[]", "{}", "\"\"", "1e400 um", "0.99999", "3 C");

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<List<String>> lines = Arbitraries.of(EXAMPLES).map(DepositionFuzzTest::lines);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(lines, at, kind, value).as(DepositionFuzzTest::mutate);
    }

    private static String mutate(List<String> original, int at, int kind, String value) {
        List<String> lines = new ArrayList<>(original);
        int l = at % lines.size();
        String line = lines.get(l);
        switch (kind) {
            case 0 -> {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    int comment = line.indexOf(" #", colon);
                    lines.set(l, line.substring(0, colon + 2) + value + (comment > 0 ? line.substring(comment) : ""));
                }
            }
            case 1 -> lines.add(l, line);
            case 2 -> lines.remove(l);
            default -> {
                if (!line.isEmpty()) {
                    int c = (at / lines.size()) % line.length();
                    lines.set(l, line.substring(0, c) + (value.isEmpty() ? "" : value.charAt(0)) + line.substring(c + 1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> lines(String name) {
        try {
            return Files.readAllLines(Path.of("..", "examples", "deposition", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 200, seed = "13")
    void depositionScenarios(@ForAll("mutants") String yaml) {
        try {
            DepositionScenario s = DepositionScenario.parse(new StringReader(yaml), "fuzz.yaml", "fuzz");
            assertTrue(s.settings().duration() > 0);
        } catch (RuntimeException e) {
            assertEquals(ErrorKind.BAD_INPUT, Failures.kindOf(e), () -> "threw " + e + " for\n" + yaml);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }
}

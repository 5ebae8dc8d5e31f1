package io.nernst.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study designs: counts, order, stratification of Latin hypercubes and Sobol' nets, seeds, limits. */
class SamplingTest {

    @TempDir
    Path dir;

    private StudyDefinition study(String... lines) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "model: DFN\nparameters: {set: s}\nexperiment: {steps: [\"Discharge at {rate}C until 3 V\"]}\n");
        return StudyLoader.parse("base: base.yaml\nmetrics: {c: discharge capacity}\n" + String.join("\n", lines) + "\n",
                "study.yaml", dir, "study");
    }

    @Test
    void gridIsTheCartesianProductWithTheFirstInputSlowest() throws IOException {
        StudyDefinition s = study("vary:", "  rate: [0.5, 1, 2]", "  Negative electrode thickness: {from: 40 um, to: 80 um, count: 3}");
        List<RunPoint> p = Sampling.points(s, false);
        assertEquals(9, p.size());
        assertEquals(List.of("0.5", "40 um"), p.get(0).texts());
        assertEquals(List.of("0.5", "60 um"), p.get(1).texts());
        assertEquals(List.of("2", "80 um"), p.get(8).texts());
        assertEquals(80.0, p.get(8).numbers()[1]);
        assertEquals(Variable.Target.PLACEHOLDER, s.variables().get(0).target());
        assertEquals(Variable.Target.PARAMETER, s.variables().get(1).target());
        assertEquals("Negative electrode thickness [um]", s.variables().get(1).column());
    }

    @Test
    void valuesInOtherUnitsAreConvertedToTheFirstValuesUnit() throws IOException {
        StudyDefinition s = study("vary:", "  rate: [1]", "  Negative electrode thickness: [\"60 um\", \"0.1 mm\"]");
        assertEquals(100.0, Sampling.points(s, false).get(1).numbers()[1], 1e-12);
    }

    @Test
    void logRangeIsGeometric() throws IOException {
        StudyDefinition s = study("vary:", "  rate: {from: 0.1, to: 10, count: 5, scale: log}");
        List<RunPoint> p = Sampling.points(s, false);
        double[] expected = {0.1, Math.sqrt(0.1), 1, Math.sqrt(10), 10};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], p.get(i).numbers()[0], 1e-12 * expected[i]);
        }
    }

    @Test
    void zipPairsValues() throws IOException {
        StudyDefinition s = study("design: zip", "vary:", "  rate: [1, 2]", "  Negative electrode thickness: [\"60 um\", \"70 um\"]");
        List<RunPoint> p = Sampling.points(s, false);
        assertEquals(2, p.size());
        assertEquals(List.of("2", "70 um"), p.get(1).texts());
    }

    @Test
    void latinHypercubePutsOneSampleInEveryStratumOfEveryInput() throws IOException {
        int n = 37;
        StudyDefinition s = study("design: latin-hypercube", "samples: " + n, "seed: 11", "vary:", "  rate: {from: 1, to: 2}",
                "  Negative electrode thickness: {from: 10 um, to: 1000 um, scale: log}");
        List<RunPoint> p = Sampling.points(s, false);
        assertEquals(n, p.size());
        int[] linear = new int[n];
        int[] log = new int[n];
        for (RunPoint r : p) {
            linear[(int) Math.floor((r.numbers()[0] - 1) * n)]++;
            log[(int) Math.floor(Math.log(r.numbers()[1] / 10) / Math.log(100) * n)]++;
        }
        for (int k = 0; k < n; k++) {
            assertEquals(1, linear[k], "stratum " + k);
            assertEquals(1, log[k], "log stratum " + k);
        }
    }

    @Test
    void sobolPointsFormANetAndTheSeedShiftsThem() throws IOException {
        int n = 64;
        StudyDefinition s = study("design: sobol", "samples: " + n, "seed: 3", "vary:", "  rate: {from: 0, to: 1}",
                "  Negative electrode thickness: {from: 0 um, to: 1 um}");
        List<RunPoint> p = Sampling.points(s, false);
        // the first 2^m points of a (digitally shifted) Sobol' sequence without its origin: every elementary
        // interval of length 1/n in each coordinate holds exactly one point after the origin is put back
        int[][] count = new int[2][n];
        for (RunPoint r : p.subList(0, n - 1)) {
            for (int j = 0; j < 2; j++) {
                count[j][(int) Math.floor(r.numbers()[j] * n)]++;
            }
        }
        for (int j = 0; j < 2; j++) {
            int empty = 0;
            for (int k = 0; k < n; k++) {
                assertTrue(count[j][k] <= 1, "coordinate " + j + " interval " + k);
                empty += count[j][k] == 0 ? 1 : 0;
            }
            assertEquals(1, empty, "the skipped origin's interval");
        }
        List<RunPoint> again = Sampling.points(s, false);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(p.get(i).numbers(), again.get(i).numbers());
        }
        StudyDefinition other = study("design: sobol", "samples: " + n, "seed: 4", "vary:", "  rate: {from: 0, to: 1}",
                "  Negative electrode thickness: {from: 0 um, to: 1 um}");
        assertNotEquals(p.get(0).numbers()[0], Sampling.points(other, false).get(0).numbers()[0]);
    }

    @Test
    void randomIsRepeatableFromItsSeedAndWithinBounds() throws IOException {
        StudyDefinition s = study("design: random", "samples: 200", "seed: 5", "vary:", "  rate: {from: 0.5, to: 3}");
        List<RunPoint> a = Sampling.points(s, false);
        List<RunPoint> b = Sampling.points(s, false);
        for (int i = 0; i < 200; i++) {
            double x = a.get(i).numbers()[0];
            assertTrue(x >= 0.5 && x < 3, "" + x);
            assertEquals(x, b.get(i).numbers()[0]);
            assertEquals(x, Double.parseDouble(a.get(i).texts().get(0)), "text reads back as the same number");
        }
    }

    @Test
    void aGridOfMoreThan100000RunsNeedsForceAndSaysHowMany() throws IOException {
        StudyDefinition s = study("vary:", "  rate: {from: 1, to: 2, count: 350}",
                "  Negative electrode thickness: {from: 10 um, to: 20 um, count: 300}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Sampling.points(s, false));
        assertTrue(e.getMessage().contains("105,000 runs"), e.getMessage());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals(105_000, Sampling.points(s, true).size());
    }
}

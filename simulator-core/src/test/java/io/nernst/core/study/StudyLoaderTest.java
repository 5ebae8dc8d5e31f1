package io.nernst.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad study files are refused with the file, the key and what is allowed. */
class StudyLoaderTest {

    @TempDir
    Path dir;

    private String error(String... lines) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "model: DFN\nparameters: {set: s}\nexperiment: {steps: [\"Discharge at {rate}C until 3 V\"]}\n");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> StudyLoader.parse(String.join("\n", lines) + "\n", "study.yaml", dir, "study"));
        return e.getMessage();
    }

    @Test
    void unknownKeysAreNamedWithTheirPath() throws IOException {
        String m = error("base: base.yaml", "metrics: {c: discharge capacity}", "vary: {rate: [1]}", "seeed: 3");
        assertTrue(m.contains("unknown key 'seeed'") && m.contains("did you mean 'seed'"), m);
        m = error("base: base.yaml", "metrics: {c: {type: end voltage, stepp: 1}}", "vary: {rate: [1]}");
        assertTrue(m.contains("unknown key 'metrics.c.stepp'") && m.contains("'metrics.c.step'"), m);
        m = error("base: base.yaml", "metrics: {c: discharge capacity}", "vary: {rate: [1]}", "set: {mseh.negative: 5}");
        assertTrue(m.contains("set.mseh.negative") && m.contains("did you mean 'mesh'"), m);
    }

    @Test
    void unknownDesignsAndMetricsSuggestTheClosest() throws IOException {
        String m = error("base: base.yaml", "design: latin-hypercub", "metrics: {c: discharge capacity}", "vary: {rate: [1]}");
        assertTrue(m.contains("did you mean 'latin-hypercube'"), m);
        m = error("base: base.yaml", "metrics: {c: discharge capacty}", "vary: {rate: [1]}");
        assertTrue(m.contains("unknown metric 'discharge capacty'") && m.contains("did you mean 'discharge capacity'"), m);
        m = error("base: base.yaml", "metrics: {h: max height}", "vary: {rate: [1]}");
        assertTrue(m.contains("for a cell study"), m);
    }

    @Test
    void boundsNeedMatchingUnits() throws IOException {
        String m = error("base: base.yaml", "metrics: {c: discharge capacity}", "vary: {rate: [1], Negative electrode thickness: {from: 40 um, to: 80, count: 3}}");
        assertTrue(m.contains("vary.Negative electrode thickness.to") && m.contains("needs a unit"), m);
        m = error("base: base.yaml", "metrics: {c: discharge capacity}", "vary: {rate: [1], Negative electrode thickness: [\"40 um\", \"60\"]}");
        assertTrue(m.contains("'60' needs a unit"), m);
        m = error("base: base.yaml", "metrics: {c: discharge capacity}", "vary: {rate: [1], Negative electrode thickness: [\"40 um\", \"6 mA\"]}");
        assertTrue(m.contains("is a current"), m);
    }

    @Test
    void sampledDesignsNeedSamplesSeedAndBounds() throws IOException {
        String m = error("base: base.yaml", "design: sobol", "samples: 8", "metrics: {c: discharge capacity}", "vary: {rate: {from: 1, to: 2}}");
        assertTrue(m.contains("missing key 'seed'"), m);
        m = error("base: base.yaml", "design: random", "samples: 8", "seed: 1", "metrics: {c: discharge capacity}", "vary: {rate: [1, 2]}");
        assertTrue(m.contains("draws values between bounds"), m);
        m = error("base: base.yaml", "design: random", "samples: 8", "seed: 1", "metrics: {c: discharge capacity}",
                "vary: {rate: {from: 2, to: 1}}");
        assertTrue(m.contains("a value above from"), m);
    }

    @Test
    void placeholdersMustBeVariedAndZipListsEqual() throws IOException {
        String m = error("base: base.yaml", "metrics: {c: discharge capacity}", "vary: {mesh.negative: [5, 10]}");
        assertTrue(m.contains("placeholder {rate}"), m);
        m = error("base: base.yaml", "design: zip", "metrics: {c: discharge capacity}", "vary: {rate: [1, 2], mesh.negative: [5]}");
        assertTrue(m.contains("same number of values"), m);
    }

    @Test
    void setEditsTheBaseAndPathsAddressScenarioKeys() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "model: DFN\nparameters: {set: s}\nexperiment: {steps: [\"Discharge at 1C until 3 V\"]}\n");
        StudyDefinition s = StudyLoader.parse("base: base.yaml\nset: {experiment.steps: [\"Discharge at {r}C until 3 V\"], solver.rtol: 1e-5}\n"
                + "metrics: {c: discharge capacity}\nvary: {r: [1, 2], mesh.negative: [5, 10], temperature: [\"25 degC\", \"0 degC\"]}\n",
                "study.yaml", dir, "study");
        assertEquals(Variable.Target.PLACEHOLDER, s.variables().get(0).target());
        assertEquals(Variable.Target.PATH, s.variables().get(1).target());
        ScenarioTree t = ScenarioTree.parse(s.baseYaml(), "base");
        assertEquals("Discharge at {r}C until 3 V", ((java.util.List<?>) t.get(java.util.List.of("experiment", "steps"))).get(0).toString()
                .trim());
        assertEquals(1e-5, Double.parseDouble(String.valueOf(t.get(java.util.List.of("solver", "rtol")))));
        assertEquals(Variable.Target.PATH, s.variables().get(2).target());
        assertEquals("temperature [degC]", s.variables().get(2).column());
        assertEquals(8, s.runCount());
    }
}

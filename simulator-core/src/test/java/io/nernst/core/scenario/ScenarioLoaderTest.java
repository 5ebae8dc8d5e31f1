package io.nernst.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.experiment.Experiment;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(new StringReader(yaml), "test.yaml", null, null, "test");
    }

    private static String reject(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    private static final String MINIMAL = "model: DFN\nparameters: {set: marquis2019}\nexperiment: {steps: [\"Discharge at 1C until 3.105 V\"]}\n";

    @Test
    void fullScenario() {
        Scenario s = parse(String.join("\n",
                "model: DFN",
                "description: a test",
                "parameters:",
                "  set: marquis2019",
                "  overrides: {\"Negative electrode thickness\": \"60 um\", \"Negative electrode porosity\": 0.3}",
                "experiment:",
                "  steps: [\"Discharge at 1C until 3.105 V\", \"Rest for 1 hour\"]",
                "  repeat: 2",
                "  period: \"10 s\"",
                "mesh: {negative: 31, separator: 11, positive: 31, particle: 11}",
                "solver: {rtol: 1e-6, atol: 1e-8, maxStep: 1 min, linearSolver: dense}",
                "output: {dir: out/marquis-1C, plot: false, fields: true, fieldTimes: [\"10 min\", 60 s]}",
                ""));
        assertEquals("DFN", s.model());
        assertEquals("marquis2019", s.parameterSet());
        assertEquals(Map.of("Negative electrode thickness", "60 um", "Negative electrode porosity", "0.3"), s.overrides());
        assertEquals(List.of("Negative electrode thickness", "Negative electrode porosity"), List.copyOf(s.overrides().keySet()));
        Experiment e = s.experiment();
        assertEquals(4, e.schedule().size());
        assertEquals(2, e.cycleCount());
        assertEquals(10.0, e.period());
        assertEquals(new MeshSettings(31, 11, 31, 11), s.mesh());
        assertEquals(1e-6, s.solver().relativeTolerance());
        assertEquals(1e-8, s.solver().absoluteTolerance());
        assertEquals(60.0, s.solver().maxStep());
        assertEquals("dense", s.solver().linearSolver());
        assertEquals(Path.of("out/marquis-1C"), s.output().directory());
        assertFalse(s.output().plot());
        assertTrue(s.output().fields());
        assertEquals(List.of(600.0, 60.0), s.output().fieldTimes());
    }

    @Test
    void defaults() {
        Scenario s = parse(MINIMAL);
        assertEquals(MeshSettings.defaults(), s.mesh());
        assertEquals(1e-6, s.solver().relativeTolerance());
        assertEquals(Path.of("out", "test"), s.output().directory());
        assertTrue(s.output().plot());
        assertTrue(Double.isNaN(s.experiment().period()));
        assertTrue(s.overrides().isEmpty());
    }

    @Test
    void cycles() {
        Scenario s = parse(String.join("\n",
                "model: SPM",
                "parameters: {set: marquis2019}",
                "experiment:",
                "  cycles:",
                "    - steps: [\"Rest for 10 minutes\"]",
                "    - steps: [\"Charge at C/3 until 4.1 V\", \"Hold at 4.1 V until C/50\", \"Discharge at 1C until 3.0 V\"]",
                "      repeat: 2",
                ""));
        assertEquals(7, s.experiment().schedule().size());
        assertEquals(3, s.experiment().cycleCount());
    }

    @Test
    void parameterFileIsReadRelativeToTheScenarioAndOverridesWin(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cell.yaml"), "\"Negative electrode thickness\": \"70 um\"\n\"Positive electrode thickness\": 80e-6\n");
        Path scenario = dir.resolve("run-1.yaml");
        Files.writeString(scenario, String.join("\n",
                "model: DFN",
                "parameters: {set: marquis2019, file: cell.yaml, overrides: {\"Negative electrode thickness\": \"60 um\"}}",
                "experiment: {steps: \"Discharge at 1C until 3.105 V\"}",
                ""));
        Scenario s = ScenarioLoader.load(scenario);
        assertEquals("60 um", s.overrides().get("Negative electrode thickness"));
        assertEquals(dir.resolve("cell.yaml"), s.parameterFile());
        assertEquals("marquis2019", s.parameterSet());
        assertEquals(Path.of("out", "run-1"), s.output().directory());
        assertEquals(1, s.experiment().schedule().size());
        Files.delete(dir.resolve("cell.yaml"));
        String m = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario)).getMessage();
        assertTrue(m.contains("cannot read parameter file") && m.contains("cell.yaml") && m.contains("parameters.file"), m);
    }

    @Test
    void missingFile(@TempDir Path dir) {
        String m = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml"))).getMessage();
        assertTrue(m.contains("nope.yaml") && m.contains("no such file"), m);
    }

    @Test
    void unreadableYamlNamesFileAndLine() {
        String m = reject("model: DFN\nparameters: {set: marquis2019\nexperiment: {steps: [a]}\n");
        assertTrue(m.startsWith("unreadable YAML in test.yaml line 3"), m);
        m = reject("model: DFN\nmodel: SPM\n");
        assertTrue(m.contains("line 2") && m.contains("duplicate key"), m);
    }

    @Test
    void unknownKeySuggestsClosest() {
        String m = reject(MINIMAL + "solvr: {rtol: 1e-6}\n");
        assertTrue(m.contains("unknown key 'solvr'; did you mean 'solver'?"), m);
        m = reject(MINIMAL + "mesh: {negatve: 3}\n");
        assertTrue(m.contains("unknown key 'mesh.negatve'; did you mean 'mesh.negative'?"), m);
        m = reject(MINIMAL.replace("{steps:", "{period: 1 s, stesp: [a], steps:"));
        assertTrue(m.contains("did you mean 'experiment.steps'"), m);
    }

    @Test
    void wrongTypesNameKeyValueAndAllowed() {
        String m = reject(MINIMAL + "mesh: {negative: many}\n");
        assertTrue(m.contains("mesh.negative = 'many' is not allowed: expected a positive whole number"), m);
        m = reject(MINIMAL + "mesh: {negative: -3}\n");
        assertTrue(m.contains("mesh.negative = '-3'"), m);
        m = reject(MINIMAL + "solver: {rtol: small}\n");
        assertTrue(m.contains("solver.rtol = 'small' is not allowed: expected a positive number"), m);
        m = reject(MINIMAL + "solver: {rtol: 2}\n");
        assertTrue(m.contains("solver.rtol = '2.0'"), m);
        m = reject(MINIMAL + "solver: {maxStep: 60}\n");
        assertTrue(m.contains("test.yaml: solver.maxStep = '60' needs a unit: a time such as '60 s', '5 min' or '1 hour'"), m);
        m = reject(MINIMAL.replace("]}", "], period: 10}"));
        assertTrue(m.contains("experiment.period = '10' needs a unit"), m);
        m = reject(MINIMAL + "output: {fieldTimes: [\"10 min\", 600]}\n");
        assertTrue(m.contains("output.fieldTimes = '600' needs a unit"), m);
        m = reject(MINIMAL + "solver: {maxStep: 3 V}\n");
        assertTrue(m.contains("solver.maxStep = '3 V' is not allowed: expected a duration"), m);
        m = reject(MINIMAL + "solver: {linearSolver: magic}\n");
        assertTrue(m.contains("unknown linear solver 'magic'; known: default, dense, banded, sparse"), m);
        m = reject(MINIMAL + "output: {plot: maybe}\n");
        assertTrue(m.contains("output.plot = 'maybe' is not allowed: expected true or false"), m);
        m = reject(MINIMAL + "mesh: 31\n");
        assertTrue(m.contains("mesh = '31' is not allowed: expected a map"), m);
        m = reject(MINIMAL.replace("model: DFN", "model: [DFN, SPM]"));
        assertTrue(m.contains("model = 'a list of 2 items'"), m);
    }

    @Test
    void missingKeys() {
        assertTrue(reject("parameters: {set: x}\nexperiment: {steps: [\"Rest for 1 h\"]}\n").contains("missing key 'model'"));
        assertTrue(reject("model: DFN\nexperiment: {steps: [\"Rest for 1 h\"]}\n").contains("missing key 'parameters'"));
        assertTrue(reject("model: DFN\nparameters: {file: x.yaml}\nexperiment: {steps: [\"Rest for 1 h\"]}\n")
                .contains("cannot read parameter file"));
        assertTrue(reject("model: DFN\nparameters: {overrides: {a: 1}}\nexperiment: {steps: [\"Rest for 1 h\"]}\n")
                .contains("missing key 'parameters.set'"));
        assertTrue(reject("model: DFN\nparameters: {set: x}\nexperiment: {repeat: 2}\n").contains("missing 'steps'"));
    }

    @Test
    void malformedSentenceKeepsTheCaret() {
        String m = reject(MINIMAL.replace("Discharge at 1C until 3.105 V", "Discharge at 1C untill 3.105 V"));
        assertTrue(m.contains("experiment.steps[0]: malformed experiment step"), m);
        assertTrue(m.contains("\n  Discharge at 1C untill 3.105 V\n                  ^^^^^^"), m);
        assertTrue(m.contains("did you mean 'until'?"), m);
    }

    @Test
    void stepsAndCyclesTogetherRejected() {
        String m = reject("model: DFN\nparameters: {set: x}\nexperiment: {steps: [\"Rest for 1 h\"], cycles: [{steps: [\"Rest for 1 h\"]}]}\n");
        assertTrue(m.contains("either 'steps'"), m);
    }

    @Test
    void longModelFormAndTemperature() {
        Scenario s = ScenarioLoader.parse(new java.io.StringReader(MINIMAL.replace("model: DFN",
                "model: {type: DFN, electrolyte: single-ion, particle: {shells: 20, surfaceRefinement: 2}}\ntemperature: 25 degC")),
                "t.yaml", null, null, "t");
        assertEquals("DFN", s.model());
        assertEquals(java.util.Map.of("electrolyte", "single-ion", "particle.shells", "20", "particle.surfaceRefinement", "2"),
                s.modelChoice().options());
        assertEquals(298.15, s.temperature(), 1e-12);
        Scenario kelvin = ScenarioLoader.parse(new java.io.StringReader(MINIMAL + "temperature: 310 K\n"), "t.yaml", null, null, "t");
        assertEquals(310.0, kelvin.temperature(), 0.0);
        Scenario none = ScenarioLoader.parse(new java.io.StringReader(MINIMAL), "t.yaml", null, null, "t");
        assertTrue(Double.isNaN(none.temperature()) && none.modelChoice().options().isEmpty());
        String m = reject(MINIMAL.replace("model: DFN", "model: {electrolyte: binary}"));
        assertTrue(m.contains("missing key 'model.type'"), m);
        m = reject(MINIMAL + "temperature: 25 V\n");
        assertTrue(m.contains("temperature = '25 V' is not allowed"), m);
    }
}

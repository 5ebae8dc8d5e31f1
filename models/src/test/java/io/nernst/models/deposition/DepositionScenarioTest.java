package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.scenario.ScenarioException;
import io.nernst.core.units.UnitException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DepositionScenarioTest {

    @Test
    void theSeed003ExampleReadsToItsDocumentedValues() {
        DepositionScenario sc = DepositionScenario.load(Path.of("../examples/deposition/deposition-1mAcm2.yaml"));
        DepositionSettings s = sc.settings();
        assertEquals(0.148, s.conductivity(), 1e-12);
        assertEquals(0.38, s.transferenceNumber(), 0.0);
        assertEquals(1490.0, s.bulkConcentration(), 1e-9);
        assertEquals(1.2463e-11, s.diffusivity(), 0.0001e-11);
        assertEquals(298.15, s.temperature(), 1e-9);
        assertEquals(5.0, s.exchangeCurrentDensity(), 1e-12);
        assertEquals(1.30e-5, s.molarVolume(), 0.005e-5);
        assertEquals(130e-6, s.height() - s.surfaceHeight(), 1e-12);
        assertEquals(0.5e-6, s.width() / s.cellsX(), 1e-15);
        assertEquals(0.5e-6, s.height() / s.cellsY(), 1e-15);
        assertEquals(10.0, s.currentDensity(), 1e-12);
        assertEquals(3600.0, s.duration(), 0.0);
        assertEquals(600.0, s.snapshotInterval(), 0.0);
        assertEquals(new InitialMorphology.Rough(0.5e-6, 3e-6, 3), s.morphology());
        assertEquals(Path.of("out/deposition-1mAcm2"), sc.outputDirectory());
    }

    /** The low end of seed 003's range: the same cell at a tenth of the current for ten times as long. */
    @Test
    void theLowCurrentExampleIsTheSameCellAtATenthOfTheCurrent() {
        DepositionSettings high = DepositionScenario.load(Path.of("../examples/deposition/deposition-1mAcm2.yaml")).settings();
        DepositionScenario lowScenario = DepositionScenario.load(Path.of("../examples/deposition/deposition-0.1mAcm2.yaml"));
        DepositionSettings low = lowScenario.settings();
        assertEquals(1.0, low.currentDensity(), 1e-12);
        assertEquals(36000.0, low.duration(), 0.0);
        // equal charge, 1 mAh/cm2 = 36000 C/m2
        assertEquals(high.currentDensity() * high.duration(), low.currentDensity() * low.duration(), 1e-9);
        assertEquals(high.conductivity(), low.conductivity(), 0.0);
        assertEquals(high.diffusivity(), low.diffusivity(), 0.0);
        assertEquals(high.bulkConcentration(), low.bulkConcentration(), 0.0);
        assertEquals(high.exchangeCurrentDensity(), low.exchangeCurrentDensity(), 0.0);
        assertEquals(high.cellsX(), low.cellsX());
        assertEquals(high.cellsY(), low.cellsY());
        assertEquals(high.height(), low.height(), 0.0);
        assertEquals(high.morphology(), low.morphology());
        assertEquals(Path.of("out/deposition-0.1mAcm2"), lowScenario.outputDirectory());
    }

    @Test
    void everyDepositionExampleLoads() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("../examples/deposition"))) {
            java.util.List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(yaml.size() >= 2, yaml.toString());
            for (Path p : yaml) {
                DepositionScenario sc = DepositionScenario.load(p);
                assertTrue(sc.settings().duration() > 0, p.toString());
            }
        }
    }

    private static DepositionScenario parse(String yaml) {
        return DepositionScenario.parse(new StringReader(yaml), "test.yaml", "t");
    }

    @Test
    void morphologiesControlsAndErrors() {
        DepositionScenario n = parse("morphology: {type: nuclei, bumps: [{x: 2 um, radius: 1 um}, {x: 10 um, radius: 0.5 um}]}\n"
                + "control: {mode: potentiostatic, electrodePotential: -40 mV}\nnumerics: {timeScheme: backward-euler}\n");
        InitialMorphology.Bumps b = (InitialMorphology.Bumps) n.settings().morphology();
        assertEquals(2, b.bumps().size());
        assertEquals(10e-6, b.bumps().get(1).x(), 1e-15);
        assertEquals(DepositionSettings.ControlMode.POTENTIOSTATIC, n.settings().controlMode());
        assertEquals(-0.04, n.settings().electrodePotential(), 1e-15);
        assertEquals(DepositionSettings.TimeScheme.BACKWARD_EULER, n.settings().timeScheme());
        DepositionSettings stepping = parse("time: {initialStep: 10 ms, maxConcentrationChange: 0.02 mol/L}\n").settings();
        assertEquals(0.01, stepping.initialTimeStep(), 1e-15);
        assertEquals(20.0, stepping.maxConcentrationChange(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, n.settings().maxConcentrationChange(), 0.0);
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> parse("domian: {width: 8 um}\n"));
        assertTrue(unknown.getMessage().contains("did you mean 'domain'"), unknown.getMessage());
        UnitException unit = assertThrows(UnitException.class, () -> parse("domain: {width: 8 s}\n"));
        assertTrue(unit.getMessage().contains("domain.width") && unit.getMessage().contains("length"), unit.getMessage());
        ScenarioException yaml = assertThrows(ScenarioException.class, () -> parse("domain: {width: 8 um\n"));
        assertTrue(yaml.getMessage().contains("line"), yaml.getMessage());
        assertThrows(ScenarioException.class, () -> parse("morphology: {type: bump, x: 2 um}\n"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> parse("control: {currentDensity: 0 mA/cm2}\n"));
        assertTrue(range.getMessage().contains("control.currentDensity"), range.getMessage());
    }

    @Test
    void unphysicalAndUnitlessDepositionInputsAreRefusedNamingTheKey() {
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("kinetics: {exchangeCurrentDensity: 1e30 A/m2}\n", "kinetics.exchangeCurrentDensity = 1.0E30 A/m^2 is not allowed");
        cases.put("temperature: 1e9 K\n", "temperature = 1.0E9 K is not allowed; allowed: (200.0, 453.65] K");
        cases.put("domain: {width: 16}\n", "domain.width = '16' needs a unit: a length");
        cases.put("domain: {width: 50 %}\n", "domain.width = '50 %' is a dimensionless number but domain.width needs a length");
        cases.put("time: {duration: 1 h}\noutput: {snapshotInterval: 1 ps}\n", "would write 3.60e+15 snapshots");
        for (var c : cases.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(c.getKey()).settings(), c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
            assertTrue(e instanceof io.nernst.core.error.NernstError, "a bad-input kind: " + e.getClass());
        }
    }

    @Test
    void aGridThatCannotFitIsRefusedBeforeAllocation() {
        DepositionSettings s = DepositionSettings.builder().width(64e-6).height(64e-6).cellsX(4096).cellsY(4096)
                .surfaceHeight(4e-6).build();
        double bytes = 4096.0 * 4096 * DepositionRun.BYTES_PER_CELL;
        if (bytes > 0.8 * Runtime.getRuntime().maxMemory()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DepositionRun.run(s, null));
            assertTrue(e.getMessage().startsWith("domain.cellsX x domain.cellsY = 4096 x 4096 cells need about 8.05 GB"), e.getMessage());
        }
    }
}

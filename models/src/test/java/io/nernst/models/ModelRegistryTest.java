package io.nernst.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.cell.CellOutputs;
import io.nernst.models.cell.DfnModel;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry: names, did-you-mean, incompatible combinations, and what each component builds. */
class ModelRegistryTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(5).separatorPoints(4).positivePoints(5)
            .particlePoints(5).build();

    /** marquis2019 plus extra constants. */
    static ParameterSet withExtras(Map<String, Double> extras, Map<String, String> units) {
        ParameterSet base = ModelRegistry.parameterSet("marquis2019");
        ParameterSet.Builder b = ParameterSet.builder("marquis2019+");
        for (String name : base.names()) {
            ParameterSet.Parameter p = base.parameter(name);
            if (p.isFunction()) {
                b.function(name, p.function(), p.unit(), p.description());
            } else {
                b.constant(name, p.value(), p.unit(), p.constraint(), p.description());
            }
        }
        extras.forEach((k, v) -> b.constant(k, v, units.getOrDefault(k, "1"), Constraint.NON_NEGATIVE, "test value"));
        return b.build();
    }

    private static ParameterSet lithiumMetalCell() {
        return withExtras(Map.of("Lithium metal exchange-current density", 10.0), Map.of("Lithium metal exchange-current density", "A.m-2"));
    }

    private static IllegalArgumentException refused(ModelChoice choice, ParameterSet p) {
        return assertThrows(IllegalArgumentException.class, () -> ModelRegistry.create(choice, p, SMALL));
    }

    @Test
    void everyBuiltInModelAndComponentIsRegistered() {
        assertEquals(List.of("SPM", "SPMe", "DFN"), ModelRegistry.modelNames());
        assertEquals(List.of("porous", "lithium-metal", "lithium-indium"), ModelRegistry.componentNames("negative"));
        assertEquals(List.of("binary", "single-ion"), ModelRegistry.componentNames("electrolyte"));
        assertEquals(List.of("symmetric", "asymmetric"), ModelRegistry.componentNames("kinetics"));
        assertEquals(List.of("isothermal", "lumped"), ModelRegistry.componentNames("thermal"));
    }

    @Test
    void unknownNamesSuggestTheClosest() {
        ParameterSet p = ModelRegistry.parameterSet("marquis2019");
        String type = refused(ModelChoice.of("DNF"), p).getMessage();
        assertTrue(type.contains("did you mean 'DFN'"), type);
        String component = refused(new ModelChoice("DFN", Map.of("electrolyte", "single-ions")), p).getMessage();
        assertTrue(component.contains("model.electrolyte = 'single-ions'") && component.contains("did you mean 'single-ion'")
                && component.contains("binary, single-ion"), component);
        String key = refused(new ModelChoice("DFN", Map.of("electrolye", "binary")), p).getMessage();
        assertTrue(key.contains("'model.electrolye'") && key.contains("did you mean 'model.electrolyte'"), key);
        String shells = refused(new ModelChoice("DFN", Map.of("particle.shells", "1")), p).getMessage();
        assertTrue(shells.contains("model.particle.shells = '1'") && shells.contains("[2, 100000]"), shells);
    }

    @Test
    void incompatibleCombinationsNameKeyAndAllowedValues() {
        String planarSpm = refused(new ModelChoice("SPM", Map.of("negative", "lithium-metal")), lithiumMetalCell()).getMessage();
        assertTrue(planarSpm.contains("model.negative = 'lithium-metal' is not allowed with SPM: allowed porous")
                && planarSpm.contains("DFN takes it"), planarSpm);
        String liIn = refused(new ModelChoice("SPMe", Map.of("negative", "lithium-indium")), lithiumMetalCell()).getMessage();
        assertTrue(liIn.contains("model.negative") && liIn.contains("SPMe"), liIn);
        String solidSpme = refused(new ModelChoice("SPMe", Map.of("electrolyte", "single-ion")),
                ModelRegistry.parameterSet("marquis2019")).getMessage();
        assertTrue(solidSpme.contains("model.electrolyte = 'single-ion' is not allowed with SPMe: allowed binary"), solidSpme);
        String hot = refused(new ModelChoice("SPM", Map.of("thermal", "lumped")), ModelRegistry.parameterSet("marquis2019")).getMessage();
        assertTrue(hot.contains("model.thermal = 'lumped' is not allowed with SPM: allowed isothermal"), hot);
        // The Java options' planar anode goes through the same check.
        String legacy = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.create("SPM", lithiumMetalCell(),
                SMALL.toBuilder().negativeElectrode(io.nernst.models.electrode.ElectrodeKind.PLANAR_METAL).build())).getMessage();
        assertTrue(legacy.contains("DFN"), legacy);
    }

    @Test
    void singleIonElectrolyteRefusesAConcentrationDependentConductivity() {
        ParameterSet marquis = ModelRegistry.parameterSet("marquis2019");
        ParameterException e = assertThrows(ParameterException.class,
                () -> ModelRegistry.create(new ModelChoice("DFN", Map.of("electrolyte", "single-ion")), marquis, SMALL));
        assertTrue(e.getMessage().contains("'Electrolyte conductivity'") && e.getMessage().contains("model.electrolyte = 'single-ion'"),
                e.getMessage());
        // With a constant conductivity it builds: no c unknowns, and no concentration overpotential among its outputs.
        ParameterSet solid = marquis.with("Electrolyte conductivity", 0.5);
        DfnModel model = (DfnModel) ModelRegistry.create(new ModelChoice("DFN", Map.of("electrolyte", "single-ion")), solid, SMALL);
        assertEquals(-1, model.electrolyteConcentrationIndex(0));
        assertFalse(model.scalarOutputNames().contains(CellOutputs.CONCENTRATION_OVERPOTENTIAL));
        double[][] s = discharged(model, 24.0, 600.0);
        double[] out = new double[model.scalarOutputNames().size()];
        model.scalarOutputs(600, s[0], s[1], out);
        List<String> n = model.scalarOutputNames();
        double sum = out[n.indexOf(CellOutputs.OPEN_CIRCUIT_VOLTAGE)] + out[n.indexOf(CellOutputs.REACTION_OVERPOTENTIAL)]
                + out[n.indexOf(CellOutputs.ELECTROLYTE_OHMIC_LOSSES)] + out[n.indexOf(CellOutputs.SOLID_OHMIC_LOSSES)];
        assertEquals(out[n.indexOf(CellOutputs.VOLTAGE)], sum, 1e-12);
        // Ohm's law in the separator: kappa_eff = 0.5 S/m (porosity 1), so the drop across it is (I/A) L_s / kappa.
        int first = 5;
        int last = 5 + 3;
        double drop = s[0][model.electrolytePotentialIndex(first)] - s[0][model.electrolytePotentialIndex(last)];
        double distance = model.mesh().centres()[last] - model.mesh().centres()[first];
        assertEquals(24.0 * distance / 0.5, drop, 1e-6 * drop);
    }

    /** Li-In is Li metal shifted by 0.62 V: at rest the cell voltages differ by exactly that. */
    @Test
    void lithiumIndiumSitsSixHundredTwentyMillivoltsAboveLithium() {
        ParameterSet p = lithiumMetalCell();
        CellModel li = ModelRegistry.create(new ModelChoice("DFN", Map.of("negative", "lithium-metal")), p, SMALL);
        CellModel liIn = ModelRegistry.create(new ModelChoice("DFN", Map.of("negative", "lithium-indium")), p, SMALL);
        double vLi = discharged(li, 0.0, 10.0)[2][0];
        double vLiIn = discharged(liIn, 0.0, 10.0)[2][0];
        assertEquals(0.62, vLi - vLiIn, 1e-9);
        assertFalse(liIn.scalarOutputNames().contains(CellOutputs.NEGATIVE_STOICHIOMETRY));
    }

    @Test
    void particleOptionsOverrideTheMesh() {
        DfnModel model = (DfnModel) ModelRegistry.create(new ModelChoice("DFN", Map.of("particle.shells", "20",
                "particle.surfaceRefinement", "2")), ModelRegistry.parameterSet("marquis2019"), SMALL);
        assertEquals(20, model.particleShells());
    }

    @Test
    void lumpedThermalWithoutItsParametersNamesThemAll() {
        ParameterException e = assertThrows(ParameterException.class, () -> ModelRegistry.create(
                new ModelChoice("DFN", Map.of("thermal", "lumped")), ModelRegistry.parameterSet("marquis2019"), SMALL));
        for (String name : List.of("Cell density", "Cell specific heat capacity", "Cell volume", "Cell cooling surface area",
                "Total heat transfer coefficient", "Negative electrode OCP entropic change", "Positive electrode OCP entropic change")) {
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
    }

    /** {y, yDot, {V}} after a constant-current run. */
    static double[][] discharged(CellModel model, double current, double time) {
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-10).build());
        integrator.initialize(model, 0, y, yDot);
        var r = integrator.integrate(model, 0, y, yDot, time, null, null);
        return new double[][] {r.y(), r.yDot(), {model.voltage(r.y())}};
    }
}

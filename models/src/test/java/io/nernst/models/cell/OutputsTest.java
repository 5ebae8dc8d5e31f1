package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.IntegrationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output names, the overpotential breakdown and the field outputs of every model. */
class OutputsTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(6).separatorPoints(3).positivePoints(6)
            .particlePoints(6).build();

    /** Runs 20 min of a 2C discharge, so that every loss term is non-trivial. */
    private static double[][] dischargedState(CellModel model) {
        model.setControl(Control.CURRENT, 48.0);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6).build());
        integrator.initialize(model, 0, y, yDot);
        IntegrationResult r = integrator.integrate(model, 0, y, yDot, 1200.0, null, null);
        return new double[][] {r.y(), r.yDot()};
    }

    @Test
    void breakdownSumsToVoltageForEveryModel() {
        for (String name : ModelRegistry.modelNames()) {
            CellModel model = ModelRegistry.create(name, ModelRegistry.parameterSet("marquis2019"), SMALL);
            double[][] s = dischargedState(model);
            List<String> names = model.scalarOutputNames();
            double[] out = new double[names.size()];
            model.scalarOutputs(1200.0, s[0], s[1], out);
            // (the breakdown sums to V by construction: CellOutputs defines the last term as the rest)
            // The bulk OCV output against the material functions at the reported stoichiometries,
            // computed here independently (Marquis 2019: LiCoO2 and MCMB 2528 graphite, 298.15 K).
            double xn = out[names.indexOf(CellOutputs.NEGATIVE_STOICHIOMETRY)];
            double xp = out[names.indexOf(CellOutputs.POSITIVE_STOICHIOMETRY)];
            double bulk = new io.nernst.models.materials.LithiumCobaltOxideOcp().value(xp, 298.15)
                    - new io.nernst.models.materials.GraphiteMcmb2528Ocp().value(xn, 298.15);
            assertEquals(bulk, out[names.indexOf(CellOutputs.BULK_OPEN_CIRCUIT_VOLTAGE)], 1e-12, name + " bulk OCV");
            // Under discharge the terminal voltage lies below the surface OCV, which lies below the bulk OCV
            // (the surfaces are further lithiated/delithiated than the averages).
            double v = out[names.indexOf(CellOutputs.VOLTAGE)];
            double ocv = out[names.indexOf(CellOutputs.OPEN_CIRCUIT_VOLTAGE)];
            assertTrue(v < ocv && ocv < bulk, name + ": V " + v + ", OCV " + ocv + ", bulk " + bulk);
            // Discharge: every loss lowers the voltage.
            assertTrue(out[names.indexOf(CellOutputs.REACTION_OVERPOTENTIAL)] < 0, name + " reaction overpotential");
            if (!name.equals("SPM")) {
                assertTrue(out[names.indexOf(CellOutputs.CONCENTRATION_OVERPOTENTIAL)] < 0, name + " concentration overpotential");
                assertTrue(out[names.indexOf(CellOutputs.ELECTROLYTE_OHMIC_LOSSES)] < 0, name + " electrolyte ohmic losses");
                assertTrue(out[names.indexOf(CellOutputs.SOLID_OHMIC_LOSSES)] < 0, name + " solid ohmic losses");
            }
            // Stoichiometries moved the right way from 0.8 and 0.6, by the charge passed.
            double passed = 48.0 * 1200.0 / io.nernst.models.materials.Constants.FARADAY;
            double dn = passed / (0.6 * 1e-4 * 24983.2619938437);
            assertEquals(19986.609595075 / 24983.2619938437 - dn, out[names.indexOf(CellOutputs.NEGATIVE_STOICHIOMETRY)], 1e-9, name);
            double dp = passed / (0.5 * 1e-4 * 51217.9257309275);
            assertEquals(30730.7554385565 / 51217.9257309275 + dp, out[names.indexOf(CellOutputs.POSITIVE_STOICHIOMETRY)], 1e-9, name);
        }
    }

    @Test
    void fieldsHaveTheirAxesLengths() {
        for (String name : ModelRegistry.modelNames()) {
            CellModel model = ModelRegistry.create(name, ModelRegistry.parameterSet("marquis2019"), SMALL);
            double[][] s = dischargedState(model);
            List<FieldOutput> fields = model.fieldOutputs();
            assertTrue(!fields.isEmpty());
            for (int k = 0; k < fields.size(); k++) {
                double[] out = new double[fields.get(k).positions().length];
                model.field(k, 1200.0, s[0], s[1], out);
                for (double v : out) {
                    assertTrue(Double.isFinite(v), name + " field " + fields.get(k).name());
                }
            }
            assertThrows(IllegalArgumentException.class, () -> model.field(99, 0, s[0], s[1], new double[100]));
        }
        DfnModel dfn = (DfnModel) ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), SMALL);
        double[][] s = dischargedState(dfn);
        // Interfacial current densities integrate to +-I/A over each electrode.
        double[] jn = new double[6];
        double[] jp = new double[6];
        dfn.field(6, 0, s[0], s[1], jn);
        dfn.field(7, 0, s[0], s[1], jp);
        double a = 3 * 0.6 / 1e-5;
        double sumN = 0;
        double sumP = 0;
        for (int i = 0; i < 6; i++) {
            sumN += a * jn[i] * dfn.mesh().widthAt(i);
            sumP += 3 * 0.5 / 1e-5 * jp[i] * dfn.mesh().widthAt(9 + i);
        }
        // Algebraic balances hold to the Newton tolerance of the integrator (rtol 1e-6), not to round-off.
        assertEquals(48.0, sumN, 48.0 * 1e-5);
        assertEquals(-48.0, sumP, 48.0 * 1e-5);
    }

    @Test
    void optionsRejectBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelOptions.builder().particlePoints(1));
        assertTrue(e.getMessage().contains("particlePoints = 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelOptions.builder().meshStretching(-1));
        assertEquals(31, ModelOptions.defaults().negativePoints());
        assertEquals(11, ModelOptions.defaults().separatorPoints());
        assertEquals(31, ModelOptions.defaults().positivePoints());
        assertEquals(11, ModelOptions.defaults().particlePoints());
        CellModel model = ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), ModelOptions.defaults());
        assertThrows(IllegalArgumentException.class, () -> model.setControl(Control.VOLTAGE, -1));
        assertThrows(IllegalArgumentException.class, () -> model.setControl(Control.CURRENT, Double.NaN));
        assertEquals(24.0, model.nominalCapacity(), 0.0);
        assertEquals(1.0, model.electrodeArea(), 0.0);
    }

    @Test
    void parameterSetIsExactlyTheReadme() {
        var p = ModelRegistry.parameterSet("marquis2019");
        assertEquals(1.0e-4, p.value("Negative electrode thickness"), 0);
        assertEquals(2.5e-5, p.value("Separator thickness"), 0);
        assertEquals(0.3, p.value("Positive electrode porosity"), 0);
        assertEquals(0.5, p.value("Positive electrode active material volume fraction"), 0);
        assertEquals(24983.2619938437, p.value("Maximum concentration in negative electrode"), 0);
        assertEquals(30730.7554385565, p.value("Initial concentration in positive electrode"), 0);
        assertEquals(126.0, p.value("Negative electrode conductivity"), 0);
        assertEquals(16.6, p.value("Positive electrode conductivity"), 0);
        assertEquals(3.105, p.value("Lower voltage cut-off"), 0);
        assertEquals(0.4, p.value("Cation transference number"), 0);
        assertEquals(3.9e-14, p.function("Negative particle diffusivity").value(0.5, 298.15), 0);
        assertEquals(5.34e-10 * Math.exp(-0.65 * 1.2), p.function("Electrolyte diffusivity").value(1200, 298.15), 1e-25);
        assertThrows(io.nernst.core.parameters.ParameterException.class, () -> p.with("Negative electrode porosity", 1.5));
    }
}

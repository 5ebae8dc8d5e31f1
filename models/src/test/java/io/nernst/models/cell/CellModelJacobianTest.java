package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.kinetics.KineticsKind;
import io.nernst.models.materials.Constants;
import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Analytic Jacobians of SPM, SPMe and DFN against finite differences, for every control mode. */
class CellModelJacobianTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(5).separatorPoints(3).positivePoints(6)
            .particlePoints(5).build();

    @ParameterizedTest
    @CsvSource({"SPM,CURRENT", "SPM,VOLTAGE", "SPM,POWER", "SPMe,CURRENT", "SPMe,VOLTAGE", "SPMe,POWER",
        "DFN,CURRENT", "DFN,VOLTAGE", "DFN,POWER"})
    void analyticJacobianMatchesFiniteDifferences(String name, Control control) {
        ParameterSet p = ModelRegistry.parameterSet("marquis2019");
        CellModel model = ModelRegistry.create(name, p, SMALL);
        model.setControl(control, control == Control.VOLTAGE ? 3.7 : (control == Control.POWER ? 80.0 : 24.0));
        double[][] s = ModelTestSupport.perturbedState(model, 30.0, 7);
        ModelTestSupport.assertJacobianMatchesFiniteDifferences(model, s[0], s[1], 317.0, 2e-6);
    }

    @Test
    void asymmetricKineticsAndStretchedMeshesJacobian() {
        ParameterSet p = ModelRegistry.parameterSet("marquis2019").with("Negative electrode charge transfer coefficient", 0.35)
                .with("Electrolyte diffusivity", (c, t) -> 3e-10 * (1 + 1e-4 * c)); // plain function: numeric derivative
        ModelOptions o = SMALL.toBuilder().kinetics(KineticsKind.ASYMMETRIC_BUTLER_VOLMER).meshStretching(1.5).build();
        for (String name : ModelRegistry.modelNames()) {
            CellModel model = ModelRegistry.create(name, p, o);
            model.setControl(Control.POWER, 50.0);
            double[][] s = ModelTestSupport.perturbedState(model, -20.0, 11);
            ModelTestSupport.assertJacobianMatchesFiniteDifferences(model, s[0], s[1], 55.0, 2e-6);
        }
    }

    @Test
    void dfnPatternIsNarrowBanded() {
        DfnModel model = (DfnModel) ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), ModelOptions.defaults());
        CsrMatrix pattern = model.jacobianPattern();
        int block = model.particleShells() + 4;
        int lower = 0;
        int upper = 0;
        for (int r = 0; r < pattern.rows(); r++) {
            for (int k = pattern.rowStart()[r]; k < pattern.rowStart()[r + 1]; k++) {
                int c = pattern.columnIndex()[k];
                lower = Math.max(lower, r - c);
                upper = Math.max(upper, c - r);
            }
        }
        assertEquals(31 * block + 11 * 2 + 31 * block + 1, model.dimension());
        assertTrue(lower <= block + 1 && upper <= block + 1, "bandwidths " + lower + " / " + upper + " for block " + block);
        for (int i = 0; i < model.dimension(); i++) {
            assertTrue(pattern.slot(i, i) >= 0, "diagonal " + i + " missing");
        }
    }

    /**
     * The residual conserves lithium by construction: for any (y, y'), the lithium-weighted sum
     * of the particle and electrolyte rows plus t+/F times the sum of the charge rows equals
     * d/dt of the total lithium evaluated with y'.
     */
    @Test
    void dfnResidualConservesLithium() {
        DfnModel model = (DfnModel) ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), SMALL);
        model.setControl(Control.CURRENT, 24.0);
        double[][] s = ModelTestSupport.perturbedState(model, 24.0, 3);
        double[] y = s[0];
        double[] yDot = s[1];
        double[] f = new double[y.length];
        model.residual(0, y, yDot, f);
        CellDesign d = model.design();
        double tPlus = d.electrolyte().transferenceNumber();
        double weighted = 0.0;
        double scale = 0.0;
        for (int i = 0; i < model.cells(); i++) {
            double dx = model.mesh().widthAt(i);
            weighted += dx * f[model.electrolyteConcentrationIndex(i)];
            weighted += tPlus / Constants.FARADAY * f[model.electrolytePotentialIndex(i)];
            scale += Math.abs(dx * f[model.electrolyteConcentrationIndex(i)]);
            int p = model.particleStartIndex(i);
            if (p >= 0) {
                double eam = i < 5 ? d.porousNegative().activeMaterialFraction() : d.positive().activeMaterialFraction();
                double radius = i < 5 ? d.porousNegative().particleRadius() : d.positive().particleRadius();
                double[] volumes = new io.nernst.models.particle.SphericalParticle(radius, model.particleShells(),
                        io.nernst.solvers.fv.Stretching.uniform(), io.nernst.models.materials.DifferentiableFunction.constant(1), 1)
                        .shellVolumes();
                for (int k = 0; k < volumes.length; k++) {
                    double w = eam * dx * 3 * volumes[k] / (radius * radius * radius);
                    weighted += w * f[p + k];
                    scale += Math.abs(w * f[p + k]);
                }
            }
        }
        double rate = model.lithiumInParticles(yDot) + model.lithiumInElectrolyte(yDot);
        assertEquals(rate, weighted * d.electrodeArea(), 1e-12 * scale * d.electrodeArea());
        assertTrue(Math.abs(rate) > 1e-9, "the test state must have a non-trivial lithium rate: " + rate);
    }

    @Test
    void registryErrorsNameTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.create("DNF", ModelRegistry.parameterSet("marquis2019"), null));
        assertTrue(e.getMessage().contains("did you mean 'DFN'"), e.getMessage());
        RuntimeException p = assertThrows(io.nernst.core.parameters.ParameterException.class, () -> ModelRegistry.parameterSet("marqis2019"));
        assertTrue(p.getMessage().contains("marquis2019"), p.getMessage());
        assertEquals(3, ModelRegistry.modelNames().size());
        assertTrue(ModelRegistry.create("spme", ModelRegistry.parameterSet("MARQUIS2019"), ModelOptions.defaults()) instanceof SpmeModel);
    }
}

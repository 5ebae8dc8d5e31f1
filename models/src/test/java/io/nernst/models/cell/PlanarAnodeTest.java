package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.electrode.ElectrodeKind;
import io.nernst.models.electrolyte.SingleIonConductor;
import io.nernst.models.kinetics.KineticsKind;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;
import org.junit.jupiter.api.Test;

/** DFN with a planar Li-metal anode: Jacobian, interface current balance, voltage breakdown. */
class PlanarAnodeTest {
    private static final ModelOptions PLANAR = ModelOptions.builder().negativeElectrode(ElectrodeKind.PLANAR_METAL)
            .separatorPoints(6).positivePoints(7).particlePoints(5).build();

    /** marquis2019 plus a lithium-metal interface with i0 = 10 A/m2. */
    static ParameterSet lithiumMetalCell() {
        ParameterSet base = ModelRegistry.parameterSet("marquis2019");
        ParameterSet.Builder b = ParameterSet.builder("li-metal-test");
        for (String name : base.names()) {
            ParameterSet.Parameter p = base.parameter(name);
            if (p.isFunction()) {
                b.function(name, p.function(), p.unit(), p.description());
            } else {
                b.constant(name, p.value(), p.unit(), p.constraint(), p.description());
            }
        }
        b.constant("Lithium metal exchange-current density", 10.0, "A.m-2", Constraint.POSITIVE, "Li/Li+ i0 at 1 M");
        return b.build();
    }

    @Test
    void jacobianMatchesFiniteDifferencesForEveryControl() {
        for (KineticsKind k : KineticsKind.values()) {
            for (Control control : Control.values()) {
                CellModel model = ModelRegistry.create("DFN", lithiumMetalCell(), PLANAR.toBuilder().kinetics(k).build());
                model.setControl(control, control == Control.VOLTAGE ? 4.0 : 30.0);
                double[][] s = ModelTestSupport.perturbedState(model, 24.0, 5);
                ModelTestSupport.assertJacobianMatchesFiniteDifferences(model, s[0], s[1], 91.0, 2e-6);
            }
        }
    }

    @Test
    void singleIonElectrolyteJacobianAndOhmicSeparator() {
        CellDesign liquid = CellDesign.fromParameters(lithiumMetalCell(), KineticsKind.SYMMETRIC_BUTLER_VOLMER, ElectrodeKind.PLANAR_METAL);
        CellDesign solid = new CellDesign(liquid.negative(), liquid.separator(), liquid.positive(),
                new SingleIonConductor(1000.0, DifferentiableFunction.constant(0.5)), liquid.temperature(), liquid.electrodeArea(),
                liquid.nominalCapacity(), liquid.lowerCutoff(), liquid.upperCutoff());
        DfnModel model = new DfnModel(solid, PLANAR);
        model.setControl(Control.CURRENT, 24.0);
        double[][] s = ModelTestSupport.perturbedState(model, 24.0, 9);
        ModelTestSupport.assertJacobianMatchesFiniteDifferences(model, s[0], s[1], 13.0, 2e-6);
        // No electrolyte concentration unknowns.
        assertEquals(-1, model.electrolyteConcentrationIndex(0));
        // Single-ion electrolyte with two porous electrodes (the all-solid-state composite layout).
        CellDesign porous = CellDesign.fromParameters(lithiumMetalCell(), KineticsKind.SYMMETRIC_BUTLER_VOLMER);
        CellDesign porousSolid = new CellDesign(porous.negative(), porous.separator(), porous.positive(),
                new SingleIonConductor(1000.0, DifferentiableFunction.constant(0.5)), porous.temperature(), porous.electrodeArea(),
                porous.nominalCapacity(), porous.lowerCutoff(), porous.upperCutoff());
        DfnModel both = new DfnModel(porousSolid, ModelOptions.builder().negativePoints(4).separatorPoints(3).positivePoints(5)
                .particlePoints(4).build());
        both.setControl(Control.VOLTAGE, 3.7);
        double[][] t = ModelTestSupport.perturbedState(both, 10.0, 4);
        ModelTestSupport.assertJacobianMatchesFiniteDifferences(both, t[0], t[1], 7.0, 2e-6);
    }

    @Test
    void interfaceCarriesTheCellCurrentAndBreakdownSums() {
        DfnModel model = (DfnModel) ModelRegistry.create("DFN", lithiumMetalCell(), PLANAR);
        double current = 12.0;
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        new io.nernst.solvers.dae.BdfIntegrator(io.nernst.solvers.dae.BdfSettings.builder().build()).initialize(model, 0, y, yDot);
        // Charge conservation: the metal interface carries I/A.
        assertEquals(current / model.electrodeArea(), model.metalInterfaceCurrentDensity(y), 1e-9);
        double[] out = new double[model.scalarOutputNames().size()];
        model.scalarOutputs(0, y, yDot, out);
        double sum = out[1] + out[3] + out[4] + out[5] + out[6];
        assertEquals(out[0], sum, 1e-12);
        // The metal's overpotential is the symmetric BV inverse of I/A with i0 = 10 A/m2 sqrt(c_0 / 1000),
        // c_0 the interface concentration (unknown 0), raised above the bulk by the half-cell salt flux
        // (1 - t+) j dx/2 / (F D_e): check that too.
        double interfaceConcentration = y[0];
        double i0 = 10.0 * Math.sqrt(interfaceConcentration / 1000.0);
        double etaLi = 2 * Constants.thermalVoltage(298.15) * asinh(current / 2 / i0);
        assertEquals(etaLi, -y[1], 1e-12);
        double halfCell = 0.5 * model.mesh().widthAt(0);
        double expectedRise = 0.6 * current / Constants.FARADAY * halfCell / (5.34e-10 * Math.exp(-0.65 * interfaceConcentration / 1000));
        assertEquals(1000.0 + expectedRise, interfaceConcentration, 1e-9);
        assertTrue(!model.scalarOutputNames().contains(CellOutputs.NEGATIVE_STOICHIOMETRY), "a metal anode has no stoichiometry");
        assertEquals(CellOutputs.POSITIVE_STOICHIOMETRY, model.scalarOutputNames().get(7));
    }

    /** Over a 1C half-hour, particles + electrolyte gain exactly the lithium stripped from the metal, I t / F. */
    @Test
    void dischargeMovesExactlyTheStrippedLithium() {
        DfnModel model = (DfnModel) ModelRegistry.create("DFN", lithiumMetalCell(), PLANAR);
        double current = 24.0;
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        io.nernst.solvers.dae.BdfIntegrator integrator = new io.nernst.solvers.dae.BdfIntegrator(
                io.nernst.solvers.dae.BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6).build());
        integrator.initialize(model, 0, y, yDot);
        double before = model.lithiumInParticles(y) + model.lithiumInElectrolyte(y);
        io.nernst.solvers.dae.IntegrationResult r = integrator.integrate(model, 0, y, yDot, 1800.0, null, null);
        double after = model.lithiumInParticles(r.y()) + model.lithiumInElectrolyte(r.y());
        assertEquals(current * 1800.0 / Constants.FARADAY, after - before, 1e-9 * before);
        double v = model.voltage(r.y());
        // LiCoO2 vs Li at half discharge: U_p about 3.9 V minus about 0.1 V of polarisation.
        assertTrue(v > 3.6 && v < 4.0, "voltage " + v);
    }

    @Test
    void reducedModelsRejectPlanarAnodes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.create("SPM", lithiumMetalCell(), PLANAR));
        assertTrue(e.getMessage().contains("DFN"), e.getMessage());
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}

package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.IntegrationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lumped thermal DFN: the discrete energy balance, the adiabatic temperature rise of a 1C
 * discharge against the heat generated, and the temperature reaching every property.
 */
class ThermalModelTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(8).separatorPoints(4).positivePoints(8)
            .particlePoints(6).build();

    /**
     * Heat capacity of the 1 m2 Marquis stack (no collectors): volume-averaged density and
     * specific heat of PyBaMM's Marquis2019 layers (negative 1657 kg/m3, separator 397,
     * positive 3262, all 700 J/(kg K)) over 100 + 25 + 100 um: rho = 2230.33 kg/m3, c_p = 700.
     */
    static final double DENSITY = (100 * 1657.0 + 25 * 397.0 + 100 * 3262.0) / 225.0;
    static final double HEAT_CAPACITY_PER_MASS = 700.0;
    static final double VOLUME = 1.0 * 225e-6;

    /**
     * marquis2019 plus the lumped-thermal block, with heat-transfer coefficient h, and linear
     * entropic coefficients dU/dT = a + b sto (test values of the size reported for graphite
     * and LiCoO2, tenths of mV/K; Thomas and Newman, J. Power Sources 119-121 (2003) 844).
     */
    static ParameterSet thermalCell(double h, ParameterSet base) {
        ParameterSet.Builder b = ParameterSet.builder("marquis2019-thermal");
        for (String name : base.names()) {
            ParameterSet.Parameter p = base.parameter(name);
            if (p.isFunction()) {
                b.function(name, p.function(), p.unit(), p.description());
            } else {
                b.constant(name, p.value(), p.unit(), p.constraint(), p.description());
            }
        }
        b.constant("Cell density", DENSITY, "kg.m-3", Constraint.POSITIVE, "stack average")
                .constant("Cell specific heat capacity", HEAT_CAPACITY_PER_MASS, "J.kg-1.K-1", Constraint.POSITIVE, "stack average")
                .constant("Cell volume", VOLUME, "m3", Constraint.POSITIVE, "1 m2 x 225 um")
                .constant("Cell cooling surface area", 2.0, "m2", Constraint.POSITIVE, "both faces")
                .constant("Total heat transfer coefficient", h, "W.m-2.K-1", Constraint.NON_NEGATIVE, "test")
                .function("Negative electrode OCP entropic change", linear(-3e-4, 4e-4), "V.K-1", "test")
                .function("Positive electrode OCP entropic change", linear(-1e-4, 2e-4), "V.K-1", "test");
        return b.build();
    }

    private static DifferentiableFunction linear(double a, double b) {
        return new DifferentiableFunction() {
            @Override
            public double value(double x, double temperature) {
                return a + b * x;
            }

            @Override
            public double derivative(double x, double temperature) {
                return b;
            }
        };
    }

    private static DfnModel lumped(ParameterSet p, String... more) {
        ModelChoice c = new ModelChoice("DFN", Map.of("thermal", "lumped"));
        for (int i = 0; i < more.length; i += 2) {
            c = c.with(more[i], more[i + 1]);
        }
        return (DfnModel) ModelRegistry.create(c, p, SMALL);
    }

    /**
     * Multiplying each charge-balance row by its potential and summing gives, by summation by
     * parts of the discrete fluxes, Q_irr + sum a j U dx + (I/A) V - for any state, converged or
     * not. This checks every heat term against the discretised charge equations to round-off.
     */
    @Test
    void energyBalanceClosesToRoundOff() {
        ParameterSet marquis = thermalCell(10.0, ModelRegistry.parameterSet("marquis2019"));
        ParameterSet metal = thermalCell(10.0, ModelRegistry.parameterSet("marquis2019"))
                .with("Electrolyte conductivity", 0.8);
        ParameterSet liMetal = withMetal(metal);
        List<DfnModel> models = List.of(lumped(marquis), lumped(marquis, "kinetics", "asymmetric"),
                lumped(liMetal, "negative", "lithium-metal"), lumped(liMetal, "negative", "lithium-indium", "electrolyte", "single-ion"),
                lumped(metal, "electrolyte", "single-ion"),
                (DfnModel) ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), SMALL));
        long seed = 1;
        for (DfnModel model : models) {
            model.setControl(Control.CURRENT, 24.0);
            double[][] s = ModelTestSupport.perturbedState(model, 24.0, seed++);
            double[] y = s[0];
            double[] residual = new double[y.length];
            model.residual(0, y, s[1], residual);
            double weighted = 0.0;
            double magnitude = 0.0;
            for (int i = 0; i < model.cells(); i++) {
                int[] rows = {model.electrolytePotentialIndex(i), model.solidPotentialIndex(i)};
                for (int r : rows) {
                    if (r >= 0) {
                        weighted += y[r] * residual[r];
                        magnitude += Math.abs(y[r] * residual[r]);
                    }
                }
            }
            if (model.interfacePotentialIndex() >= 0) {
                int r = model.interfacePotentialIndex();
                weighted += y[r] * residual[r];
                magnitude += Math.abs(y[r] * residual[r]);
            }
            double[] e = new double[5];
            model.energyTerms(y, e);
            double balance = e[0] + e[2] + e[3] + e[4] + model.current(y) / model.electrodeArea() * model.voltage(y);
            assertTrue(Math.abs(weighted) > 1.0, "the perturbed state is far from converged: " + weighted);
            assertTrue(e[0] > 0 && e[2] > 0, "reaction and solid ohmic heat are positive on discharge");
            assertEquals(weighted, balance, 1e-13 * magnitude, model.scalarOutputNames().toString());
        }
    }

    private static ParameterSet withMetal(ParameterSet p) {
        ParameterSet.Builder b = ParameterSet.builder(p.name() + "+Li");
        for (String name : p.names()) {
            ParameterSet.Parameter q = p.parameter(name);
            if (q.isFunction()) {
                b.function(name, q.function(), q.unit(), q.description());
            } else {
                b.constant(name, q.value(), q.unit(), q.constraint(), q.description());
            }
        }
        b.constant("Lithium metal exchange-current density", 10.0, "A.m-2", Constraint.POSITIVE, "test");
        b.constant("Lithium metal exchange-current activation energy", 3.0e4, "J.mol-1", Constraint.NON_NEGATIVE, "test");
        return b.build();
    }

    /**
     * Adiabatic 1C discharge: the temperature the DAE integrates, rho c_p V (T(t) - T(0)), against
     * the trapezoidal integral of the reported heat generation over 10 s samples.
     */
    @Test
    void adiabaticTemperatureRiseEqualsTheHeatGenerated() {
        DfnModel model = lumped(thermalCell(0.0, ModelRegistry.parameterSet("marquis2019")));
        List<String> names = model.scalarOutputNames();
        int heatColumn = names.indexOf(CellOutputs.TOTAL_HEAT_GENERATION);
        int reversibleColumn = names.indexOf(CellOutputs.REVERSIBLE_HEAT_GENERATION);
        int irreversibleColumn = names.indexOf(CellOutputs.IRREVERSIBLE_HEAT_GENERATION);
        int temperatureColumn = names.indexOf(CellOutputs.CELL_TEMPERATURE);
        model.setControl(Control.CURRENT, 24.0);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-8).build());
        integrator.initialize(model, 0, y, yDot);
        double[] out = new double[names.size()];
        model.scalarOutputs(0, y, yDot, out);
        double t0 = out[temperatureColumn];
        double previousHeat = out[heatColumn];
        double heat = 0.0;
        double reversible = 0.0;
        double irreversible = 0.0;
        double previousReversible = out[reversibleColumn];
        double previousIrreversible = out[irreversibleColumn];
        double dt = 10.0;
        double t = 0;
        for (int k = 0; k < 300; k++) {
            IntegrationResult r = integrator.integrate(model, t, y, yDot, t + dt, null, null);
            t += dt;
            y = r.y();
            yDot = r.yDot();
            model.scalarOutputs(t, y, yDot, out);
            heat += 0.5 * dt * (previousHeat + out[heatColumn]);
            reversible += 0.5 * dt * (previousReversible + out[reversibleColumn]);
            irreversible += 0.5 * dt * (previousIrreversible + out[irreversibleColumn]);
            previousHeat = out[heatColumn];
            previousReversible = out[reversibleColumn];
            previousIrreversible = out[irreversibleColumn];
        }
        double capacity = DENSITY * HEAT_CAPACITY_PER_MASS * VOLUME;
        double rise = out[temperatureColumn] - t0;
        // a few kelvin to tens of kelvin for an uncooled cell at 1C
        assertTrue(rise > 3 && rise < 60, "adiabatic rise " + rise + " K");
        assertTrue(irreversible > 0, "irreversible heat " + irreversible);
        assertEquals(heat, reversible + irreversible, 1e-12 * heat);
        // trapezoid error over 10 s samples of a smooth heat rate: well below 1e-4
        assertEquals(heat, capacity * rise, 1e-4 * heat, "rho c_p V dT = integral of Q dt");
        System.out.printf("adiabatic 1C, 3000 s: dT = %.4f K, rho c_p V dT = %.3f J, integral Q dt = %.3f J"
                + " (irreversible %.3f J, reversible %.3f J)%n", rise, capacity * rise, heat, irreversible, reversible);
    }

    /**
     * The temperature reaches every property: a lumped cell held at the ambient temperature by a
     * very large h behaves as the isothermal model; an adiabatic one warms and, with faster
     * kinetics and transport, loses less voltage; an isothermal run at 0 degC loses more.
     */
    @Test
    void temperatureReachesEveryProperty() {
        ParameterSet marquis = ModelRegistry.parameterSet("marquis2019");
        CellModel isothermal = ModelRegistry.create("DFN", thermalCell(0.0, marquis), SMALL);
        CellModel pinned = lumped(thermalCell(1e7, marquis));
        CellModel adiabatic = lumped(thermalCell(0.0, marquis));
        CellModel cold = ModelRegistry.create("DFN", ModelRegistry.atTemperature(thermalCell(0.0, marquis), 273.15), SMALL);
        double vIso = voltageAfter(isothermal, 1800);
        double vPinned = voltageAfter(pinned, 1800);
        double vAdiabatic = voltageAfter(adiabatic, 1800);
        double vCold = voltageAfter(cold, 1800);
        assertEquals(vIso, vPinned, 2e-5);
        assertTrue(vAdiabatic > vIso + 1e-3, "adiabatic " + vAdiabatic + " vs isothermal " + vIso);
        assertTrue(vCold < vIso - 5e-3, "0 degC " + vCold + " vs 25 degC " + vIso);
    }

    private static double voltageAfter(CellModel model, double time) {
        model.setControl(Control.CURRENT, 24.0);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-8).build());
        integrator.initialize(model, 0, y, yDot);
        return model.voltage(integrator.integrate(model, 0, y, yDot, time, null, null).y());
    }

    /** Every Jacobian entry, the heat row included, for each anode and electrolyte and every control. */
    @Test
    void jacobianMatchesFiniteDifferences() {
        ParameterSet marquis = thermalCell(10.0, ModelRegistry.parameterSet("marquis2019"));
        ParameterSet metal = withMetal(marquis.with("Electrolyte conductivity", 0.8));
        List<DfnModel> models = List.of(lumped(marquis), lumped(marquis, "kinetics", "asymmetric"),
                lumped(metal, "negative", "lithium-metal"), lumped(metal, "negative", "lithium-indium", "electrolyte", "single-ion"));
        long seed = 11;
        for (DfnModel model : models) {
            for (Control control : Control.values()) {
                model.setControl(control, control == Control.VOLTAGE ? 3.7 : 30.0);
                double[][] s = ModelTestSupport.perturbedState(model, 24.0, seed++);
                s[0][model.temperatureIndex()] = 305.0;
                ModelTestSupport.assertJacobianMatchesFiniteDifferences(model, s[0], s[1], 17.0, 2e-6);
            }
        }
    }
}

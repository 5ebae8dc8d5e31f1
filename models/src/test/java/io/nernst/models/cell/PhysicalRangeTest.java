package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.model.CellModel;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.ParameterOverrides;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.core.simulation.StepEnd;
import io.nernst.core.simulation.StepSummary;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Run-time physics checks (docs/reliability.md): the parameter set's voltage window stops a step
 * that lacks its own limit, and an accepted state outside its physical range stops the run as a
 * solver failure naming quantity, place and time, with no unphysical row written.
 */
class PhysicalRangeTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(8).separatorPoints(4).positivePoints(8)
            .particlePoints(8).build();

    private static Solution run(String model, Map<String, String> overrides, String... steps) {
        ParameterSet p = ParameterOverrides.apply(ModelRegistry.parameterSet("marquis2019"), overrides);
        CellModel m = ModelRegistry.create(model, p, SMALL);
        return new Simulation(m, Experiment.builder().steps(steps).build(), SolverOptions.defaults()).run();
    }

    /** Every written row: voltage inside (0, 5) V and both average stoichiometries inside (0, 1). */
    private static void assertEveryRowPhysical(Solution s) {
        double[] v = s.column(Solution.VOLTAGE);
        double[] xn = s.column(CellOutputs.NEGATIVE_STOICHIOMETRY);
        double[] xp = s.column(CellOutputs.POSITIVE_STOICHIOMETRY);
        for (int r = 0; r < s.rows(); r++) {
            assertTrue(v[r] > 0 && v[r] < 5, "row " + r + ": V = " + v[r]);
            assertTrue(xn[r] > 0 && xn[r] < 1 && xp[r] > 0 && xp[r] < 1, "row " + r + ": x_n = " + xn[r] + ", x_p = " + xp[r]);
        }
    }

    @Test
    void aStepWithoutItsOwnVoltageLimitStopsAtTheParameterSetsCutOff() {
        for (String model : new String[] {"SPM", "SPMe", "DFN"}) {
            // 10 h at 1C would pass 240 A.h through the 24 A.h cell
            Solution s = run(model, Map.of(), "Discharge at 1C for 10 hours");
            assertEquals(Solution.Status.SOLVER_FAILURE, s.status(), model);
            StepSummary step = s.steps().get(0);
            assertEquals(StepEnd.SAFETY_LIMIT, step.end(), model);
            assertTrue(s.failure().contains("lower voltage cut-off 3.105 V"), s.failure());
            // the step ends on the cut-off (event located to the integrator's tolerance) and no row lies below it
            assertEquals(3.105, step.endVoltage(), 1e-6, model);
            for (double v : s.column(Solution.VOLTAGE)) {
                assertTrue(v >= 3.105 - 1e-6, model + ": row below the cut-off: " + v);
            }
            // a 1C discharge of the 24 A.h cell reaches 3.105 V near 1 h (DFN validation: 3618 s)
            assertEquals(3600.0, step.endTime(), 0.05 * 3600.0, model);
            // the solver's statistics are kept
            assertTrue(s.statistics().steps() > 10, model + ": " + s.statistics().steps());
        }
    }

    @Test
    void aStepStartingOutsideTheWindowWithoutItsOwnLimitStopsTheRun() {
        // after the discharge to 3.105 V, a further 1C discharge "for 1 hour" starts below the window
        Solution s = run("SPM", Map.of(), "Discharge at 1C until 3.105 V", "Discharge at 1C for 1 hour");
        assertEquals(Solution.Status.SOLVER_FAILURE, s.status());
        assertEquals(StepEnd.SAFETY_LIMIT, s.steps().get(1).end(), s.failure());
        assertTrue(s.failure().contains("at or below the parameter set's lower voltage cut-off 3.105 V"), s.failure());
    }

    @Test
    void aSurfaceStoichiometryBelowZeroAtTheStartIsASolverFailureNamingIt() {
        // 300C: with the quasi-steady surface reconstruction the consistent surface concentration of the SPM
        // negative particle was negative at t = 0 (-0.39 of c_max on 11 shells). Since issue 8 section 4 the
        // surface concentration starts at c0 and relaxes, so the start is physical: the run writes its t = 0
        // state, and a later failure (if any) names a time after the start.
        for (String model : new String[] {"SPM", "SPMe"}) {
            Solution s = run(model, Map.of(), "Discharge at 300C until 3.105 V");
            assertTrue(s.rows() > 0, model + ": the t = 0 state is physical and written");
            if (s.status() == Solution.Status.SOLVER_FAILURE) {
                assertTrue(!s.failure().contains(" t = 0 ") && !s.failure().contains("t = 0.0 "), s.failure());
            }
        }
    }

    @Test
    void electrolyteDepletionIsASolverFailureNamingPlaceAndTime() {
        // 3C with a 100x too small electrolyte diffusivity empties the positive electrode's electrolyte within ~70 s
        Solution s = run("SPMe", Map.of("Electrolyte diffusivity", "3e-12 m2/s"), "Discharge at 3C until 2.0 V");
        assertEquals(Solution.Status.SOLVER_FAILURE, s.status());
        assertTrue(s.failure().contains("Electrolyte concentration [mol.m-3] = -") && s.failure().contains("(positive electrode)")
                && s.failure().contains("allowed: > 0"), s.failure());
        assertEveryRowPhysical(s);
        assertTrue(s.statistics().steps() > 10, "statistics kept on failure: " + s.statistics().steps());
    }

    @Test
    void theInitialStatesArePhysical() {
        for (String model : ModelRegistry.modelNames()) {
            CellModel m = ModelRegistry.create(model, ModelRegistry.parameterSet("marquis2019"), SMALL);
            assertNull(m.checkState(m.initialState()), model);
            double[] y = m.initialState();
            y[0] = -1.0;
            assertTrue(m.checkState(y).describe().startsWith("Negative particle stoichiometry = -"), m.checkState(y).describe());
        }
    }
}

package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DepositionRunTest {

    private static DepositionSettings.Builder flatCell() {
        return DepositionSettings.builder().width(4e-6).height(32e-6).cellsX(8).cellsY(64).surfaceHeight(4e-6)
                .moveInterface(false).duration(3000.0).maxTimeStep(300.0);
    }

    /**
     * Potentiostatic and galvanostatic control are two views of one steady state: holding the electrode at
     * the potential a 1 mA/cm2 galvanostatic run settles to must draw 1 mA/cm2.
     */
    @Test
    void potentiostaticRunAtTheGalvanostaticSteadyPotentialDrawsTheSameCurrent() {
        DepositionRun.Result galvanostatic = DepositionRun.run(flatCell().galvanostatic(10.0).build(), null);
        double potential = galvanostatic.last().electrodePotential();
        assertTrue(potential < -0.02 && potential > -0.2, "plating overpotential " + potential);
        DepositionRun.Result potentiostatic = DepositionRun.run(flatCell().potentiostatic(potential).build(), null);
        assertEquals(DepositionRun.StopReason.END_TIME, potentiostatic.reason(), potentiostatic.message());
        double width = 4e-6;
        assertEquals(-10.0, potentiostatic.last().totalCurrent() / width, 0.002 * 10.0);
        // (the imposed potential is not compared with itself: the current above is the check)
        // a more negative potential plates faster
        DepositionRun.Result harder = DepositionRun.run(flatCell().potentiostatic(potential - 0.02).build(), null);
        assertTrue(harder.last().totalCurrent() < potentiostatic.last().totalCurrent());
    }

    @Test
    void stopsCleanlyWhenTheDepositReachesTheTop() {
        DepositionSettings s = DepositionSettings.builder().width(8e-6).height(12e-6).cellsX(32).cellsY(48)
                .surfaceHeight(2e-6).morphology(InitialMorphology.Bumps.single(4e-6, 1.5e-6)).galvanostatic(100.0)
                .duration(3600.0).build();
        DepositionRun.Result r = DepositionRun.run(s, null);
        assertEquals(DepositionRun.StopReason.TOP_REACHED, r.reason(), r.message());
        DepositionObservables last = r.last();
        assertTrue(last.time() < 3600.0);
        // stops within a step of the limit 1.5 interface widths below the top
        double limit = s.height() - 1.5 * s.interfaceWidth() - s.surfaceHeight();
        assertTrue(last.maxHeight() >= limit && last.maxHeight() < limit + 0.5 * s.width() / s.cellsX(),
                last.maxHeight() + " vs limit " + limit);
        assertEquals(last.faradayVolume(), last.depositedVolume(), 0.02 * last.faradayVolume());
        // The reported total current is the one of the converged galvanostatic solve that drove each step
        // (evaluated after the interface moved it was up to 0.17 % off here): -J W to the solver tolerance.
        double applied = -100.0 * s.width();
        for (DepositionObservables o : r.series()) {
            assertEquals(applied, o.totalCurrent(), 1e-7 * Math.abs(applied), "t = " + o.time() + " s");
        }
    }

    /**
     * The budget is checked at every coupling sweep inside a step, not only between steps: a budget that
     * is used up before the first sweep abandons the first step, restores the state and stops cleanly.
     */
    @Test
    void wallTimeBudgetStopsInsideTheStepThatExceedsIt() {
        DepositionSettings s = flatCell().galvanostatic(10.0).wallTimeBudget(1e-9).build();
        DepositionModel model = new DepositionModel(s);
        double[] initial = model.concentration().clone();
        double potential = model.electrodePotential();
        DepositionRun.Result r = DepositionRun.run(model, null);
        assertEquals(DepositionRun.StopReason.WALL_TIME, r.reason(), r.message());
        assertTrue(r.message().contains("during the step"), r.message());
        assertEquals(0, r.steps());
        assertEquals(1, r.series().size());
        assertEquals(0.0, model.time(), 0.0);
        assertEquals(potential, model.electrodePotential(), 0.0);
        assertTrue(java.util.Arrays.equals(initial, model.concentration()), "state restored");
    }

    @Test
    void wallTimeExceededInsideAStepRestoresTheModel() {
        DepositionModel model = new DepositionModel(flatCell().galvanostatic(10.0).build());
        model.step(10.0);
        double[] afterFirst = model.concentration().clone();
        model.setDeadline(System.nanoTime() - 1);
        assertThrows(WallTimeExceededException.class, () -> model.step(10.0));
        assertEquals(10.0, model.time(), 0.0);
        assertTrue(java.util.Arrays.equals(afterFirst, model.concentration()));
    }
}

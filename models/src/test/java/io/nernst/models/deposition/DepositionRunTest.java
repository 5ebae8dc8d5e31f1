package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(potential, potentiostatic.last().electrodePotential(), 0.0);
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
    }

    @Test
    void wallTimeBudgetStopsAfterTheStepThatExceedsIt() {
        DepositionSettings s = flatCell().galvanostatic(10.0).wallTimeBudget(1e-6).build();
        DepositionRun.Result r = DepositionRun.run(s, null);
        assertEquals(DepositionRun.StopReason.WALL_TIME, r.reason());
        assertEquals(1, r.steps());
        assertEquals(2, r.series().size());
    }
}

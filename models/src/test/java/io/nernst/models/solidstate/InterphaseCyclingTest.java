package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.dae.StepListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interphase law driven by the interface potential of a simulated charge (seed 001's
 * single-particle cell, 0.1C to 3.7 V vs Li-In = 4.32 V vs Li, just above Li3InCl6's 4.27 V
 * onset): growth happens only in the last part of each charge, and 50 such charges give a film
 * to compare with seed 001's B-NCM R_cathode/SE (14.3 ohm at cycle 1, 128.7 ohm at cycle 50).
 * Feedback of the film on the charge curve is neglected (the film drop shifts the cut-off).
 */
class InterphaseCyclingTest {
    private static final double AREA = 0.785e-4;
    private static final double HOUR = 3600.0;

    @Test
    void growthOnlyAtTheTopOfChargeAndFiftyCycles() {
        PartialContactCell cell = PartialContactCellTest.cell(0.15);
        double current = cell.currentDensityForCRate(0.1, 200);
        cell.setChargeCurrentDensity(current);
        PartialContactCharge s = cell.particleSystem();
        double[] y = s.initialState(Ncm811Chen2020Ocp.MEASURED_MAXIMUM);
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-6).build());
        integrator.initialize(s, 0.0, y, yDot);
        List<double[]> trace = new ArrayList<>();
        double[] work = new double[y.length];
        StepListener listener = out -> {
            for (int k = 1; k <= 8; k++) {
                double t = out.previousTime() + k * (out.currentTime() - out.previousTime()) / 8;
                out.interpolate(t, work, null);
                trace.add(new double[] {t, s.potential(work)});
            }
        };
        DaeEvent cutoff = new DaeEvent() {
            @Override
            public double g(double t, double[] state, double[] rate) {
                return cell.voltage(state, current * t) - 3.7;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.INCREASING;
            }

            @Override
            public boolean terminal() {
                return true;
            }
        };
        IntegrationResult r = integrator.integrate(s, 0.0, y, yDot, 20 * HOUR, List.of(cutoff), listener);
        assertTrue(r.stoppedByEvent());
        double[] times = new double[trace.size() + 1];
        double[] potentials = new double[trace.size() + 1];
        potentials[0] = s.potential(y);
        for (int i = 0; i < trace.size(); i++) {
            times[i + 1] = trace.get(i)[0];
            potentials[i + 1] = trace.get(i)[1];
        }
        InterphaseHold.PotentialProgram program = t -> {
            int hi = 1;
            while (hi < times.length - 1 && times[hi] < t) {
                hi++;
            }
            double w = (t - times[hi - 1]) / (times[hi] - times[hi - 1]);
            return potentials[hi - 1] + Math.max(0, Math.min(1, w)) * (potentials[hi] - potentials[hi - 1]);
        };
        // Kochetkov k = 8.0 ohm h^-0.5 at 4.3 V (cell area taken as seed 001's 0.785 cm2), U_ox = 4.27 V, linear drive
        double r0 = 14.3 * AREA;
        InterphaseGrowth growth = new InterphaseGrowth(4.27, InterphaseGrowth.Drive.LINEAR, 0.5, 8.0 * AREA / Math.sqrt(HOUR),
                4.30, 298.15, 5e-5, 3, 1e6, 1.0, r0);
        InterphaseHold hold = new InterphaseHold(growth, program, 298.15);
        double[] h = hold.initialState();
        double[] hDot = new double[2];
        BdfIntegrator filmIntegrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8)
                .absoluteTolerances(new double[] {1e-20, 1e-14}).maxStep(60).build());
        filmIntegrator.initialize(hold, 0.0, h, hDot);
        double[] end = filmIntegrator.integrate(hold, 0.0, h, hDot, r.time(), null, null).y();
        double perCycle = end[0] - r0 * r0;
        // the same integral by the trapezoid rule on the trace: 2 B_ref / 0.03 V * int (E - U_ox)+ dt
        double integral = 0.0;
        double above = 0.0;
        for (int i = 1; i < times.length; i++) {
            double a = Math.max(potentials[i - 1] - 4.27, 0);
            double b = Math.max(potentials[i] - 4.27, 0);
            integral += 0.5 * (a + b) * (times[i] - times[i - 1]);
            if (potentials[i] > 4.27) {
                above += times[i] - times[i - 1];
            }
        }
        double k = 8.0 * AREA / Math.sqrt(HOUR);
        assertEquals(k * k / 0.03 * integral, perCycle, 0.02 * perCycle, "film growth = trapezoid of the drive");
        double r1 = Math.sqrt(r0 * r0 + perCycle) / AREA;
        double r50 = Math.sqrt(r0 * r0 + 50 * perCycle) / AREA;
        System.out.printf("charge %.2f h, of which %.2f h above 4.27 V vs Li (max %.4f V); film 14.3 -> %.2f ohm after one charge,"
                + " %.1f ohm after 50 (seed 001 B-NCM: 14.3 -> 128.7 ohm)%n", r.time() / HOUR, above / HOUR,
                potentials[potentials.length - 1], r1, r50);
        assertTrue(above < 0.2 * r.time(), "growth is confined to the top of charge");
        assertTrue(r50 > r1 && r1 > 14.3);
    }
}

package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.IntegrationResult;
import org.junit.jupiter.api.Test;

/**
 * The interphase growth law against its closed forms: parabolic R(t) at constant potential
 * (Kochetkov 2022's law), no growth below the stability limit, and the lithium bookkeeping of
 * the side charge, integrated with the BDF integrator.
 */
class InterphaseGrowthTest {
    private static final double HOUR = 3600.0;
    /** Area used only to turn Kochetkov's cell-level ohms into an area-specific scale (10 mm die). */
    private static final double AREA = 0.785e-4;
    /** Kochetkov 2022, NCM85/Li3InCl6 at 4.3 V vs Li: k = 8.0 ohm h^-0.5. */
    private static final double K_43 = 8.0 * AREA / Math.sqrt(HOUR);
    private static final double T = 298.15;
    /** Native film: seed 001 B-NCM R_cathode/SE = 14.3 ohm at 3.20 V vs Li-In (illustrative). */
    private static final double R0 = 14.3 * AREA;

    private static InterphaseGrowth growth(InterphaseGrowth.Drive drive) {
        // film constants for the test only (they scale the side charge): V_m = 5e-5 m3/mol, z = 3, rho_f = 1e6 ohm m
        return new InterphaseGrowth(4.27, drive, 0.5, K_43, 4.30, T, 5e-5, 3, 1e6, 1.0, R0);
    }

    private static IntegrationResult hold(InterphaseGrowth g, InterphaseHold.PotentialProgram program, double tEnd) {
        InterphaseHold hold = new InterphaseHold(g, program, T);
        double[] y = hold.initialState();
        double[] yDot = new double[2];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-10)
                .absoluteTolerances(new double[] {1e-20, 1e-14}).build());
        integrator.initialize(hold, 0.0, y, yDot);
        return integrator.integrate(hold, 0.0, y, yDot, tEnd, null, null);
    }

    @Test
    void constantPotentialGivesTheParabolicLawAndLithiumBookkeeping() {
        InterphaseGrowth g = growth(InterphaseGrowth.Drive.LINEAR);
        double[] times = {1 * HOUR, 10 * HOUR, 50 * HOUR, 100 * HOUR};
        for (double t : times) {
            IntegrationResult r = hold(g, time -> 4.30, t);
            double resistance = InterphaseGrowth.filmResistance(r.y()[0]);
            // closed form r(t) = sqrt(r0^2 + k^2 t), i.e. R0 + k sqrt(t - t0) with t0 = -r0^2/k^2
            double exact = Math.sqrt(R0 * R0 + K_43 * K_43 * t);
            assertEquals(exact, resistance, 1e-9 * exact, "r(" + t / HOUR + " h)");
            assertEquals(exact, g.resistanceAtConstantPotential(t, 4.30, T), 1e-12 * exact);
            // the parabolic constant recovered from r(t): (r^2 - r0^2)/t = k^2
            double k = Math.sqrt((resistance * resistance - R0 * R0) / t);
            assertEquals(8.0, k / AREA * Math.sqrt(HOUR), 1e-6, "k in ohm h^-0.5 over the 0.785 cm2 cell");
            // lithium: integrated side current / F equals nu Gamma (r - r0) / F
            double lost = g.lithiumLost(r.y()[0]);
            assertEquals(lost, r.y()[1], 1e-7 * lost, "lithium lost after " + t / HOUR + " h");
            assertEquals(g.chargePerResistance() * (resistance - R0) / 96485.33212, lost, 1e-12 * lost);
        }
    }

    @Test
    void noGrowthBelowTheStabilityLimitAndOnlyAboveItOnAProgram() {
        InterphaseGrowth g = growth(InterphaseGrowth.Drive.LINEAR);
        IntegrationResult below = hold(g, time -> 4.10, 100 * HOUR);
        assertEquals(R0 * R0, below.y()[0], 0.0, "Kochetkov: no growth at 4.1 V");
        assertEquals(0.0, below.y()[1], 0.0);
        // 5 h at seed 001's top of charge (4.32 V vs Li) then 5 h at 3.8 V: s grows by 2 B(4.32) * 5 h only
        InterphaseHold.PotentialProgram program = time -> time < 5 * HOUR ? 4.32 : 3.80;
        IntegrationResult r = hold(g, program, 10 * HOUR);
        double expected = R0 * R0 + g.squareGrowthRate(4.32, T) * 5 * HOUR;
        assertEquals(expected, r.y()[0], 1e-6 * (expected - R0 * R0));
        // B is linear in E - U_ox: 0.05 / 0.03 times the 4.3 V rate
        assertEquals(0.05 / 0.03, g.rateConstant(4.32, T) / g.rateConstant(4.30, T), 1e-12);
    }

    @Test
    void parabolicConstantAgainstVoltageNextToKochetkov() {
        InterphaseGrowth linear = growth(InterphaseGrowth.Drive.LINEAR);
        InterphaseGrowth tafel = growth(InterphaseGrowth.Drive.TAFEL);
        double scale = Math.sqrt(HOUR) / AREA;
        double k46Linear = linear.parabolicConstant(4.6, T) * scale;
        double k46Tafel = tafel.parabolicConstant(4.6, T) * scale;
        double k41Tafel = tafel.parabolicConstant(4.1, T) * scale;
        // hand values: 8 sqrt(0.33/0.03) = 26.53; 8 exp(0.5 * 0.3 / (2 * 0.025693)) = 148.0; 8 exp(-0.5 * 0.2 / (2 * 0.025693)) = 1.14
        assertEquals(8.0 * Math.sqrt(0.33 / 0.03), k46Linear, 1e-9);
        assertEquals(148.0, k46Tafel, 0.3);
        assertEquals(1.14, k41Tafel, 0.01);
        assertEquals(0.0, linear.parabolicConstant(4.1, T), 0.0);
        System.out.printf("k [ohm h^-0.5] at 4.1 / 4.3 / 4.6 V: linear 0 / 8.0 / %.1f; Tafel(0.5) %.2f / 8.0 / %.1f;"
                + " Kochetkov 2022: ~0 / 8.0 / 44%n", k46Linear, k41Tafel, k46Tafel);
        // derivative of the growth rate vs central differences (Tafel)
        double h = 1e-6;
        double fd = (tafel.squareGrowthRate(4.4 + h, T) - tafel.squareGrowthRate(4.4 - h, T)) / (2 * h);
        assertEquals(fd, tafel.squareGrowthRateDerivative(4.4, T), 1e-6 * fd);
    }

    @Test
    void badParametersAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InterphaseGrowth(4.27, InterphaseGrowth.Drive.LINEAR,
                0.5, K_43, 4.30, T, 5e-5, 3, 1e6, 1.0, 0.0)).getMessage().contains("interphase.initial_resistance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InterphaseGrowth(4.27, InterphaseGrowth.Drive.LINEAR,
                0.5, K_43, 4.20, T, 5e-5, 3, 1e6, 1.0, R0)).getMessage().contains("interphase.reference_potential"));
        assertThrows(IllegalArgumentException.class, () -> new InterphaseGrowth(4.27, InterphaseGrowth.Drive.TAFEL,
                0.5, K_43, 4.30, T, 5e-5, 3, 1e6, 1.5, R0));
    }
}

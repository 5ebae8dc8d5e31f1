package io.nernst.models.deposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Validation of the deposition model against closed forms (physics.md section 9) and the seed 003
 * comparison. Coarse grids keep the default build fast; the convergence studies are tagged slow.
 */
class DepositionValidationTest {
    private static final double F = DepositionSettings.FARADAY;

    // ------------------------------------------------------------------ (a) flat electrode, Faraday

    @Test
    void flatElectrodeAdvancesByFaradaysLawAtOneMilliampPerSquareCentimetre() {
        double width = 8e-6;
        DepositionSettings s = DepositionSettings.builder().width(width).height(32e-6).cellsX(16).cellsY(64)
                .surfaceHeight(4e-6).galvanostatic(10.0).duration(3600.0).build();
        DepositionRun.Result r = DepositionRun.run(s, null);
        assertEquals(DepositionRun.StopReason.END_TIME, r.reason(), r.message());
        DepositionObservables first = r.series().get(0);
        DepositionObservables last = r.last();
        // (M/rho) J t / F = 1.2998e-5 * 10 * 3600 / 96485 = 4.850 um (physics.md section 9: 4.85 um per hour).
        double expectedAdvance = s.molarVolume() * 10.0 * 3600.0 / F;
        assertEquals(4.85e-6, expectedAdvance, 0.01e-6);
        double advance = last.meanHeight() - first.meanHeight();
        assertEquals(expectedAdvance, advance, 0.02 * expectedAdvance, "front advance " + advance);
        // Faraday volume from the charge actually passed, and from the applied current.
        double faraday = s.molarVolume() * 10.0 * width * 3600.0 / F;
        assertEquals(faraday, last.faradayVolume(), 1e-6 * faraday);
        assertEquals(last.faradayVolume(), last.depositedVolume(), 0.01 * faraday,
                "deposited " + last.depositedVolume() + " vs Faraday " + last.faradayVolume());
        // A flat front stays flat and every column carries the applied current.
        assertTrue(last.heightStandardDeviation() < 1e-9, "std " + last.heightStandardDeviation());
        assertEquals(1.0, last.currentAmplification(), 0.01);
    }

    // ------------------------------------------------------------------ (b) Sand's time and steady profile

    /**
     * Sand's time of a stationary planar electrode: the interfacial concentration is recorded until it
     * falls below 2 % of c0 and extrapolated linearly to zero from the last two steps (c_s is linear in
     * t to within 0.05 % of t_S over that stretch). The interface is frozen because the closed form
     * assumes a stationary electrode (see DepositionSettings.moveInterface).
     */
    private static double[] sandTime(double currentDensity, int cellsPerLength, int stepsPerSandTime) {
        double diffusivity = 1e-10;
        double transference = 0.38;
        double c0 = 1000.0;
        double sand = Math.PI * diffusivity * Math.pow(c0 * F, 2) / (4.0 * Math.pow(currentDensity * (1 - transference), 2));
        // Depletion length D c0 F / ((1 - t+) J): the self-similar length of the problem.
        double length = diffusivity * c0 * F / ((1 - transference) * currentDensity);
        double h = length / cellsPerLength;
        // 4.5 depletion lengths = 5 sqrt(D t_S): semi-infinite to erfc(2.5) = 4e-4.
        int ny = (int) Math.ceil(4.5 * cellsPerLength / 16.0) * 16;
        DepositionSettings s = DepositionSettings.builder().diffusivity(diffusivity).transferenceNumber(transference)
                .bulkConcentration(c0).width(4 * h).height(ny * h).cellsX(4).cellsY(ny).surfaceHeight(12 * h)
                .moveInterface(false).galvanostatic(currentDensity).duration(2 * sand)
                .maxTimeStep(sand / stepsPerSandTime).depletionConcentration(0.02 * c0).build();
        DepositionRun.Result r = DepositionRun.run(s, null);
        assertEquals(DepositionRun.StopReason.DEPLETION, r.reason(), r.message());
        List<DepositionObservables> series = r.series();
        DepositionObservables a = series.get(series.size() - 2);
        DepositionObservables b = series.get(series.size() - 1);
        double zero = a.time() - a.minSurfaceConcentration() * (b.time() - a.time())
                / (b.minSurfaceConcentration() - a.minSurfaceConcentration());
        // Surface concentration at mid-run against c(0,t) = c0 - 2 (1 - t+)(J/F) sqrt(t/(pi D)).
        double worst = 0.0;
        for (DepositionObservables o : series) {
            if (o.time() > 0.1 * sand && o.time() < 0.9 * sand) {
                double exact = c0 - 2 * (1 - transference) * (currentDensity / F) * Math.sqrt(o.time() / (Math.PI * diffusivity));
                worst = Math.max(worst, Math.abs(o.minSurfaceConcentration() - exact));
            }
        }
        return new double[]{zero, sand, worst / c0};
    }

    @Test
    void sandsTimeAtTenFiftyAndHundredAmpsPerSquareMetre() {
        for (double j : new double[]{10.0, 50.0, 100.0}) {
            double[] r = sandTime(j, 128, 100);
            assertEquals(r[1], r[0], 0.02 * r[1], "J = " + j + " A/m2: Sand's time " + r[0] + " s vs " + r[1] + " s");
            assertTrue(r[2] < 0.01, "J = " + j + ": surface concentration deviates by " + r[2] + " c0");
        }
    }

    @Test
    @Tag("slow")
    void sandsTimeConvergesWithResolution() {
        double previous = Double.POSITIVE_INFINITY;
        for (int cells : new int[]{64, 128, 256}) {
            double[] r = sandTime(100.0, cells, 200);
            double error = Math.abs(r[0] / r[1] - 1);
            assertTrue(error < previous, "error " + error + " at " + cells + " cells per depletion length");
            previous = error;
        }
        assertTrue(previous < 0.005, "finest error " + previous);
    }

    @Test
    void steadyLinearProfileBelowTheLimitingCurrent() {
        double diffusivity = 1e-10;
        double transference = 0.38;
        double c0 = 1000.0;
        double kappa = 0.5;
        double height = 64e-6;
        double surface = 8e-6;
        double gap = height - surface;
        double limiting = F * diffusivity * c0 / ((1 - transference) * gap);
        double j = 0.5 * limiting;
        DepositionSettings s = DepositionSettings.builder().diffusivity(diffusivity).transferenceNumber(transference)
                .bulkConcentration(c0).conductivity(kappa).width(4e-6).height(height).cellsX(4).cellsY(64)
                .surfaceHeight(surface).moveInterface(false).galvanostatic(j).duration(30 * gap * gap / diffusivity)
                .maxTimeStep(gap * gap / diffusivity).build();
        DepositionModel model = new DepositionModel(s);
        DepositionRun.Result r = DepositionRun.run(model, null);
        assertEquals(DepositionRun.StopReason.END_TIME, r.reason(), r.message());
        double slope = (1 - transference) * j / (F * diffusivity);
        double rt = DepositionSettings.GAS_CONSTANT * s.temperature() / F;
        double kappaDiffusion = 2 * rt * (1 - transference) * kappa;
        double[] c = model.concentration();
        double[] phi = model.potential();
        int checked = 0;
        for (int row = 0; row < 64; row++) {
            double y = (row + 0.5) * 1e-6;
            if (y < surface + 3 * s.interfaceWidth()) {
                continue; // the diffuse band and the lithium
            }
            double exactC = c0 - slope * (height - y);
            assertEquals(exactC, c[row * 4], 1e-5 * c0, "c at y = " + y);
            // i = -kappa dphi/dy + kappa_D dln c/dy = -J above the interface, phi(H) = 0.
            double exactPhi = -j * (height - y) / kappa + kappaDiffusion / kappa * Math.log(exactC / c0);
            assertEquals(exactPhi, phi[row * 4], 1e-4 * Math.abs(exactPhi) + 1e-9, "phi at y = " + y);
            checked++;
        }
        assertTrue(checked > 30, "rows checked " + checked);
    }

    // ------------------------------------------------------------------ (c) tip current amplification

    /** Interface current at the top of a semicircular boss over the uniform-field current density J. */
    private static double tipAmplification(int radiusCells, double exchangeCurrentDensity) {
        double h = 0.25e-6;
        int nx = 16 * radiusCells;
        int ny = 8 * radiusCells;
        double width = nx * h;
        double surface = 16 * h;
        double j = 10.0;
        DepositionSettings s = DepositionSettings.builder().width(width).height(ny * h).cellsX(nx).cellsY(ny)
                .surfaceHeight(surface).morphology(InitialMorphology.Bumps.single(width / 2, radiusCells * h))
                .exchangeCurrentDensity(exchangeCurrentDensity).galvanostatic(j).build();
        DepositionModel model = new DepositionModel(s);
        double[] heights = model.interfaceHeights(new double[nx]);
        int centre = nx / 2; // the boss centre lies on the face between columns centre-1 and centre
        assertEquals(radiusCells * h, heights[centre] - surface, 0.02 * h);
        double tip = 0.5 * (model.interfaceCurrentAt((centre - 0.5) * h, heights[centre - 1])
                + model.interfaceCurrentAt((centre + 0.5) * h, heights[centre]));
        // Far above the boss the field is uniform and carries J (galvanostatic), the reference of the closed form.
        return -tip / j;
    }

    @Test
    void tipCurrentOfASemicircularBossApproachesTwiceTheUniformFieldAtFastKinetics() {
        // Primary distribution (i0 = 1e5 A/m2, Wagner number ~0.005; uniform concentration at t = 0):
        // 2 for an isolated boss; with periodic images at r/W = 1/16 the dipole estimate gives
        // 2 / (1 + pi^2 r^2 / (3 W^2)) = 1.975.
        double fast = tipAmplification(32, 1e5);
        assertEquals(2.0, fast, 0.2, "tip amplification " + fast);
        assertEquals(1.975, fast, 0.06 * 1.975);
        // Falls towards uniform deposition (per-length mean J W / (W + (pi - 2) r) = 0.933 J) as i0 falls.
        double[] exchange = {1e5, 1e3, 1e2, 10.0, 1.0};
        double previous = Double.POSITIVE_INFINITY;
        for (double i0 : exchange) {
            double a = tipAmplification(16, i0);
            assertTrue(a < previous, "amplification " + a + " at i0 = " + i0 + " not below " + previous);
            previous = a;
        }
        assertEquals(1.0 / (1.0 + (Math.PI - 2) / 16), previous, 0.01);
    }

    @Test
    @Tag("slow")
    void tipAmplificationConvergesTowardsTheSharpInterfaceValue() {
        double previousError = Double.POSITIVE_INFINITY;
        for (int r : new int[]{8, 16, 32, 64}) {
            double error = Math.abs(tipAmplification(r, 1e5) - 1.975);
            assertTrue(error < previousError, "error " + error + " at r = " + r + " cells");
            previousError = error;
        }
    }

    // ------------------------------------------------------------------ (d) seed 003 comparison

    /**
     * Seed 003 compares QCPE@P-DOL (1.48 mS/cm) with QCPE (0.96 mS/cm) in symmetric Li cells at up to
     * 1 mA/cm2. Everything else equal (diffusivity from each conductivity by Nernst-Einstein, as in the
     * seed's COMSOL model; 130 um of electrolyte to the symmetric cell's mid-plane; the same seeded
     * roughness), the better conductor must grow a lower and more uniform deposit in one hour.
     */
    @Test
    void betterConductorGrowsALowerMoreUniformDeposit() {
        DepositionObservables better = seedRun(0.148);
        DepositionObservables worse = seedRun(0.096);
        assertTrue(better.maxHeight() < worse.maxHeight(), better.maxHeight() + " vs " + worse.maxHeight());
        assertTrue(better.heightStandardDeviation() < worse.heightStandardDeviation(),
                better.heightStandardDeviation() + " vs " + worse.heightStandardDeviation());
        assertTrue(better.minSurfaceConcentration() > worse.minSurfaceConcentration());
        assertTrue(better.currentAmplification() < worse.currentAmplification());
    }

    private static DepositionObservables seedRun(double conductivity) {
        double width = 16e-6;
        int nx = 32;
        double h = width / nx;
        int ny = (int) Math.round(136e-6 / h);
        DepositionSettings s = DepositionSettings.builder().conductivity(conductivity).width(width).height(ny * h)
                .cellsX(nx).cellsY(ny).surfaceHeight(6e-6).morphology(new InitialMorphology.Rough(0.5e-6, 3e-6, 3))
                .galvanostatic(10.0).duration(3600.0).build();
        DepositionRun.Result r = DepositionRun.run(s, null);
        assertEquals(DepositionRun.StopReason.END_TIME, r.reason(), r.message());
        return r.last();
    }
}

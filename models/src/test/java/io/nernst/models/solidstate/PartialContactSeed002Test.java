package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's observation with the partial-contact particle: NCM811 (R = 5 um, 60 degC) charged
 * at 0.1C to 4.0 V vs Li. A partially contacted particle ends markedly more delithiated at its
 * contact than on its far side; a fully covered one is uniform. Parameters from the literature
 * (see {@link PartialContactRun}); nothing is fitted to the seed's ratios.
 */
class PartialContactSeed002Test {

    @Test
    void partialContactDelithiatesTheContactFullCoverageStaysUniform(@TempDir Path dir) throws Exception {
        StringBuilder report = new StringBuilder(
                "seed 002, NCM811 R = 5 um, 60 degC, 0.1C charge to 4.0 V, 20 x 16 cells\n"
                + "R [um] theta  t [h]   x_avg   x_contact  x_far   dx      x_max-x_min  SOC contact far  Ni4+/Ni3+ contact  far\n");
        PartialContactRun.Result full = null;
        PartialContactRun.Result partial = null;
        for (double theta : new double[] {1.0, 0.5, 0.25, 0.1}) {
          for (double radius : new double[] {5e-6, 10e-6}) {
            PartialContactRun.Result r = PartialContactRun.seed002(theta).withRadius(radius).charge();
            assertTrue(r.reachedCutoff(), "theta " + theta + " reaches 4.0 V");
            double x0 = PartialContactRun.seed002(theta).initialStoichiometry();
            report.append(String.format("%4.0f   %.2f   %6.3f  %.4f  %.4f     %.4f  %.4f  %.4f       %.3f  %.3f     %.3f              %.3f%n",
                    radius * 1e6, theta, r.time() / 3600, r.averageStoichiometry(), r.contactStoichiometry(), r.farStoichiometry(),
                    r.contrast(), r.maximumStoichiometry() - r.minimumStoichiometry(), r.contactStateOfCharge(x0),
                    r.farStateOfCharge(x0), r.contactRatio(), r.farRatio()));
            if (radius > 5e-6) {
                continue;
            }
            // lithium bookkeeping over the whole charge: content change = charge passed / F
            PartialContactCharge s = r.system();
            double passed = s.particleCurrent() * r.time() / 96485.33212;
            double lost = (PartialContactRun.seed002(theta).initialStoichiometry() - r.averageStoichiometry())
                    * PartialContactRun.NCM811_MAXIMUM_CONCENTRATION * s.particle().particleVolume();
            assertEquals(passed, lost, 1e-9 * passed, "lithium removed equals charge passed / F");
            if (theta == 1.0) {
                full = r;
            }
            if (theta == 0.25) {
                partial = r;
                PartialContactMap.write(dir.resolve("partial.png"), s.particle(), r.state(), 0,
                        "x at 4.0 V, theta = 0.25 (contact on top)");
                Path kept = Path.of("target", "solidstate");
                Files.createDirectories(kept);
                PartialContactMap.write(kept.resolve("partial-contact-theta0.25.png"), s.particle(), r.state(), 0,
                        "NCM811 R = 5 um, 0.1C to 4.0 V, 60 degC, theta = 0.25 (contact on top): x in LixMO2");
            }
          }
        }
        double seedShift = NickelOxidation.stoichiometryDifference(1.37, 0.75, 0.8);
        report.append(String.format("seed 002 STXM: 1.37 vs 0.75 (dx = %.3f if Ni3+/Ni4+ only), full cover 0.97-1.07%n", seedShift));
        System.out.print(report);
        assertTrue(full.maximumStoichiometry() - full.minimumStoichiometry() < 0.01, "a fully covered particle stays uniform: " + report);
        assertTrue(partial.contrast() > 5 * Math.abs(full.contrast()) && partial.contrast() > 0.03,
                "a partially contacted particle is more delithiated at its contact: " + report);
        assertTrue(partial.contactRatio() > partial.farRatio(), report::toString);
        assertTrue(Files.size(dir.resolve("partial.png")) > 2000);
    }

    @Test
    void theContrastIsMeshConvergedAtTwentyBySixteen() {
        PartialContactRun.Result coarse = PartialContactRun.seed002(0.25).charge();
        PartialContactRun.Result fine = PartialContactRun.seed002(0.25).withMesh(40, 32).charge();
        System.out.printf("theta 0.25, R 5 um: contrast %.5f (20 x 16) vs %.5f (40 x 32); time to 4 V %.4f vs %.4f h%n",
                coarse.contrast(), fine.contrast(), coarse.time() / 3600, fine.time() / 3600);
        assertEquals(fine.contrast(), coarse.contrast(), 0.05 * fine.contrast());
    }
}

package io.nernst.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.impedance.Frequencies;
import io.nernst.core.impedance.ImpedanceSpectrum;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DRT peaks of synthetic spectra with known relaxation times; Kramers-Kronig check. */
class DrtTest {

    /** R_inf + sum R_k / (1 + i w tau_k) with relative Gaussian noise. */
    static ImpedanceSpectrum voigt(double rInf, double[] r, double[] tau, double[] f, double noise, long seed) {
        Random random = new Random(seed);
        double[] re = new double[f.length];
        double[] im = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            double w = 2 * Math.PI * f[k];
            double zr = rInf;
            double zi = 0;
            for (int j = 0; j < r.length; j++) {
                double wt = w * tau[j];
                zr += r[j] / (1 + wt * wt);
                zi -= r[j] * wt / (1 + wt * wt);
            }
            double m = Math.hypot(zr, zi);
            re[k] = zr + noise * m * random.nextGaussian();
            im[k] = zi + noise * m * random.nextGaussian();
        }
        return ImpedanceSpectrum.of(f, re, im);
    }

    /** Issue 11 acceptance: peak positions within 0.1 decade and areas within 5 % (0.1 % noise). */
    @Test
    void recoversTwoRelaxationsFromNoisyData() {
        double[] f = Frequencies.logarithmic(1e5, 1e-2, 10);
        double[] r = {20.0, 40.0};
        double[] tau = {1e-3, 1.0};
        for (long seed = 1; seed <= 3; seed++) {
            Drt.Result d = Drt.invert(voigt(10.0, r, tau, f, 1e-3, seed), Drt.Options.defaults());
            assertTrue(d.kramersKronig().consistent(), "KK residual " + d.kramersKronig().maxResidual());
            assertTrue(d.gcvChosen());
            assertEquals(2, d.peaks().size(), "peaks " + d.peaks());
            for (int j = 0; j < 2; j++) {
                Drt.Peak p = d.peaks().get(j);
                double decades = Math.abs(Math.log10(p.tau() / tau[j]));
                double area = p.resistance() / r[j] - 1;
                System.out.printf("seed %d peak %d: tau %.4g (%.3f decade off), R %.4g (%.2f %%), lambda %.2e, R_inf %.4g%n",
                        seed, j, p.tau(), decades, p.resistance(), 100 * area, d.lambda(), d.rInf());
                assertTrue(decades < 0.1, "peak " + j + " at " + p.tau() + " s, " + decades + " decade from " + tau[j]);
                assertTrue(Math.abs(area) < 0.05, "peak " + j + " area " + p.resistance() + " vs " + r[j]);
            }
            assertEquals(10.0, d.rInf(), 0.3);
        }
    }

    @Test
    void givenLambdaAndFirstDerivativeAlsoWork() {
        double[] f = Frequencies.logarithmic(1e5, 1e-2, 10);
        Drt.Result d = Drt.invert(voigt(5.0, new double[] {30.0}, new double[] {1e-2}, f, 1e-3, 7),
                new Drt.Options(1, 1e-4, Drt.DataPart.IMAGINARY, false, 0.5));
        assertFalse(d.gcvChosen());
        assertEquals(1, d.peaks().size(), "peaks " + d.peaks());
        assertTrue(Math.abs(Math.log10(d.peaks().get(0).tau() / 1e-2)) < 0.1, d.peaks().toString());
        assertEquals(30.0, d.peaks().get(0).resistance(), 1.5);
    }

    @Test
    void kramersKronigFlagsInconsistentData() {
        double[] f = Frequencies.logarithmic(1e5, 1e-2, 10);
        ImpedanceSpectrum good = voigt(10.0, new double[] {20, 40}, new double[] {1e-3, 1}, f, 1e-3, 3);
        KramersKronig.Result ok = KramersKronig.check(good);
        assertTrue(ok.consistent() && ok.maxResidual() < 5e-3, "max residual " + ok.maxResidual());
        // drift during the measurement: the real part grows as the low frequencies are reached
        double[] re = good.reals();
        double[] im = good.imaginaries();
        for (int k = 0; k < f.length; k++) {
            re[k] += 10.0 * k / f.length;
        }
        KramersKronig.Result bad = KramersKronig.check(ImpedanceSpectrum.of(f, re, im));
        assertFalse(bad.consistent(), "drifting data must fail: max residual " + bad.maxResidual());
    }

    @Test
    void refusesBadSpectra() {
        double[] f = {1, 2, 3, 2.5, 5, 6, 7, 8, 9};
        double[] z = new double[9];
        java.util.Arrays.fill(z, 1.0);
        AnalysisException e = assertThrows(AnalysisException.class, () -> Drt.invert(ImpedanceSpectrum.of(f, z, z),
                Drt.Options.defaults()));
        assertTrue(e.getMessage().contains("strictly increasing or decreasing"), e.getMessage());
        assertThrows(AnalysisException.class, () -> Drt.invert(ImpedanceSpectrum.of(new double[] {1, 2, 3},
                new double[] {1, 1, 1}, new double[] {0, 0, 0}), Drt.Options.defaults()));
    }
}

package io.nernst.core.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.Control;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import org.junit.jupiter.api.Test;

/** Impedance of a minimal cell DAE against the Randles and finite-length Warburg closed forms (physics.md section 9). */
class SmallSignalImpedanceTest {
    static final double[] SWEEP = Frequencies.logarithmic(1e5, 1e-3, 5);

    private static double[] state(RandlesWarburgModel m, double current) {
        double[] y = m.initialState();
        double[] yp = new double[y.length];
        m.setControl(Control.CURRENT, current);
        new BdfIntegrator(BdfSettings.builder().build()).initialize(m, 0.0, y, yp);
        return y;
    }

    /** Largest |Z - Z_exact| / |Z_exact| over the sweep. */
    private static double maxRelativeError(RandlesWarburgModel m) {
        double[] y = state(m, 0.0);
        ImpedanceSpectrum z = new SmallSignalImpedance(m).compute(0.0, y, new double[y.length], SWEEP);
        double worst = 0;
        for (int k = 0; k < z.size(); k++) {
            double[] e = m.exact(z.frequency(k));
            double err = Math.hypot(z.real(k) - e[0], z.imaginary(k) - e[1]) / Math.hypot(e[0], e[1]);
            worst = Math.max(worst, err);
            if (System.getenv("IMP_DEBUG") != null) System.out.println(z.frequency(k) + " " + z.real(k) + " " + z.imaginary(k) + " exact " + e[0] + " " + e[1] + " err " + err);
        }
        return worst;
    }

    @Test
    void randlesCircuitToRoundOff() {
        // R_s = 10 mOhm, R_ct = 20 mOhm, C_dl = 5 F (time constant 0.1 s), no diffusion branch.
        RandlesWarburgModel m = new RandlesWarburgModel(0.01, 0.02, 5.0, 0.0, 1e-4, 1e-12, true, 4);
        assertTrue(maxRelativeError(m) < 1e-9, "Randles: " + maxRelativeError(m));
        double[] y = state(m, 0.0);
        ImpedanceSpectrum z = new SmallSignalImpedance(m).compute(0.0, y, new double[y.length], new double[] {1e6, 1e-6});
        assertEquals(0.01, z.real(0), 1e-9, "high-frequency limit R_s");
        assertEquals(0.03, z.real(1), 1e-9, "low-frequency limit R_s + R_ct");
        m.analytic = false;
        assertTrue(maxRelativeError(m) < 1e-6, "Randles, finite-difference linearisation: " + maxRelativeError(m));
    }

    @Test
    void finiteLengthWarburgConvergesAtSecondOrder() {
        for (boolean transmissive : new boolean[] {true, false}) {
            double previous = Double.NaN;
            double last = Double.NaN;
            double order = Double.NaN;
            for (int cells : new int[] {10, 20, 40, 80}) {
                // tau = l^2/D = 100 s, R_d = k l / D = 50 mOhm
                RandlesWarburgModel m = new RandlesWarburgModel(0.01, 0.02, 5.0, 0.05 * 1e-12 / 1e-5, 1e-5, 1e-12,
                        transmissive, cells);
                last = maxRelativeError(m);
                if (!Double.isNaN(previous)) {
                    order = Math.log(previous / last) / Math.log(2);
                }
                previous = last;
            }
            String kind = transmissive ? "transmissive" : "reflective";
            assertTrue(order > 1.8 && order < 2.3, kind + " Warburg: observed order " + order);
            assertTrue(last < 2e-3, kind + " Warburg: error with 80 cells " + last);
        }
    }

    @Test
    void voltageGradientDefaultIsExactForALinearVoltage() {
        RandlesWarburgModel m = new RandlesWarburgModel(0.01, 0.02, 5.0, 0.0, 1e-4, 1e-12, true, 4);
        double[] y = state(m, 0.3);
        double[] g = new double[m.dimension()];
        m.voltageGradient(y, g);
        assertEquals(-0.01, g[m.dimension() - 1], 1e-11);
        assertEquals(-1.0, g[4], 1e-11);
        assertEquals(0.0, g[0], 0.0);
        m.currentGradient(y, g);
        assertEquals(1.0, g[m.dimension() - 1], 1e-12);
    }

    @Test
    void logarithmicGrid() {
        double[] f = Frequencies.logarithmic(1e6, 1e-2, 10);
        assertEquals(81, f.length);
        assertEquals(1e6, f[0], 0.0);
        assertEquals(1e-2, f[80], 1e-15);
        assertEquals(Math.pow(10, 5.9), f[1], 1e-6);
    }
}

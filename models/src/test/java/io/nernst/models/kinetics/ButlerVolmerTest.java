package io.nernst.models.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nernst.models.materials.Constants;
import org.junit.jupiter.api.Test;

class ButlerVolmerTest {
    private static final double T = 298.15;
    private final InsertionExchangeCurrent i0 = new InsertionExchangeCurrent(2e-5, 24983.26, 0.5, 0.5, 37480, 298.15);

    @Test
    void symmetricFormIsTwoSinh() {
        Kinetics k = ButlerVolmer.symmetric(i0);
        double ce = 1000;
        double cs = 15000;
        double expectedI0 = 2e-5 * Math.sqrt(ce * cs * (24983.26 - cs));
        assertEquals(expectedI0, k.exchangeCurrentDensity(ce, cs, T), 1e-14);
        double eta = 0.013;
        assertEquals(2 * expectedI0 * Math.sinh(eta / (2 * Constants.thermalVoltage(T))), k.current(eta, ce, cs, T), 1e-13);
    }

    @Test
    void inverseRoundTrips() {
        Kinetics sym = ButlerVolmer.symmetric(i0);
        Kinetics asym = ButlerVolmer.asymmetric(new InsertionExchangeCurrent(2e-5, 24983.26, 0.3, 0.7, 0, 298.15), 0.3, 0.7);
        for (double j = -50; j <= 50; j += 0.37) {
            for (Kinetics k : new Kinetics[] {sym, asym}) {
                double eta = k.overpotential(j, 900, 12000, T);
                assertEquals(j, k.current(eta, 900, 12000, T), 1e-11 * (1 + Math.abs(j)));
            }
        }
        assertEquals(0.0, sym.overpotential(1e-300, 900, 12000, T), 1e-300);
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        Kinetics k = ButlerVolmer.asymmetric(new InsertionExchangeCurrent(6e-7, 51217.9, 0.4, 0.6, 39570, 298.15), 0.4, 0.6);
        double[] out = new double[4];
        double eta = -0.021;
        double ce = 870;
        double cs = 33000;
        k.evaluate(eta, ce, cs, 310, out);
        assertEquals(k.current(eta, ce, cs, 310), out[0], 1e-15);
        double h = 1e-7;
        assertEquals((k.current(eta + h, ce, cs, 310) - k.current(eta - h, ce, cs, 310)) / (2 * h), out[1], 1e-6 * Math.abs(out[1]));
        assertEquals((k.current(eta, ce + 1e-3, cs, 310) - k.current(eta, ce - 1e-3, cs, 310)) / 2e-3, out[2], 1e-6 * Math.abs(out[2]));
        assertEquals((k.current(eta, ce, cs + 1e-2, 310) - k.current(eta, ce, cs - 1e-2, 310)) / 2e-2, out[3], 1e-6 * Math.abs(out[3]));
    }
}

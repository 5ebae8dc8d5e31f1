package io.nernst.models.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Butler-Volmer with a series film resistance: the implicit current and its derivatives. */
class FilmResistanceKineticsTest {
    private static final Kinetics BARE = ButlerVolmer.asymmetric(
            new InsertionExchangeCurrent(3.42e-6, 48640, 0.4, 0.6, 17800, 298.15), 0.4, 0.6);

    @Test
    void currentSatisfiesTheSeriesLawAndDerivativesMatchDifferences() {
        double r = 0.02; // ohm m2 (2 ohm cm2 x 100)
        FilmResistanceKinetics k = new FilmResistanceKinetics(BARE, r);
        double[] out = new double[4];
        for (double eta : new double[] {-0.4, -0.05, 0.0, 0.03, 0.5}) {
            double ce = 1000;
            double cs = 20000;
            double t = 280;
            k.evaluate(eta, ce, cs, t, out);
            // eta = eta_bare(j) + j r, eta_bare the bare law's inverse
            assertEquals(eta, BARE.overpotential(out[0], ce, cs, t) + out[0] * r, 1e-12);
            assertEquals(BARE.current(eta - r * out[0], ce, cs, t), out[0], 1e-12 * (1 + Math.abs(out[0])));
            double h = 1e-6;
            assertEquals((k.current(eta + h, ce, cs, t) - k.current(eta - h, ce, cs, t)) / (2 * h), out[1], 1e-6 * (1 + Math.abs(out[1])));
            double hc = 1e-3;
            assertEquals((k.current(eta, ce + hc, cs, t) - k.current(eta, ce - hc, cs, t)) / (2 * hc), out[2], 1e-6 * (1e-3 + Math.abs(out[2])));
            assertEquals((k.current(eta, ce, cs + hc, t) - k.current(eta, ce, cs - hc, t)) / (2 * hc), out[3], 1e-6 * (1e-3 + Math.abs(out[3])));
        }
        // a large film makes the interface ohmic: j -> eta / r
        FilmResistanceKinetics ohmic = new FilmResistanceKinetics(BARE, 1e4);
        assertEquals(0.5 / 1e4, ohmic.current(0.5, 1000, 20000, 298.15), 1e-3 * 0.5 / 1e4);
        assertThrows(IllegalArgumentException.class, () -> new FilmResistanceKinetics(BARE, -1));
    }
}

package io.nernst.models.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaterialFunctionsTest {

    private static void assertDerivative(DifferentiableFunction f, double x, double h, double tolerance) {
        double fd = (f.value(x + h, 298.15) - f.value(x - h, 298.15)) / (2 * h);
        assertEquals(fd, f.derivative(x, 298.15), tolerance * (1 + Math.abs(fd)), "derivative at x = " + x);
    }

    @Test
    void ocpDerivativesMatchFiniteDifferences() {
        DifferentiableFunction un = new GraphiteMcmb2528Ocp();
        DifferentiableFunction up = new LithiumCobaltOxideOcp();
        for (double s = 0.01; s < 0.99; s += 0.0137) {
            assertDerivative(un, s, 1e-6, 1e-6);
            assertDerivative(up, s, 1e-6, 1e-6);
        }
    }

    @Test
    void ocpValuesAtInitialStoichiometries() {
        // Reference: the COMSOL README formulas evaluated independently with Math.tanh.
        double s = 19986.609595075 / 24983.2619938437;
        double un = 0.194 + 1.5 * Math.exp(-120 * s) + 0.0351 * Math.tanh((s - 0.286) / 0.083)
                - 0.0045 * Math.tanh((s - 0.849) / 0.119) - 0.035 * Math.tanh((s - 0.9233) / 0.05)
                - 0.0147 * Math.tanh((s - 0.5) / 0.034) - 0.102 * Math.tanh((s - 0.194) / 0.142)
                - 0.022 * Math.tanh((s - 0.9) / 0.0164) - 0.011 * Math.tanh((s - 0.124) / 0.0226)
                + 0.0155 * Math.tanh((s - 0.105) / 0.029);
        assertEquals(un, new GraphiteMcmb2528Ocp().value(s, 298.15), 2e-15);
        double q = 1.062 * 30730.7554385565 / 51217.9257309275;
        double up = 2.16216 + 0.07645 * Math.tanh(30.834 - 54.4806 * q) + 2.1581 * Math.tanh(52.294 - 50.294 * q)
                - 0.14169 * Math.tanh(11.0923 - 19.8543 * q) + 0.2051 * Math.tanh(1.4684 - 5.4888 * q)
                + 0.2531 * Math.tanh((0.56478 - q) / 0.1316) - 0.02167 * Math.tanh((q - 0.525) / 0.006);
        assertEquals(up, new LithiumCobaltOxideOcp().value(30730.7554385565 / 51217.9257309275, 298.15), 5e-15);
        // Initial OCV of the Marquis 2019 cell, about 3.77 V + the 1C overpotential (COMSOL 3.7712 V at t = 0, 1C).
        assertEquals(3.8, up - un, 0.1);
    }

    @Test
    void fastTanhIsAccurate() {
        for (double x = -25; x <= 25; x += 0.001) {
            assertEquals(Math.tanh(x), Constants.tanh(x), 5e-16);
        }
    }

    @Test
    void electrolyteFunctionsAndArrhenius() {
        DifferentiableFunction d = LiPf6Capiglia1999.diffusivity();
        DifferentiableFunction k = LiPf6Capiglia1999.conductivity();
        assertEquals(5.34e-10 * Math.exp(-0.65), d.value(1000, 298.15), 1e-25);
        assertEquals(0.0911 + 1.9101 - 1.052 + 0.1554, k.value(1000, 298.15), 1e-15);
        for (double c = 100; c < 3000; c += 97) {
            assertDerivative(d, c, 1e-3, 1e-7);
            assertDerivative(k, c, 1e-3, 1e-7);
        }
        DifferentiableFunction hot = k.withArrhenius(34700, 298.15);
        double factor = Math.exp(34700 / Constants.GAS_CONSTANT * (1 / 298.15 - 1 / 318.15));
        assertEquals(k.value(800, 318.15) * factor, hot.value(800, 318.15), 1e-15);
        assertEquals(k.derivative(800, 318.15) * factor, hot.derivative(800, 318.15), 1e-18);
        assertEquals(k.value(800, 298.15), hot.value(800, 298.15), 0.0);
    }

    @Test
    void plainFunctionsAreDifferentiatedNumerically() {
        DifferentiableFunction f = DifferentiableFunction.of((x, t) -> Math.sin(x) * t);
        assertEquals(Math.cos(0.3) * 2, f.derivative(0.3, 2), 1e-8);
    }
}

package io.nernst.models.solidstate;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * Lithium diffusivity of NMC811 versus stoichiometry x and temperature, the fit of O'Regan,
 * Brosa Planella, Widanage and Kendrick, Electrochim. Acta 425 (2022) 140700, as implemented
 * in PyBaMM's {@code ORegan2022.py} (solid-state.md section 2.3):
 * <pre>
 * D(x, T) = 2.7 * 10^[-13.96 - 0.9231 exp(-(x - 0.3216)^2 / 0.002534)
 *                      - 0.4066 exp(-(x - 0.4532)^2 / 0.003926)
 *                      - 0.993  exp(-(x - 0.8098)^2 / 0.09924)]  exp(1449 (1/298.15 - 1/T))   [m2/s]
 * </pre>
 * About 4e-15 m2/s over most of the range at 25 degC, times 1.66 at 60 degC (seed 002).
 * Measured in a liquid cell; solid-state.md section 2.3 notes apparent values in solid
 * composites are lower (they include the contact-area factor theta^2, section 4.1).
 */
public final class Ncm811ORegan2022Diffusivity implements DifferentiableFunction {
    private static final double LN10 = Math.log(10.0);
    /** Activation temperature Ea/R [K] of the fit. */
    private static final double ACTIVATION_TEMPERATURE = 1449.0;
    private static final double REFERENCE_TEMPERATURE = 298.15;

    @Override
    public double value(double x, double temperature) {
        return 2.7 * Math.exp(LN10 * exponent(x)) * arrhenius(temperature);
    }

    @Override
    public double derivative(double x, double temperature) {
        return value(x, temperature) * LN10 * exponentDerivative(x);
    }

    private static double arrhenius(double temperature) {
        return Math.exp(ACTIVATION_TEMPERATURE * (1.0 / REFERENCE_TEMPERATURE - 1.0 / temperature));
    }

    private static double exponent(double x) {
        double a = x - 0.3216;
        double b = x - 0.4532;
        double c = x - 0.8098;
        return -13.96 - 0.9231 * Math.exp(-a * a / 0.002534) - 0.4066 * Math.exp(-b * b / 0.003926)
                - 0.993 * Math.exp(-c * c / 0.09924);
    }

    private static double exponentDerivative(double x) {
        double a = x - 0.3216;
        double b = x - 0.4532;
        double c = x - 0.8098;
        return 0.9231 * 2 * a / 0.002534 * Math.exp(-a * a / 0.002534)
                + 0.4066 * 2 * b / 0.003926 * Math.exp(-b * b / 0.003926)
                + 0.993 * 2 * c / 0.09924 * Math.exp(-c * c / 0.09924);
    }
}

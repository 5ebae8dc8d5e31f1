package io.nernst.models.materials;

/**
 * Open-circuit potential of LiCoO2 versus Li/Li+ as a function of stoichiometry s (Dualfoil
 * fit with the stretch q = 1.062 s; as printed in the COMSOL reference README of Marquis
 * et al., J. Electrochem. Soc. 166 (2019) A3693). Temperature-independent.
 */
public final class LithiumCobaltOxideOcp implements DifferentiableFunction {
    private static final double STRETCH = 1.062;

    @Override
    public double value(double s, double temperature) {
        double q = STRETCH * s;
        return 2.16216
                + 0.07645 * Constants.tanh(30.834 - 54.4806 * q)
                + 2.1581 * Constants.tanh(52.294 - 50.294 * q)
                - 0.14169 * Constants.tanh(11.0923 - 19.8543 * q)
                + 0.2051 * Constants.tanh(1.4684 - 5.4888 * q)
                + 0.2531 * Constants.tanh((0.56478 - q) / 0.1316)
                - 0.02167 * Constants.tanh((q - 0.525) / 0.006);
    }

    @Override
    public double derivative(double s, double temperature) {
        double q = STRETCH * s;
        double t1 = Constants.tanh(30.834 - 54.4806 * q);
        double t2 = Constants.tanh(52.294 - 50.294 * q);
        double t3 = Constants.tanh(11.0923 - 19.8543 * q);
        double t4 = Constants.tanh(1.4684 - 5.4888 * q);
        double t5 = Constants.tanh((0.56478 - q) / 0.1316);
        double t6 = Constants.tanh((q - 0.525) / 0.006);
        double dq = 0.07645 * (-54.4806) * (1 - t1 * t1)
                + 2.1581 * (-50.294) * (1 - t2 * t2)
                - 0.14169 * (-19.8543) * (1 - t3 * t3)
                + 0.2051 * (-5.4888) * (1 - t4 * t4)
                + 0.2531 * (-1.0 / 0.1316) * (1 - t5 * t5)
                - 0.02167 * (1.0 / 0.006) * (1 - t6 * t6);
        return STRETCH * dq;
    }
}

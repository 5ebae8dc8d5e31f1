package io.nernst.models.materials;

/**
 * Open-circuit potential of MCMB 2528 graphite versus Li/Li+ as a function of
 * stoichiometry (Dualfoil fit; as printed in the COMSOL reference README of Marquis et al.,
 * J. Electrochem. Soc. 166 (2019) A3693). Temperature-independent.
 */
public final class GraphiteMcmb2528Ocp implements DifferentiableFunction {
    // U = 0.194 + 1.5 exp(-120 s) + sum_k A_k tanh((s - s_k) / w_k)
    private static final double[] AMPLITUDE = {0.0351, -0.0045, -0.035, -0.0147, -0.102, -0.022, -0.011, 0.0155};
    private static final double[] CENTRE = {0.286, 0.849, 0.9233, 0.5, 0.194, 0.9, 0.124, 0.105};
    private static final double[] WIDTH = {0.083, 0.119, 0.05, 0.034, 0.142, 0.0164, 0.0226, 0.029};

    @Override
    public double value(double s, double temperature) {
        double u = 0.194 + 1.5 * Math.exp(-120.0 * s);
        for (int k = 0; k < AMPLITUDE.length; k++) {
            u += AMPLITUDE[k] * Constants.tanh((s - CENTRE[k]) / WIDTH[k]);
        }
        return u;
    }

    @Override
    public double derivative(double s, double temperature) {
        double du = -180.0 * Math.exp(-120.0 * s);
        for (int k = 0; k < AMPLITUDE.length; k++) {
            double t = Constants.tanh((s - CENTRE[k]) / WIDTH[k]);
            du += AMPLITUDE[k] / WIDTH[k] * (1.0 - t * t);
        }
        return du;
    }
}

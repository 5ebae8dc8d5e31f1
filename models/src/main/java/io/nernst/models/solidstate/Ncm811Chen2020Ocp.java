package io.nernst.models.solidstate;

import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;

/**
 * Open-circuit potential of LiNi0.8Mn0.1Co0.1O2 (NMC811) versus Li/Li+ as a function of the
 * lithium stoichiometry x, the fit of Chen et al., J. Electrochem. Soc. 167 (2020) 080534, as
 * implemented in PyBaMM's {@code Chen2020.py} (solid-state.md section 2.2a):
 * <pre>
 * U(x) = -0.8090 x + 4.4875 - 0.0428 tanh(18.5138 (x - 0.5542))
 *        - 17.7326 tanh(15.7890 (x - 0.3117)) + 17.5842 tanh(15.9308 (x - 0.3120))
 * </pre>
 * The fit is supported by measurements for x = 0.266 .. 0.906 (4.294 .. 3.567 V); outside that
 * range it is an extrapolation (solid-state.md section 2.2, caution 3). Temperature-independent.
 */
public final class Ncm811Chen2020Ocp implements DifferentiableFunction {
    /** Lowest stoichiometry of the measured data behind the fit. */
    public static final double MEASURED_MINIMUM = 0.266;
    /** Highest stoichiometry of the measured data behind the fit. */
    public static final double MEASURED_MAXIMUM = 0.906;

    @Override
    public double value(double x, double temperature) {
        return -0.8090 * x + 4.4875
                - 0.0428 * Constants.tanh(18.5138 * (x - 0.5542))
                - 17.7326 * Constants.tanh(15.7890 * (x - 0.3117))
                + 17.5842 * Constants.tanh(15.9308 * (x - 0.3120));
    }

    @Override
    public double derivative(double x, double temperature) {
        double t1 = Constants.tanh(18.5138 * (x - 0.5542));
        double t2 = Constants.tanh(15.7890 * (x - 0.3117));
        double t3 = Constants.tanh(15.9308 * (x - 0.3120));
        return -0.8090
                - 0.0428 * 18.5138 * (1 - t1 * t1)
                - 17.7326 * 15.7890 * (1 - t2 * t2)
                + 17.5842 * 15.9308 * (1 - t3 * t3);
    }

    /**
     * The stoichiometry at which U equals {@code potential}, by bisection on [0.2, 1.0] where
     * U decreases monotonically.
     *
     * @throws IllegalArgumentException if the potential lies outside U(1.0) .. U(0.2)
     */
    public double stoichiometryAt(double potential) {
        double lo = 0.2;
        double hi = 1.0;
        double uLo = value(lo, 298.15);
        double uHi = value(hi, 298.15);
        if (!(potential <= uLo && potential >= uHi)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "potential %.4f V lies outside the NMC811 OCP range %.4f .. %.4f V (x = 1.0 .. 0.2)", potential, uHi, uLo));
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (value(mid, 298.15) > potential) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}

package io.nernst.core.parameters;

/**
 * A material property that depends on one state variable and on temperature, e.g. an
 * electrolyte conductivity kappa(c, T) or an open-circuit potential U(stoichiometry, T).
 * SI units in and out. Implementations must be pure, thread-safe and allocation-free (they
 * are called in residual assembly).
 *
 * <p>Functions read from parameter files ({@link Expression}, {@link MonotoneTable}) know
 * their exact derivative; a plain lambda is differentiated by a central difference
 * ({@link #derivative}).
 */
@FunctionalInterface
public interface MaterialFunction {
    /**
     * @param x           the state variable (concentration [mol/m3], stoichiometry [-], ...)
     * @param temperature absolute temperature [K]
     * @return the property value in SI units
     */
    double value(double x, double temperature);

    /**
     * d value / d x at (x, T). The default is a central difference with step
     * 1e-6 (|x| + 1e-3), accurate to about 1e-10 relative for smooth functions (ample for a
     * Newton Jacobian); functions that know their derivative override it.
     */
    default double derivative(double x, double temperature) {
        double h = 1e-6 * (Math.abs(x) + 1e-3);
        return (value(x + h, temperature) - value(x - h, temperature)) / (2 * h);
    }

    /**
     * True when the value does not depend on x (it may depend on T). Discretisations use this
     * to evaluate the function once per call instead of once per face.
     */
    default boolean independentOfState() {
        return false;
    }

    /** A function that ignores its arguments. */
    static MaterialFunction constant(double value) {
        return new MaterialFunction() {
            @Override
            public double value(double x, double temperature) {
                return value;
            }

            @Override
            public double derivative(double x, double temperature) {
                return 0.0;
            }

            @Override
            public boolean independentOfState() {
                return true;
            }
        };
    }

    /**
     * Multiplies by an Arrhenius factor exp(Ea/R (1/Tref - 1/T)) (physics.md section 1),
     * keeping the derivative.
     *
     * @param activationEnergy     Ea [J/mol]
     * @param referenceTemperature Tref [K]
     */
    default MaterialFunction withArrhenius(double activationEnergy, double referenceTemperature) {
        MaterialFunction base = this;
        return new MaterialFunction() {
            @Override
            public double value(double x, double t) {
                return base.value(x, t) * arrheniusFactor(activationEnergy, referenceTemperature, t);
            }

            @Override
            public double derivative(double x, double t) {
                return base.derivative(x, t) * arrheniusFactor(activationEnergy, referenceTemperature, t);
            }

            @Override
            public boolean independentOfState() {
                return base.independentOfState();
            }
        };
    }

    /**
     * exp(Ea/R (1/Tref - 1/T)); exactly 1 when Ea = 0 or T = Tref (R = 8.314462618 J/(mol K),
     * CODATA 2018 exact).
     */
    static double arrheniusFactor(double activationEnergy, double referenceTemperature, double temperature) {
        if (activationEnergy == 0.0 || temperature == referenceTemperature) {
            return 1.0;
        }
        return Math.exp(activationEnergy / 8.314462618 * (1.0 / referenceTemperature - 1.0 / temperature));
    }
}

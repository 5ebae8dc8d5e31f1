package io.nernst.core.parameters;

/**
 * A material property that depends on one state variable and on temperature, e.g. an
 * electrolyte conductivity kappa(c, T) or an open-circuit potential U(stoichiometry, T).
 * SI units in and out. Implementations must be pure and allocation-free (they are called
 * in residual assembly).
 */
@FunctionalInterface
public interface MaterialFunction {
    /**
     * @param x           the state variable (concentration [mol/m3], stoichiometry [-], ...)
     * @param temperature absolute temperature [K]
     * @return the property value in SI units
     */
    double value(double x, double temperature);

    /** A function that ignores its arguments. */
    static MaterialFunction constant(double value) {
        return (x, temperature) -> value;
    }

    /**
     * Multiplies by an Arrhenius factor exp(Ea/R (1/Tref - 1/T)) (physics.md section 1).
     *
     * @param activationEnergy     Ea [J/mol]
     * @param referenceTemperature Tref [K]
     */
    default MaterialFunction withArrhenius(double activationEnergy, double referenceTemperature) {
        MaterialFunction base = this;
        double gasConstant = 8.314462618;
        return (x, t) -> base.value(x, t) * Math.exp(activationEnergy / gasConstant * (1.0 / referenceTemperature - 1.0 / t));
    }
}

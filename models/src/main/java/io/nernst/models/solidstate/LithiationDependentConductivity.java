package io.nernst.models.solidstate;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * Electronic conductivity of a layered oxide as a function of its lithium stoichiometry x:
 * log10 sigma linear in x between (x_conducting, sigma_conducting) and (x_insulating,
 * sigma_insulating), constant beyond (solid-state.md section 2.9, "recommended engine form").
 * Default end points from Amin and Chiang, J. Electrochem. Soc. 163 (2016) A1512 (NMC333/523):
 * about 1e-7 S/cm when fully lithiated (x = 1) rising monotonically to about 1e-2 S/cm at
 * x = 0.25, i.e. 1e-5 and 1 S/m. A carbon-free cathode therefore becomes an electronic insulator
 * at the end of discharge. (Pellet values of fully lithiated NCM622/NCM83, 10 and 5.2 mS/cm in
 * Minnmann 2021 / Ketter 2025, are much higher; the end points are parameters.)
 */
public final class LithiationDependentConductivity implements DifferentiableFunction {
    private final double conductingStoichiometry;
    private final double insulatingStoichiometry;
    private final double logConducting;
    private final double logInsulating;
    private final double slope;

    /**
     * @param conductingStoichiometry x where the oxide is most conductive (the delithiated end)
     * @param conductingValue         sigma there [S/m]
     * @param insulatingStoichiometry x where it is least conductive (the lithiated end), > the former
     * @param insulatingValue         sigma there [S/m]
     */
    public LithiationDependentConductivity(double conductingStoichiometry, double conductingValue, double insulatingStoichiometry,
                                           double insulatingValue) {
        if (!(conductingStoichiometry >= 0 && insulatingStoichiometry <= 1.5 && conductingStoichiometry < insulatingStoichiometry)) {
            throw new IllegalArgumentException("need 0 <= x_conducting < x_insulating, got " + conductingStoichiometry + ", "
                    + insulatingStoichiometry);
        }
        if (!(conductingValue > 0) || !(insulatingValue > 0) || !Double.isFinite(conductingValue)) {
            throw new IllegalArgumentException("conductivities must be finite and > 0 S/m, got " + conductingValue + ", "
                    + insulatingValue);
        }
        this.conductingStoichiometry = conductingStoichiometry;
        this.insulatingStoichiometry = insulatingStoichiometry;
        this.logConducting = Math.log(conductingValue);
        this.logInsulating = Math.log(insulatingValue);
        this.slope = (logInsulating - logConducting) / (insulatingStoichiometry - conductingStoichiometry);
    }

    /** Amin and Chiang 2016: 1 S/m at x = 0.25, 1e-5 S/m at x = 1. */
    public static LithiationDependentConductivity aminChiang2016() {
        return new LithiationDependentConductivity(0.25, 1.0, 1.0, 1e-5);
    }

    @Override
    public double value(double x, double temperature) {
        if (x <= conductingStoichiometry) {
            return Math.exp(logConducting);
        }
        if (x >= insulatingStoichiometry) {
            return Math.exp(logInsulating);
        }
        return Math.exp(logConducting + slope * (x - conductingStoichiometry));
    }

    @Override
    public double derivative(double x, double temperature) {
        if (x <= conductingStoichiometry || x >= insulatingStoichiometry) {
            return 0.0;
        }
        return slope * value(x, temperature);
    }
}

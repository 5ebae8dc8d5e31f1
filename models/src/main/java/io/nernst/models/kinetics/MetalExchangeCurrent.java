package io.nernst.models.kinetics;

import io.nernst.models.materials.Constants;

/**
 * Exchange current of a metal electrode (Li foil, Li-In) in contact with an electrolyte of
 * Li+ concentration c_e: i0 = i0_ref (c_e / c_ref)^alpha_a exp(Ea/R (1/Tref - 1/T)), the
 * metal's activity being one (Newman and Thomas-Alyea, Electrochemical Systems, ch. 8).
 * The solid-concentration argument is ignored.
 */
public final class MetalExchangeCurrent implements ExchangeCurrentDensity {
    private final double referenceExchangeCurrent;
    private final double referenceConcentration;
    private final double anodicCoefficient;
    private final double activationEnergy;
    private final double referenceTemperature;

    /**
     * @param referenceExchangeCurrent i0_ref [A/m2] at c_ref and Tref
     * @param referenceConcentration   c_ref [mol/m3]
     * @param anodicCoefficient        exponent alpha_a on c_e / c_ref
     * @param activationEnergy         Ea [J/mol]
     * @param referenceTemperature     Tref [K]
     */
    public MetalExchangeCurrent(double referenceExchangeCurrent, double referenceConcentration, double anodicCoefficient,
                                double activationEnergy, double referenceTemperature) {
        if (!(referenceExchangeCurrent > 0) || !(referenceConcentration > 0)) {
            throw new IllegalArgumentException("metal exchange current " + referenceExchangeCurrent
                    + " A/m2 and reference concentration " + referenceConcentration + " mol/m3 must be > 0");
        }
        this.referenceExchangeCurrent = referenceExchangeCurrent;
        this.referenceConcentration = referenceConcentration;
        this.anodicCoefficient = anodicCoefficient;
        this.activationEnergy = activationEnergy;
        this.referenceTemperature = referenceTemperature;
    }

    @Override
    public double value(double ce, double cs, double temperature) {
        double ratio = Math.max(ce, 1e-12 * referenceConcentration) / referenceConcentration;
        return referenceExchangeCurrent * Constants.arrhenius(activationEnergy, referenceTemperature, temperature)
                * Math.pow(ratio, anodicCoefficient);
    }

    @Override
    public void evaluate(double ce, double cs, double temperature, double[] out) {
        double i0 = value(ce, cs, temperature);
        out[0] = i0;
        out[1] = ce > 1e-12 * referenceConcentration ? anodicCoefficient * i0 / ce : 0.0;
        out[2] = 0.0;
    }
}

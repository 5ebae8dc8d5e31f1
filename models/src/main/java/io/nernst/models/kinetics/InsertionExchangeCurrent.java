package io.nernst.models.kinetics;

import io.nernst.models.materials.Constants;

/**
 * Exchange current of an insertion electrode (physics.md section 2; Doyle, Fuller and Newman
 * 1993): i0 = k(T) c_e^alpha_a (c_max - c_s)^alpha_a c_s^alpha_c, with k(T) = k_ref
 * exp(Ea/R (1/Tref - 1/T)). With alpha_a = alpha_c = 1/2 this is the form of the COMSOL
 * reference, i0 = m_ref sqrt(c_e c_s (c_max - c_s)).
 *
 * <p>Concentrations outside their physical range (c_e <= 0, c_s outside (0, c_max)), which
 * Newton iterates can visit, are clamped to a tiny positive margin so that i0 stays finite
 * and its derivatives bounded.
 */
public final class InsertionExchangeCurrent implements ExchangeCurrentDensity {
    private final double rateConstant;
    private final double maximumConcentration;
    private final double anodicCoefficient;
    private final double cathodicCoefficient;
    private final double activationEnergy;
    private final double referenceTemperature;
    private final double floor;

    /**
     * @param rateConstant         k_ref [A/m2 (m3/mol)^(2 alpha_a + alpha_c)]
     * @param maximumConcentration c_max [mol/m3]
     * @param anodicCoefficient    alpha_a
     * @param cathodicCoefficient  alpha_c
     * @param activationEnergy     Ea [J/mol]
     * @param referenceTemperature Tref [K]
     */
    public InsertionExchangeCurrent(double rateConstant, double maximumConcentration, double anodicCoefficient,
                                    double cathodicCoefficient, double activationEnergy, double referenceTemperature) {
        this.rateConstant = rateConstant;
        this.maximumConcentration = maximumConcentration;
        this.anodicCoefficient = anodicCoefficient;
        this.cathodicCoefficient = cathodicCoefficient;
        this.activationEnergy = activationEnergy;
        this.referenceTemperature = referenceTemperature;
        this.floor = 1e-12 * maximumConcentration;
    }

    @Override
    public double value(double ce, double cs, double temperature) {
        double e = Math.max(ce, floor);
        double s = Math.min(Math.max(cs, floor), maximumConcentration - floor);
        double k = rateConstant * Constants.arrhenius(activationEnergy, referenceTemperature, temperature);
        if (anodicCoefficient == 0.5 && cathodicCoefficient == 0.5) {
            return k * Math.sqrt(e * s * (maximumConcentration - s));
        }
        return k * Math.pow(e * (maximumConcentration - s), anodicCoefficient) * Math.pow(s, cathodicCoefficient);
    }

    @Override
    public void evaluate(double ce, double cs, double temperature, double[] out) {
        boolean ceClamped = ce < floor;
        boolean csClamped = cs < floor || cs > maximumConcentration - floor;
        double e = ceClamped ? floor : ce;
        double s = Math.min(Math.max(cs, floor), maximumConcentration - floor);
        double i0 = value(e, s, temperature);
        double hole = maximumConcentration - s;
        out[0] = i0;
        out[1] = ceClamped ? 0.0 : anodicCoefficient * i0 / e;
        out[2] = csClamped ? 0.0 : i0 * (cathodicCoefficient / s - anodicCoefficient / hole);
    }

    public double maximumConcentration() {
        return maximumConcentration;
    }
}

package io.nernst.models.kinetics;

/**
 * Exchange-current density i0(c_e, c_s, T) [A/m2] of an interfacial reaction and its partial
 * derivatives, for analytic Jacobians. Allocation-free.
 */
public interface ExchangeCurrentDensity {

    /** i0 [A/m2] at electrolyte concentration ce and solid surface concentration cs [mol/m3]. */
    double value(double ce, double cs, double temperature);

    /**
     * Writes i0, di0/dce and di0/dcs into out[0..2].
     */
    void evaluate(double ce, double cs, double temperature, double[] out);
}

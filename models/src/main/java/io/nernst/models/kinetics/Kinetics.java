package io.nernst.models.kinetics;

/**
 * An interfacial rate law j(eta, c_e, c_s, T) [A/m2 of interface], positive when anodic
 * (lithium leaves the solid; physics.md section 0), with its partial derivatives for
 * analytic Jacobians. Implementations are immutable and allocation-free.
 */
public interface Kinetics {

    /**
     * Writes j, dj/deta, dj/dce and dj/dcs into out[0..3].
     *
     * @param overpotential eta = phi_s - phi_e - U [V]
     * @param ce            electrolyte concentration at the interface [mol/m3]
     * @param cs            solid surface concentration [mol/m3] (ignored by metal electrodes)
     */
    void evaluate(double overpotential, double ce, double cs, double temperature, double[] out);

    /** j alone. */
    double current(double overpotential, double ce, double cs, double temperature);

    /** The exchange-current density i0 [A/m2] at these concentrations. */
    double exchangeCurrentDensity(double ce, double cs, double temperature);

    /** The overpotential that drives current density j: the inverse of {@link #current} in eta. */
    double overpotential(double current, double ce, double cs, double temperature);
}

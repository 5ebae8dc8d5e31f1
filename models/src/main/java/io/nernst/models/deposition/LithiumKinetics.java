package io.nernst.models.deposition;

/**
 * Butler-Volmer kinetics of the lithium metal / electrolyte interface in the form of seed 003
 * (supporting information, "Bulter-Volmer equation"; physics.md section 2):
 * <pre>
 *   j = i0 [ exp(alpha_a F eta / (R T)) - (c / c_ref) exp(-alpha_c F eta / (R T)) ],
 *   eta = phi_s - phi_l   (U = 0 against Li/Li+),
 * </pre>
 * {@code j > 0} anodic (stripping), {@code j < 0} plating; seed 003 uses alpha_a = 1.5 and
 * alpha_c = 0.5. The concentration enters only the cathodic branch, through the interfacial
 * Li+ concentration. A negative concentration (a transient undershoot of the discrete
 * solution) is treated as zero so that the cathodic branch never turns anodic.
 *
 * <p>Exponent arguments are clamped at {@value #MAX_EXPONENT} so that an extreme Newton
 * iterate cannot overflow; real overpotentials stay far below (|eta| &lt; 1 V gives
 * arguments below 60).
 */
public final class LithiumKinetics {
    /** Clamp of the exponent arguments. */
    public static final double MAX_EXPONENT = 150.0;

    private final double exchangeCurrentDensity;
    private final double anodicFactor;
    private final double cathodicFactor;
    private final double inverseReferenceConcentration;

    /**
     * @param exchangeCurrentDensity      i0 [A/m^2]
     * @param anodicTransferCoefficient   alpha_a
     * @param cathodicTransferCoefficient alpha_c
     * @param referenceConcentration      c_ref [mol/m^3]
     * @param temperature                 T [K]
     */
    public LithiumKinetics(double exchangeCurrentDensity, double anodicTransferCoefficient, double cathodicTransferCoefficient,
                           double referenceConcentration, double temperature) {
        double f = DepositionSettings.FARADAY / (DepositionSettings.GAS_CONSTANT * temperature);
        this.exchangeCurrentDensity = exchangeCurrentDensity;
        this.anodicFactor = anodicTransferCoefficient * f;
        this.cathodicFactor = cathodicTransferCoefficient * f;
        this.inverseReferenceConcentration = 1.0 / referenceConcentration;
    }

    /** From the settings. */
    public static LithiumKinetics of(DepositionSettings s) {
        return new LithiumKinetics(s.exchangeCurrentDensity(), s.anodicTransferCoefficient(), s.cathodicTransferCoefficient(),
                s.referenceConcentration(), s.temperature());
    }

    /** {@code i0 exp(alpha_a F eta / RT)}: the anodic part [A/m^2]. */
    public double anodicPart(double eta) {
        return exchangeCurrentDensity * Math.exp(Math.min(anodicFactor * eta, MAX_EXPONENT));
    }

    /** {@code i0 exp(-alpha_c F eta / RT) / c_ref}: the cathodic part per unit concentration [A m/mol]. */
    public double cathodicPartPerConcentration(double eta) {
        return exchangeCurrentDensity * inverseReferenceConcentration * Math.exp(Math.min(-cathodicFactor * eta, MAX_EXPONENT));
    }

    /** Current density j(eta, c) [A/m^2]. */
    public double current(double eta, double concentration) {
        return anodicPart(eta) - Math.max(concentration, 0.0) * cathodicPartPerConcentration(eta);
    }

    /** dj/deta [A/(m^2 V)], positive. */
    public double slope(double eta, double concentration) {
        return anodicFactor * anodicPart(eta) + cathodicFactor * Math.max(concentration, 0.0) * cathodicPartPerConcentration(eta);
    }

    /** alpha_a F / (R T) [1/V]. */
    public double anodicFactor() {
        return anodicFactor;
    }

    /** alpha_c F / (R T) [1/V]. */
    public double cathodicFactor() {
        return cathodicFactor;
    }

    /**
     * The overpotential that carries current density {@code j} at concentration {@code c}, by
     * safeguarded Newton on the monotone function j(eta): the initial guess of a galvanostatic run.
     */
    public double overpotentialFor(double j, double concentration) {
        double lo = -2.0;
        double hi = 2.0;
        double eta = 0.0;
        for (int it = 0; it < 200; it++) {
            double g = current(eta, concentration) - j;
            if (Math.abs(g) <= 1e-13 * (Math.abs(j) + exchangeCurrentDensity)) {
                return eta;
            }
            if (g > 0) {
                hi = eta;
            } else {
                lo = eta;
            }
            double next = eta - g / slope(eta, concentration);
            eta = (next > lo && next < hi) ? next : 0.5 * (lo + hi);
        }
        return eta;
    }
}

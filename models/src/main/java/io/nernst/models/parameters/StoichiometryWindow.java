package io.nernst.models.parameters;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.parameters.MaterialFunction;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.materials.Constants;

/**
 * The open-circuit stoichiometry window of a cell: starting from the initial concentrations,
 * lithium moves from the negative to the positive particles at fixed total inventory
 * (eps_n L_n c_max,n dx_n = -eps_p L_p c_max,p dx_p per unit area) until the open-circuit
 * voltage U_p - U_n reaches the lower cut-off. The charge moved is the set's theoretical
 * (zero-current) capacity between the initial state and the lower cut-off; a discharge at a
 * finite rate delivers less.
 *
 * @param negativeEnd   negative stoichiometry at the lower cut-off
 * @param positiveEnd   positive stoichiometry at the lower cut-off
 * @param capacityAh    charge moved [A.h] over the whole plate area
 */
public record StoichiometryWindow(double negativeEnd, double positiveEnd, double capacityAh) {

    /** Solves U_p(x_p) - U_n(x_n) = lower cut-off along the inventory line by bisection. */
    public static StoichiometryWindow toLowerCutoff(ParameterSet p) {
        double t = p.value(INITIAL_TEMPERATURE);
        double qn = p.value(electrode(NEGATIVE, ACTIVE_FRACTION)) * p.value(electrode(NEGATIVE, THICKNESS))
                * p.value(electrode(NEGATIVE, MAXIMUM_CONCENTRATION));
        double qp = p.value(electrode(POSITIVE, ACTIVE_FRACTION)) * p.value(electrode(POSITIVE, THICKNESS))
                * p.value(electrode(POSITIVE, MAXIMUM_CONCENTRATION));
        double xn0 = p.value(electrode(NEGATIVE, INITIAL_CONCENTRATION)) / p.value(electrode(NEGATIVE, MAXIMUM_CONCENTRATION));
        double xp0 = p.value(electrode(POSITIVE, INITIAL_CONCENTRATION)) / p.value(electrode(POSITIVE, MAXIMUM_CONCENTRATION));
        MaterialFunction un = p.function(electrode(NEGATIVE, OCP));
        MaterialFunction up = p.function(electrode(POSITIVE, OCP));
        double cutoff = p.value(LOWER_CUTOFF);
        // moved lithium per area in units of mol/m2: m in [0, mMax], limited by either electrode emptying / filling
        double mMax = Math.min(qn * xn0, qp * (1 - xp0)) * (1 - 1e-12);
        double lo = 0;
        double hi = mMax;
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (lo + hi);
            double v = up.value(xp0 + m / qp, t) - un.value(xn0 - m / qn, t);
            if (v > cutoff) {
                lo = m;
            } else {
                hi = m;
            }
        }
        double m = 0.5 * (lo + hi);
        double area = p.value(ELECTRODE_HEIGHT) * p.value(ELECTRODE_WIDTH);
        return new StoichiometryWindow(xn0 - m / qn, xp0 + m / qp, m * Constants.FARADAY * area / 3600.0);
    }
}

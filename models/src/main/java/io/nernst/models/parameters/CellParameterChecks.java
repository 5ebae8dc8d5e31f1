package io.nernst.models.parameters;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.parameters.Domain;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import java.util.Locale;

/**
 * Checks across parameters of a liquid-electrolyte cell that no single constraint can
 * express: the initial stoichiometries lie inside the domains of the OCP and diffusivity
 * functions (a table is never extrapolated at the start), the cut-offs are ordered, and the
 * initial open-circuit voltage lies between them (otherwise the first step would end at once
 * or the cell starts overcharged).
 */
public final class CellParameterChecks {

    private CellParameterChecks() {
    }

    /**
     * @param p      the set
     * @param source file or set name for messages
     * @throws ParameterException naming the parameters, their values and what is allowed
     */
    public static void check(ParameterSet p, String source) {
        double lower = p.value(LOWER_CUTOFF);
        double upper = p.value(UPPER_CUTOFF);
        if (!(lower < upper)) {
            throw new ParameterException(source + ": '" + LOWER_CUTOFF + "' = " + lower + " V must be below '" + UPPER_CUTOFF + "' = "
                    + upper + " V");
        }
        if (!p.contains(electrode(NEGATIVE, OCP)) || !p.contains(electrode(POSITIVE, OCP))) {
            return;
        }
        double t = p.contains(INITIAL_TEMPERATURE) ? p.value(INITIAL_TEMPERATURE) : p.value(REFERENCE_TEMPERATURE);
        double xn = stoichiometry(p, NEGATIVE, source);
        double xp = stoichiometry(p, POSITIVE, source);
        double ocv = p.function(electrode(POSITIVE, OCP)).value(xp, t) - p.function(electrode(NEGATIVE, OCP)).value(xn, t);
        // published stoichiometry limits are rounded (the BPX example starts 1.8 mV above its 4.2 V cut-off)
        double slack = 0.01;
        if (!(ocv >= lower - slack && ocv <= upper + slack)) {
            throw new ParameterException(String.format(Locale.ROOT,
                    "%s: the initial open-circuit voltage U_p(%.4f) - U_n(%.4f) = %.4f V (from the initial concentrations) lies outside "
                            + "the cut-offs [%s, %s] V; allowed: an initial state between '%s' and '%s'",
                    source, xp, xn, ocv, lower, upper, LOWER_CUTOFF, UPPER_CUTOFF));
        }
    }

    private static double stoichiometry(ParameterSet p, String side, String source) {
        double cmax = p.value(electrode(side, MAXIMUM_CONCENTRATION));
        double c0 = p.value(electrode(side, INITIAL_CONCENTRATION));
        double x0 = c0 / cmax;
        if (!(x0 > 0 && x0 < 1)) {
            throw new ParameterException(source + ": '" + electrode(side, INITIAL_CONCENTRATION) + "' = " + c0 + " mol.m-3 is not allowed: "
                    + "expected a value in (0, '" + electrode(side, MAXIMUM_CONCENTRATION) + "' = " + cmax + ")");
        }
        double lo = x0;
        double hi = x0;
        String window = "the initial stoichiometry " + x0;
        String min = electrode(side, CellParameterSchema.MINIMUM_STOICHIOMETRY);
        String max = electrode(side, CellParameterSchema.MAXIMUM_STOICHIOMETRY);
        if (p.contains(min) && p.contains(max)) {
            lo = Math.min(lo, p.value(min));
            hi = Math.max(hi, p.value(max));
            if (!(p.value(min) < p.value(max))) {
                throw new ParameterException(source + ": '" + min + "' = " + p.value(min) + " must be below '" + max + "' = " + p.value(max));
            }
            window = "the stoichiometry window [" + p.value(min) + ", " + p.value(max) + "] (with the initial " + x0 + ")";
        }
        for (String f : new String[] {electrode(side, OCP), electrode(side, PARTICLE_DIFFUSIVITY)}) {
            Domain d = p.parameter(f).domain();
            if (d != null && !d.covers(lo, hi)) {
                throw new ParameterException(source + ": " + window + " of the " + side.toLowerCase(Locale.ROOT)
                        + " electrode lies outside the domain of '" + f + "' (" + d + "); allowed: a window inside it");
            }
        }
        return x0;
    }
}

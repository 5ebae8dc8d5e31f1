package io.nernst.core.model;

import java.util.Locale;

/**
 * A state outside its physical range: which quantity, where, its value and what is allowed,
 * e.g. "Negative particle stoichiometry = -0.0123 at the surface of the particle at x = 12.5 um;
 * allowed: (0, 1)".
 *
 * @param quantity name of the quantity, e.g. "Electrolyte concentration [mol.m-3]"
 * @param place    where, e.g. "x = 12.5 um (negative electrode)"; empty for a scalar
 * @param value    the offending value (may be NaN)
 * @param allowed  the physical range, e.g. "(0, 1)" or "> 0"
 */
public record StateViolation(String quantity, String place, double value, String allowed) {

    /** One line naming quantity, value, place and range. */
    public String describe() {
        return quantity + " = " + String.format(Locale.ROOT, "%.6g", value)
                + (place == null || place.isEmpty() ? "" : " at " + place) + "; allowed: " + allowed;
    }
}

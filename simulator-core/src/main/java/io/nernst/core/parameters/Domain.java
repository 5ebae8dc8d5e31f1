package io.nernst.core.parameters;

/**
 * Where a material function is defined and checked: its state variable and the interval the
 * model can visit, e.g. a stoichiometry x in [0, 1] or an electrolyte concentration c in
 * [0, 4000] mol/m3.
 *
 * @param variable the state variable's name in expressions ("x", "c")
 * @param unit     its unit ("1", "mol.m-3")
 * @param low      lower end
 * @param high     upper end
 */
public record Domain(String variable, String unit, double low, double high) {
    public Domain {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("domain [" + low + ", " + high + "] of " + variable + " must be finite with low < high");
        }
    }

    /** A copy with other ends. */
    public Domain withBounds(double newLow, double newHigh) {
        return new Domain(variable, unit, newLow, newHigh);
    }

    /** True when [a, b] lies inside this domain. */
    public boolean covers(double a, double b) {
        return a >= low && b <= high;
    }

    @Override
    public String toString() {
        String u = unit == null || unit.equals("1") || unit.isEmpty() ? "" : " " + unit;
        return variable + " in [" + low + ", " + high + "]" + u;
    }
}

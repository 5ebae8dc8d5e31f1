package io.nernst.models.solidstate;

/**
 * The Ni4+/Ni3+-like ratio of a layered LiNi_y(Co,Mn)_{1-y}O2 cathode at lithium stoichiometry x,
 * used to compare the partial-contact model with seed 002's STXM ratios (1.37 at the contact
 * versus 0.75 away from it in a partially covered particle, 0.97-1.07 across a fully covered one).
 *
 * <p>Definition (an assumption, solid-state.md section 1.5): all nickel starts as Ni3+ at x = 1
 * and Ni3+/Ni4+ is the only couple active on charge, so removing 1 - x lithium per formula unit
 * oxidises 1 - x of the y nickel: Ni4+ share f = (1 - x)/y and ratio r = f / (1 - f)
 * = (1 - x) / (y - (1 - x)), defined while 1 - x < y. The seed's number is an X-ray absorption
 * intensity ratio, not a stoichiometric one, so only contrasts should be compared: a ratio pair
 * (r1, r2) corresponds to a Ni4+ share difference r1/(1+r1) - r2/(1+r2) and a lithium difference
 * y times that (1.37 vs 0.75: 0.150 and 0.120 for y = 0.8).
 */
public final class NickelOxidation {

    private NickelOxidation() {
    }

    /** Ni4+ share f = (1 - x) / y of the nickel, for x in [1 - y, 1]. */
    public static double nickel4Share(double stoichiometry, double nickelFraction) {
        check(stoichiometry, nickelFraction);
        return (1.0 - stoichiometry) / nickelFraction;
    }

    /** Ratio Ni4+/Ni3+ = (1 - x) / (y - (1 - x)). */
    public static double ratio(double stoichiometry, double nickelFraction) {
        double f = nickel4Share(stoichiometry, nickelFraction);
        return f / (1.0 - f);
    }

    /** The lithium-stoichiometry difference equivalent to two measured ratios: y (r1/(1+r1) - r2/(1+r2)). */
    public static double stoichiometryDifference(double ratio1, double ratio2, double nickelFraction) {
        return nickelFraction * (ratio1 / (1.0 + ratio1) - ratio2 / (1.0 + ratio2));
    }

    private static void check(double x, double y) {
        if (!(y > 0 && y <= 1)) {
            throw new IllegalArgumentException("nickel fraction must be in (0, 1], got " + y);
        }
        if (!(x <= 1.0 && 1.0 - x < y)) {
            throw new IllegalArgumentException("stoichiometry " + x + " outside (" + (1 - y) + ", 1]: beyond Ni3+/Ni4+");
        }
    }
}

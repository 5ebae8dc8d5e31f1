package io.nernst.models.solidstate;

import io.nernst.models.electrode.EffectiveMedium;

/**
 * Effective-property closures of composite electrodes (solid-state.md section 1.6; physics.md
 * section 4). Effective conductivities use {@link EffectiveMedium}: the percolation power law
 * sigma_eff = sigma ((phi - phi_c)/(1 - phi_c))^t above the threshold phi_c and 0 below
 * (Kirkpatrick, Rev. Mod. Phys. 45 (1973) 574), or Bruggeman sigma phi^b as an option. This class
 * adds the published parameter sets, the electronic utilisation of the active material, the
 * interfacial area and the threshold of carbon-free cathodes against particle size.
 */
public final class CompositeClosures {
    /**
     * Percolation order-parameter exponent in three dimensions, beta = 0.41 (Stauffer and
     * Aharony, Introduction to Percolation Theory; the value Bielefeld et al., J. Phys. Chem. C
     * 123 (2019) 1626, report for the active-interface area near p_c, solid-state.md 1.6 [D]).
     */
    public static final double ORDER_PARAMETER_EXPONENT = 0.41;

    private CompositeClosures() {
    }

    /**
     * Ionic network of Li6PS5Cl in NCM622 composites, fitted to Minnmann et al., JES 168 (2021)
     * 040537 Table S2 (solid-state.md 1.6 [C]): threshold 0.216, exponent 1.95 (total-volume basis).
     */
    public static EffectiveMedium minnmann2021Ionic() {
        return EffectiveMedium.percolation(0.216, 1.95);
    }

    /**
     * Electronic network of carbon-free NCM622, fitted to the same table with a free prefactor
     * (solid-state.md 1.6 [C]): sigma_eff / sigma_NCM = 0.503 (phi - 0.233)^1.28, 0 below 0.233.
     */
    public static EffectiveMedium minnmann2021Electronic() {
        return scaledPercolation(0.503, 0.233, 1.28);
    }

    /** A percolation law with a free prefactor: f = A (phi - phi_c)^t above phi_c, 0 below. */
    public static EffectiveMedium scaledPercolation(double prefactor, double threshold, double exponent) {
        if (!(prefactor > 0) || !Double.isFinite(prefactor)) {
            throw new IllegalArgumentException("percolation prefactor must be finite and > 0, got " + prefactor);
        }
        EffectiveMedium.percolation(threshold, exponent); // validates threshold and exponent
        return phi -> phi <= threshold ? 0.0 : prefactor * Math.pow(phi - threshold, exponent);
    }

    /**
     * Electronic percolation threshold of carbon-free cathodes of spherical active particles of
     * diameter d with 3 um polyhedral solid electrolyte (Bielefeld et al. 2019 [D]):
     * p_c = 7.83 ln(d / 1 um) + 36.67 vol% of the total volume, as a fraction.
     */
    public static double bielefeld2019Threshold(double diameter) {
        if (!(diameter > 0) || !Double.isFinite(diameter)) {
            throw new IllegalArgumentException("particle diameter must be finite and > 0 m, got " + diameter);
        }
        return (7.83 * Math.log(diameter / 1e-6) + 36.67) / 100.0;
    }

    /**
     * Fraction of the active material in the percolating electronic cluster (utilisation
     * theta_AM, Bielefeld 2019 eq. 6 [D]): 0 at or below the threshold, and above it the
     * normalised order parameter ((phi - phi_c)/(1 - phi_c))^beta, 1 for phi = 1.
     *
     * @param networkFraction volume fraction of the electronic network (the active material
     *                        itself in carbon-free cathodes)
     * @param threshold       its percolation threshold phi_c
     * @param exponent        beta ({@link #ORDER_PARAMETER_EXPONENT})
     */
    public static double utilisation(double networkFraction, double threshold, double exponent) {
        if (!(networkFraction >= 0 && networkFraction <= 1)) {
            throw new IllegalArgumentException("electronic network volume fraction " + networkFraction + " is outside [0, 1]");
        }
        if (!(threshold >= 0 && threshold < 1) || !(exponent > 0)) {
            throw new IllegalArgumentException("need threshold in [0, 1) and exponent > 0, got " + threshold + ", " + exponent);
        }
        if (networkFraction <= threshold) {
            return 0.0;
        }
        return Math.pow((networkFraction - threshold) / (1.0 - threshold), exponent);
    }

    /**
     * Interfacial area per electrode volume of spheres, a = 3 eps theta / R [1/m] (physics.md
     * section 4): eps the (utilised) active volume fraction, theta the contact fraction.
     */
    public static double interfacialArea(double activeFraction, double contactFraction, double radius) {
        if (!(activeFraction >= 0 && activeFraction <= 1)) {
            throw new IllegalArgumentException("active volume fraction " + activeFraction + " is outside [0, 1]");
        }
        PartialContactParticle.checkContactFraction(contactFraction);
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("particle radius must be finite and > 0 m, got " + radius);
        }
        return 3.0 * activeFraction * contactFraction / radius;
    }
}

package io.nernst.models.electrode;

/**
 * The separator (or solid-electrolyte layer) between the electrodes.
 *
 * @param thickness         L_s [m]
 * @param porosity          electrolyte volume fraction (1 for a dense solid electrolyte)
 * @param electrolyteMedium f(eps) for the electrolyte transport properties
 */
public record Separator(double thickness, double porosity, EffectiveMedium electrolyteMedium) {

    public Separator {
        if (!(thickness > 0) || !Double.isFinite(thickness)) {
            throw new IllegalArgumentException("separator thickness must be > 0, got " + thickness);
        }
        if (!(porosity > 0 && porosity <= 1)) {
            throw new IllegalArgumentException("separator porosity must lie in (0, 1], got " + porosity);
        }
    }

    /** f(eps). */
    public double electrolyteTransportFactor() {
        return electrolyteMedium.factor(porosity);
    }
}

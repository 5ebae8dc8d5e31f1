package io.nernst.models.electrode;

/**
 * Effective-medium factor f(phi) that turns a bulk transport property into the effective one
 * of a phase occupying volume fraction phi of a composite: p_eff = p f(phi)
 * (physics.md section 4).
 */
@FunctionalInterface
public interface EffectiveMedium {

    /** The factor for volume fraction phi in [0, 1]. */
    double factor(double volumeFraction);

    /** Bruggeman: f = phi^b (b = 1.5 for spheres). */
    static EffectiveMedium bruggeman(double exponent) {
        if (!(exponent >= 0) || !Double.isFinite(exponent)) {
            throw new IllegalArgumentException("Bruggeman exponent must be finite and >= 0, got " + exponent);
        }
        return phi -> Math.pow(phi, exponent);
    }

    /**
     * Percolation: f = ((phi - phi_c) / (1 - phi_c))^t above the threshold phi_c, 0 below
     * (Kirkpatrick, Rev. Mod. Phys. 45 (1973) 574; t about 2 in three dimensions).
     */
    static EffectiveMedium percolation(double threshold, double exponent) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("percolation threshold must lie in [0, 1), got " + threshold);
        }
        if (!(exponent > 0) || !Double.isFinite(exponent)) {
            throw new IllegalArgumentException("percolation exponent must be finite and > 0, got " + exponent);
        }
        return phi -> phi <= threshold ? 0.0 : Math.pow((phi - threshold) / (1.0 - threshold), exponent);
    }
}

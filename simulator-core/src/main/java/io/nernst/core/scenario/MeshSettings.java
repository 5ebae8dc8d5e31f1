package io.nernst.core.scenario;

/**
 * Finite-volume counts requested by a scenario; {@code 0} means "the model's default".
 *
 * @param negative  cells across the negative electrode
 * @param separator cells across the separator
 * @param positive  cells across the positive electrode
 * @param particle  shells in each particle
 */
public record MeshSettings(int negative, int separator, int positive, int particle) {

    /** All defaults. */
    public static MeshSettings defaults() {
        return new MeshSettings(0, 0, 0, 0);
    }

    /**
     * Most cells per domain: 10,000 puts 10 nm cells across a 100 um electrode and 1 nm shells in a
     * 10 um particle, below the length scales the continuum (porous-electrode) models average
     * over; no convergence study needs more.
     */
    public static final int MAX_COUNT = 10_000;

    public MeshSettings {
        int[] counts = {negative, separator, positive, particle};
        String[] keys = {"mesh.negative", "mesh.separator", "mesh.positive", "mesh.particle"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || counts[i] > MAX_COUNT) {
                throw new io.nernst.core.error.BadInputException(keys[i] + " = " + counts[i] + " is not allowed: expected a whole "
                        + "number of cells in [1, " + MAX_COUNT + "] (0 or absent = the model's default); finer cells than that "
                        + "lie below the scale the continuum model describes");
            }
        }
    }

    /** Cells across the cell and shells per particle, 0 counted as {@code dflt}: for the up-front memory estimate. */
    public long[] countsOr(int dflt) {
        long x = (negative == 0 ? dflt : negative) + (long) (separator == 0 ? dflt : separator) + (positive == 0 ? dflt : positive);
        return new long[] {x, particle == 0 ? dflt : particle};
    }
}

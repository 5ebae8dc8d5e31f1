package io.nernst.models.solidstate;

import io.nernst.models.deposition.FieldImage;
import io.nernst.solvers.grid.CartesianGrid2D;
import java.nio.file.Path;

/**
 * PNG map of a partially contacted particle: the meridional cross-section (contact cap on top,
 * axis vertical) sampled on a square pixel grid, each pixel coloured by the stoichiometry of
 * the finite-volume cell containing it; rendered and written atomically by {@link FieldImage}
 * (viridis, colour bar, axes in micrometres), pixels outside the particle grey.
 */
public final class PartialContactMap {

    private PartialContactMap() {
    }

    /**
     * Samples the stoichiometry field onto a pixels x pixels grid over [-R, R]^2 (x across, z
     * up the axis); returns the field and fills {@code inside}.
     */
    static double[] sample(PartialContactParticle particle, double[] y, int offset, int pixels, boolean[] inside) {
        double radius = particle.radius();
        double[] rf = particle.radialFaces();
        double[] af = particle.angleFaces();
        double[] field = new double[pixels * pixels];
        double h = 2.0 * radius / pixels;
        for (int jz = 0; jz < pixels; jz++) {
            double z = -radius + (jz + 0.5) * h;
            for (int ix = 0; ix < pixels; ix++) {
                double x = -radius + (ix + 0.5) * h;
                double r = Math.hypot(x, z);
                int p = ix + pixels * jz;
                if (r >= radius) {
                    inside[p] = false;
                    field[p] = Double.NaN;
                    continue;
                }
                inside[p] = true;
                double angle = Math.atan2(Math.abs(x), z); // polar angle from the +z axis (contact centre)
                int k = locate(rf, r);
                int j = locate(af, angle);
                field[p] = y[offset + particle.index(k, j)] / particle.maximumConcentration();
            }
        }
        return field;
    }

    private static int locate(double[] faces, double v) {
        int lo = 0;
        int hi = faces.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (faces[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Writes the map of the stoichiometry of the block at {@code offset} to {@code file}. */
    public static void write(Path file, PartialContactParticle particle, double[] y, int offset, String title) {
        int pixels = 240;
        boolean[] inside = new boolean[pixels * pixels];
        double[] field = sample(particle, y, offset, pixels, inside);
        double width = 2.0 * particle.radius();
        CartesianGrid2D grid = new CartesianGrid2D(pixels, pixels, width / pixels, width / pixels, -particle.radius(),
                -particle.radius(), false);
        FieldImage.write(file, grid, field, inside, null, title, "x in LixMO2");
    }
}

package io.nernst.models.deposition;

import io.nernst.solvers.grid.CartesianGrid2D;
import java.util.List;
import java.util.Random;

/**
 * The initial shape of the lithium surface, as a signed distance function (positive in the
 * electrolyte) from which the level set is initialised with
 * {@code Phi = 1 / (1 + exp(-d / eps))}. The surface is the line {@code y = surfaceHeight}
 * (the electrode's base level) modified by roughness or by semicircular bumps; the x direction
 * is periodic with period {@code width}.
 */
public sealed interface InitialMorphology {

    /**
     * Signed distance to the surface at (x, y), positive above it (electrolyte).
     *
     * @param x             position along the electrode [m]
     * @param y             height above the bottom wall [m]
     * @param width         domain width (x period) [m]
     * @param surfaceHeight base level of the surface [m]
     * @return the (approximate) signed distance [m]
     */
    double signedDistance(double x, double y, double width, double surfaceHeight);

    /**
     * Highest point of the initial surface above the base level [m]: used to check that the
     * morphology fits the domain.
     */
    double maximumElevation(double width);

    /** Lowest point of the initial surface relative to the base level [m] (negative for a trough). */
    double minimumElevation(double width);

    /** Checks the morphology against the domain; throws naming the offending key. */
    void validate(double width, double height, double surfaceHeight);

    /**
     * Fills a cell field with the signed distance at the cell centres.
     *
     * @param grid          the grid (x from 0 to its width, periodic)
     * @param surfaceHeight base level [m]
     * @param out           output cell field
     */
    default void fillSignedDistance(CartesianGrid2D grid, double surfaceHeight, double[] out) {
        double width = grid.width();
        for (int j = 0, k = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++, k++) {
                out[k] = signedDistance(grid.xCentre(i), grid.yCentre(j), width, surfaceHeight);
            }
        }
    }

    /**
     * A flat surface with seeded random roughness: a periodic Gaussian random field
     * {@code h(x) = sum_m a_m cos(2 pi m x / W + theta_m)} with spectral amplitudes
     * {@code a_m ~ exp(-(pi m l / W)^2 / 2)} (a Gaussian autocorrelation of length {@code l}),
     * random phases from {@code seed}, scaled to the root-mean-square {@code amplitude}.
     * {@code amplitude = 0} gives a perfectly flat surface.
     *
     * @param amplitude         root-mean-square roughness [m], at least 0
     * @param correlationLength correlation length l [m], positive
     * @param seed              random seed (same seed, same surface)
     */
    record Rough(double amplitude, double correlationLength, long seed) implements InitialMorphology {
        /** Number of Fourier modes kept. */
        private static final int MODES = 64;

        /** A perfectly flat surface. */
        public static Rough flat() {
            return new Rough(0.0, 1.0, 0L);
        }

        /** Elevation h(x) above the base level [m]. */
        public double elevation(double x, double width) {
            if (amplitude == 0.0) {
                return 0.0;
            }
            double[] coefficients = coefficients(width);
            double h = 0.0;
            for (int m = 1; m <= MODES; m++) {
                h += coefficients[2 * m - 2] * Math.cos(2 * Math.PI * m * x / width + coefficients[2 * m - 1]);
            }
            return h;
        }

        /** Slope dh/dx. */
        private double slope(double x, double width, double[] coefficients) {
            double s = 0.0;
            for (int m = 1; m <= MODES; m++) {
                double k = 2 * Math.PI * m / width;
                s -= coefficients[2 * m - 2] * k * Math.sin(k * x + coefficients[2 * m - 1]);
            }
            return s;
        }

        /** Amplitude and phase of each mode, normalised to the requested RMS. */
        private double[] coefficients(double width) {
            Random random = new Random(seed);
            double[] c = new double[2 * MODES];
            double meanSquare = 0.0;
            for (int m = 1; m <= MODES; m++) {
                double spectral = Math.exp(-0.5 * Math.pow(Math.PI * m * correlationLength / width, 2));
                // Rayleigh-distributed modulus with random phase: a Gaussian random field.
                double modulus = spectral * Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble()));
                c[2 * m - 2] = modulus;
                c[2 * m - 1] = 2 * Math.PI * random.nextDouble();
                meanSquare += 0.5 * modulus * modulus;
            }
            double scale = meanSquare > 0 ? amplitude / Math.sqrt(meanSquare) : 0.0;
            for (int m = 0; m < MODES; m++) {
                c[2 * m] *= scale;
            }
            return c;
        }

        @Override
        public void fillSignedDistance(CartesianGrid2D grid, double surfaceHeight, double[] out) {
            double width = grid.width();
            double[] c = coefficients(width);
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.xCentre(i);
                double h = 0.0;
                for (int m = 1; m <= MODES; m++) {
                    h += c[2 * m - 2] * Math.cos(2 * Math.PI * m * x / width + c[2 * m - 1]);
                }
                double norm = Math.sqrt(1.0 + Math.pow(slope(x, width, c), 2));
                for (int j = 0; j < grid.ny(); j++) {
                    out[i + grid.nx() * j] = (grid.yCentre(j) - surfaceHeight - h) / norm;
                }
            }
        }

        @Override
        public double signedDistance(double x, double y, double width, double surfaceHeight) {
            if (amplitude == 0.0) {
                return y - surfaceHeight;
            }
            double[] c = coefficients(width);
            double h = 0.0;
            for (int m = 1; m <= MODES; m++) {
                h += c[2 * m - 2] * Math.cos(2 * Math.PI * m * x / width + c[2 * m - 1]);
            }
            double s = slope(x, width, c);
            // First-order distance to the graph y = h(x): vertical offset projected on the normal.
            return (y - surfaceHeight - h) / Math.sqrt(1.0 + s * s);
        }

        @Override
        public double maximumElevation(double width) {
            double max = 0.0;
            for (int q = 0; q < 512; q++) {
                max = Math.max(max, elevation(width * q / 512.0, width));
            }
            return max;
        }

        @Override
        public double minimumElevation(double width) {
            double min = 0.0;
            for (int q = 0; q < 512; q++) {
                min = Math.min(min, elevation(width * q / 512.0, width));
            }
            return min;
        }

        @Override
        public void validate(double width, double height, double surfaceHeight) {
            DepositionSettings.requireAtLeast("morphology.amplitude", amplitude, 0.0, "m");
            DepositionSettings.requirePositive("morphology.correlationLength", correlationLength, "m");
            if (amplitude > 0 && surfaceHeight + minimumElevation(width) <= 0.0) {
                throw new io.nernst.core.error.BadInputException("morphology.amplitude = " + amplitude + " m: the roughness trough reaches "
                        + "below the bottom wall (domain.surfaceHeight = " + surfaceHeight
                        + " m); allowed: amplitude small enough that surfaceHeight + min h(x) > 0");
            }
            if (surfaceHeight + maximumElevation(width) >= height) {
                throw new io.nernst.core.error.BadInputException("morphology.amplitude = " + amplitude + " m: the roughness peak reaches "
                        + "above the top of the domain (domain.height = " + height + " m)");
            }
        }
    }

    /**
     * One semicircular bump of radius {@code radius} centred on the base level at {@code x}.
     *
     * @param x      centre along the electrode [m], in [0, width)
     * @param radius radius [m], positive
     */
    record Bump(double x, double radius) {
    }

    /**
     * A flat surface with semicircular bumps (nuclei), the union of the half-plane below the base
     * level and the discs: {@code d = min(y - y0, min_k |p - c_k| - r_k)} with periodic images.
     * One bump is the validation case of the tip current amplification; several model nuclei.
     *
     * @param bumps the bumps, at least one
     */
    record Bumps(List<Bump> bumps) implements InitialMorphology {
        /** Defensive copy. */
        public Bumps {
            bumps = List.copyOf(bumps);
        }

        /** One bump. */
        public static Bumps single(double x, double radius) {
            return new Bumps(List.of(new Bump(x, radius)));
        }

        @Override
        public double signedDistance(double x, double y, double width, double surfaceHeight) {
            double d = y - surfaceHeight;
            for (Bump b : bumps) {
                for (int image = -1; image <= 1; image++) {
                    double ddx = x - (b.x() + image * width);
                    double ddy = y - surfaceHeight;
                    d = Math.min(d, Math.sqrt(ddx * ddx + ddy * ddy) - b.radius());
                }
            }
            return d;
        }

        @Override
        public double maximumElevation(double width) {
            double max = 0.0;
            for (Bump b : bumps) {
                max = Math.max(max, b.radius());
            }
            return max;
        }

        @Override
        public double minimumElevation(double width) {
            return 0.0;
        }

        @Override
        public void validate(double width, double height, double surfaceHeight) {
            if (bumps.isEmpty()) {
                throw new io.nernst.core.error.BadInputException("morphology.bumps is empty; allowed: at least one bump (x, radius)");
            }
            for (int k = 0; k < bumps.size(); k++) {
                Bump b = bumps.get(k);
                String key = "morphology.bumps[" + k + "]";
                if (!(b.x() >= 0.0 && b.x() < width) || !Double.isFinite(b.x())) {
                    throw new io.nernst.core.error.BadInputException(key + ".x = " + b.x() + " m lies outside the domain; allowed: [0, "
                            + DepositionSettings.round(width) + ") m (domain.width)");
                }
                DepositionSettings.requirePositive(key + ".radius", b.radius(), "m");
                if (surfaceHeight + b.radius() >= height) {
                    throw new io.nernst.core.error.BadInputException(key + ".radius = " + b.radius() + " m: the bump reaches above the top "
                            + "of the domain (domain.height = " + height + " m, domain.surfaceHeight = " + surfaceHeight
                            + " m); allowed: radius < "
                            + DepositionSettings.round(height - surfaceHeight) + " m");
                }
                if (2 * b.radius() >= width) {
                    throw new io.nernst.core.error.BadInputException(key + ".radius = " + b.radius() + " m: the bump is wider than the "
                            + "domain (domain.width = " + width + " m); allowed: radius < " + DepositionSettings.round(width / 2) + " m");
                }
            }
        }
    }
}

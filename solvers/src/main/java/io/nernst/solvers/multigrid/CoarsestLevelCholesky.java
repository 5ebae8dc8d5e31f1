package io.nernst.solvers.multigrid;

import io.nernst.solvers.linear.SingularMatrixException;

/**
 * Exact solver of the coarsest multigrid level: Cholesky factorisation of the symmetric
 * positive definite five-point matrix in band storage. In the natural ordering (i fastest)
 * every coupling, including the periodic wrap between columns 0 and nx-1, lies within
 * {@code nx} of the diagonal, so the cost is {@code n nx^2 / 2} flops, small on a coarse grid.
 */
final class CoarsestLevelCholesky {
    private final int n;
    private final int bandwidth;
    /** Lower band, row-major: entry (row, row - d) at row * (bandwidth + 1) + d. */
    private final double[] band;

    CoarsestLevelCholesky(MultigridLevel level) {
        this.n = level.n;
        this.bandwidth = level.ny > 1 ? level.nx : Math.max(level.nx - 1, 0);
        this.band = new double[n * (bandwidth + 1)];
    }

    /** Estimated flop count of one factorisation for a level, to decide whether it is affordable. */
    static double factorCost(MultigridLevel level) {
        double b = level.ny > 1 ? level.nx : level.nx - 1;
        return level.n * (b + 1) * (b + 1) / 2.0;
    }

    /**
     * Loads and factors the level's matrix.
     *
     * @throws SingularMatrixException if a pivot is not positive (an all-Neumann problem with
     *                                 zero reaction is singular)
     */
    void factor(MultigridLevel level) {
        int w = bandwidth + 1;
        java.util.Arrays.fill(band, 0.0);
        int nx = level.nx;
        boolean wraps = level.wrapsX();
        for (int j = 0, k = 0; j < level.ny; j++) {
            for (int i = 0; i < nx; i++, k++) {
                band[k * w] = level.diagonal[k];
                if (i > 0) {
                    band[k * w + 1] -= level.cWest[k];
                }
                if (i == nx - 1 && wraps) {
                    // East neighbour is column 0 of the same row, nx - 1 positions back.
                    band[k * w + (nx - 1)] -= level.cEast[k];
                }
                if (j > 0) {
                    band[k * w + nx] -= level.cSouth[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int jStart = Math.max(0, i - bandwidth);
            for (int j = jStart; j <= i; j++) {
                double s = band[i * w + (i - j)];
                int pStart = Math.max(jStart, j - bandwidth);
                for (int p = pStart; p < j; p++) {
                    s -= band[i * w + (i - p)] * band[j * w + (j - p)];
                }
                if (i == j) {
                    // Relative test: a singular matrix leaves a pivot of rounding size, not exactly 0.
                    if (!(s > 1e-12 * level.diagonal[i])) {
                        throw new SingularMatrixException("coarsest multigrid matrix is not positive definite at cell " + i
                                + " (pivot " + s + "): a problem without Dirichlet wall and with zero reaction is singular", i);
                    }
                    band[i * w] = Math.sqrt(s);
                } else {
                    band[i * w + (i - j)] = s / band[j * w];
                }
            }
        }
    }

    /** Solves L L^T x = b in place. */
    void solve(double[] x) {
        int w = bandwidth + 1;
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int p = Math.max(0, i - bandwidth); p < i; p++) {
                s -= band[i * w + (i - p)] * x[p];
            }
            x[i] = s / band[i * w];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            int end = Math.min(n - 1, i + bandwidth);
            for (int p = i + 1; p <= end; p++) {
                s -= band[p * w + (p - i)] * x[p];
            }
            x[i] = s / band[i * w];
        }
    }
}

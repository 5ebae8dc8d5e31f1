package io.nernst.solvers.krylov;

import java.util.Arrays;

/**
 * Restarted GMRES(m) with right preconditioning (Saad and Schultz 1986; Saad 2003,
 * Algorithms 6.9 and 9.5).
 *
 * <p>Each cycle builds an orthonormal basis {@code V} of the Krylov space of
 * {@code A M^-1} started at the current residual by the Arnoldi process with modified
 * Gram-Schmidt, reduces the Hessenberg matrix to triangular form with Givens rotations as it
 * grows (so the least-squares residual is known at every step without forming {@code x}), and
 * at the end of the cycle updates {@code x += M^-1 V y}. With right preconditioning the
 * minimised quantity is the true residual {@code ||b - A x||}, not a preconditioned one; it is
 * nevertheless recomputed from {@code A} and {@code x} at every restart and before convergence
 * is accepted, so rounding in the recurrence can never fake convergence.
 *
 * <p>{@link #iterations()} counts Arnoldi steps (one product with {@code A} and one
 * preconditioner application each), summed over restarts. Without restarting
 * ({@code restart >= n}) GMRES converges in at most {@code n} steps in exact arithmetic.
 * Memory: {@code min(m, n) + 2} vectors of length {@code n}.
 */
public final class GmresSolver extends KrylovSolver {
    private int basisSize;
    /** Arnoldi basis v_0 .. v_m; v_0 also holds the residual between cycles. */
    private double[][] basis;
    private double[] work;
    /** Hessenberg matrix, column-major with leading dimension basisSize + 1, triangularised in place. */
    private double[] hessenberg;
    private double[] cosines;
    private double[] sines;
    /** Right-hand side of the small least-squares problem, rotated along. */
    private double[] rotatedResidual;
    private double[] coefficients;

    /** GMRES with the default settings (GMRES(30), ILU(0), tolerance 1e-8). */
    public GmresSolver() {
        this(KrylovSettings.defaults());
    }

    /** GMRES with the given settings. */
    public GmresSolver(KrylovSettings settings) {
        super(settings);
    }

    @Override
    protected void allocateWorkspace(int dimension) {
        basisSize = Math.min(settings.restart(), dimension);
        basis = new double[basisSize + 1][dimension];
        work = new double[dimension];
        hessenberg = new double[(basisSize + 1) * basisSize];
        cosines = new double[basisSize];
        sines = new double[basisSize];
        rotatedResidual = new double[basisSize + 1];
        coefficients = new double[basisSize];
    }

    @Override
    protected void iterate(double[] b, double rhsNorm, double[] x) {
        final double tolerance = settings.relativeTolerance();
        final int maxIterations = settings.maxIterations();
        final int m = basisSize;
        final int ld = m + 1;
        final double[][] v = basis;
        final double[] h = hessenberg;
        final double[] g = rotatedResidual;
        int iterations = 0;
        double residualNorm = DenseVectors.residual(matrix, b, x, v[0]);
        double relative = residualNorm / rhsNorm;
        while (true) {
            if (!Double.isFinite(relative)) {
                throw notConverged("the residual is not finite", iterations, relative);
            }
            if (relative <= tolerance) {
                record(iterations, relative);
                return;
            }
            if (iterations >= maxIterations) {
                throw notConverged("iteration limit " + maxIterations + " reached", iterations, relative);
            }
            DenseVectors.scale(n, 1.0 / residualNorm, v[0]);
            Arrays.fill(g, 0.0);
            g[0] = residualNorm;
            int steps = 0;
            for (int j = 0; j < m; j++) {
                // Arnoldi step: w = A M^-1 v_j, orthogonalised against v_0..v_j (modified Gram-Schmidt).
                preconditioner.apply(v[j], work);
                matrix.multiply(work, v[j + 1]);
                double[] w = v[j + 1];
                int column = j * ld;
                for (int i = 0; i <= j; i++) {
                    double hij = DenseVectors.dot(n, w, v[i]);
                    h[column + i] = hij;
                    DenseVectors.axpy(n, -hij, v[i], w);
                }
                double subdiagonal = DenseVectors.norm2(n, w);
                // Apply the earlier rotations to the new column, then annihilate h_{j+1,j}.
                for (int i = 0; i < j; i++) {
                    double upper = h[column + i];
                    double lower = h[column + i + 1];
                    h[column + i] = cosines[i] * upper + sines[i] * lower;
                    h[column + i + 1] = -sines[i] * upper + cosines[i] * lower;
                }
                double diagonal = h[column + j];
                if (diagonal == 0.0 && subdiagonal == 0.0) {
                    // A M^-1 v_j lies in span(v_0..v_{j-1}) with the component that would make the
                    // triangular factor non-singular missing: A M^-1 is singular.
                    throw breakdown("Hessenberg column " + j + " vanished after rotation, A M^-1 is singular",
                            iterations, relative);
                }
                double c;
                double s;
                // Givens rotation computed without overflow (Golub and Van Loan, section 5.1.8).
                if (Math.abs(subdiagonal) > Math.abs(diagonal)) {
                    double t = diagonal / subdiagonal;
                    s = 1.0 / Math.sqrt(1.0 + t * t);
                    c = s * t;
                } else {
                    double t = subdiagonal / diagonal;
                    c = 1.0 / Math.sqrt(1.0 + t * t);
                    s = c * t;
                }
                cosines[j] = c;
                sines[j] = s;
                h[column + j] = c * diagonal + s * subdiagonal;
                h[column + j + 1] = 0.0;
                g[j + 1] = -s * g[j];
                g[j] = c * g[j];
                iterations++;
                steps = j + 1;
                double estimate = Math.abs(g[j + 1]) / rhsNorm;
                if (subdiagonal == 0.0 || estimate <= tolerance || iterations >= maxIterations
                        || !Double.isFinite(estimate)) {
                    break; // lucky breakdown (invariant subspace), converged, or out of budget
                }
                DenseVectors.scale(n, 1.0 / subdiagonal, w);
            }
            // Back substitution R y = g, then x += M^-1 (V y).
            for (int i = steps - 1; i >= 0; i--) {
                double sum = g[i];
                for (int l = i + 1; l < steps; l++) {
                    sum -= h[l * ld + i] * coefficients[l];
                }
                coefficients[i] = sum / h[i * ld + i];
            }
            Arrays.fill(work, 0, n, 0.0);
            for (int i = 0; i < steps; i++) {
                DenseVectors.axpy(n, coefficients[i], v[i], work);
            }
            preconditioner.apply(work, work);
            DenseVectors.axpy(n, 1.0, work, x);
            residualNorm = DenseVectors.residual(matrix, b, x, v[0]);
            relative = residualNorm / rhsNorm;
        }
    }

    @Override
    public String name() {
        return "gmres(" + settings.restart() + ")-" + preconditioner.name();
    }
}

package io.nernst.solvers.krylov;

/**
 * BiCGSTAB (van der Vorst 1992; Saad 2003, Algorithm 7.7) with right preconditioning as in
 * Barrett et al., "Templates for the Solution of Linear Systems" (1994), section 2.3.8: the
 * preconditioner is applied to the search directions {@code p} and {@code s}, so the residual
 * the recurrence carries is the true residual {@code b - A x} (up to rounding), not
 * {@code M^-1 (b - A x)}.
 *
 * <p>Each iteration costs two products with {@code A}, two preconditioner applications and
 * about six vector reductions. Convergence signalled by the recurrence is confirmed on the true
 * residual recomputed from {@code A} and {@code x}; if rounding made the two drift apart, the
 * method restarts from the true residual.
 *
 * <p><b>Breakdowns.</b> Three divisors can vanish: {@code rho = (r0~, r)} (Lanczos
 * breakdown), {@code (r0~, A M^-1 p)} (pivot breakdown) and {@code omega = (t, s) / (t, t)}
 * (the minimal-residual step stagnates, e.g. for a skew-symmetric matrix). "Vanishes" means a
 * cosine below {@code 10 eps sqrt(n)}, the rounding level of the dot product. A breakdown after
 * some progress restarts the method from the true residual with a fresh shadow vector
 * {@code r0~ = r} (the usual remedy, Saad 2003 section 7.4.2); a breakdown in the first
 * iteration after a (re)start cannot be cured that way and raises
 * {@link KrylovBreakdownException} naming the quantity.
 */
public final class BiCgStabSolver extends KrylovSolver {
    private double breakdownCosine;
    private double[] residual;
    private double[] shadow;
    private double[] direction;
    private double[] preconditionedDirection;
    private double[] directionImage;
    private double[] preconditionedS;
    private double[] sImage;

    /** BiCGSTAB with the default settings (ILU(0), tolerance 1e-8). */
    public BiCgStabSolver() {
        this(KrylovSettings.defaults());
    }

    /** BiCGSTAB with the given settings (the restart length is not used). */
    public BiCgStabSolver(KrylovSettings settings) {
        super(settings);
    }

    @Override
    protected void allocateWorkspace(int dimension) {
        breakdownCosine = 10.0 * Math.ulp(1.0) * Math.sqrt(dimension);
        residual = new double[dimension];
        shadow = new double[dimension];
        direction = new double[dimension];
        preconditionedDirection = new double[dimension];
        directionImage = new double[dimension];
        preconditionedS = new double[dimension];
        sImage = new double[dimension];
    }

    @Override
    protected void iterate(double[] b, double rhsNorm, double[] x) {
        final double tolerance = settings.relativeTolerance();
        final int maxIterations = settings.maxIterations();
        final double[] r = residual;
        final double[] rHat = shadow;
        final double[] p = direction;
        final double[] pHat = preconditionedDirection;
        final double[] v = directionImage;
        final double[] sHat = preconditionedS;
        final double[] t = sImage;
        int iterations = 0;
        double residualNorm = DenseVectors.residual(matrix, b, x, r);
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
            // (Re)start: the shadow residual is the current true residual (van der Vorst's choice).
            System.arraycopy(r, 0, rHat, 0, n);
            final double shadowNorm = residualNorm;
            double rhoPrevious = 1.0;
            double alpha = 1.0;
            double omega = 1.0;
            double recurrenceNorm = residualNorm;
            int sinceStart = 0;
            while (true) {
                double rho = DenseVectors.dot(n, rHat, r);
                if (!(Math.abs(rho) > breakdownCosine * shadowNorm * recurrenceNorm)) {
                    if (sinceStart == 0) {
                        throw breakdown("rho = (r0~, r) = " + rho + " vanished", iterations, relative);
                    }
                    break;
                }
                if (sinceStart == 0) {
                    System.arraycopy(r, 0, p, 0, n);
                } else {
                    double beta = (rho / rhoPrevious) * (alpha / omega);
                    for (int i = 0; i < n; i++) {
                        p[i] = r[i] + beta * (p[i] - omega * v[i]);
                    }
                }
                preconditioner.apply(p, pHat);
                matrix.multiply(pHat, v);
                double shadowImage = DenseVectors.dot(n, rHat, v);
                if (!(Math.abs(shadowImage) > breakdownCosine * shadowNorm * DenseVectors.norm2(n, v))) {
                    if (sinceStart == 0) {
                        throw breakdown("(r0~, A M^-1 p) = " + shadowImage + " vanished", iterations, relative);
                    }
                    break;
                }
                alpha = rho / shadowImage;
                DenseVectors.axpy(n, -alpha, v, r); // r now holds s = r - alpha v
                double sNorm = DenseVectors.norm2(n, r);
                iterations++;
                sinceStart++;
                if (sNorm / rhsNorm <= tolerance) {
                    DenseVectors.axpy(n, alpha, pHat, x);
                    break; // confirmed on the true residual below
                }
                preconditioner.apply(r, sHat);
                matrix.multiply(sHat, t);
                double tt = DenseVectors.dot(n, t, t);
                double ts = DenseVectors.dot(n, t, r);
                if (!(Math.abs(ts) > breakdownCosine * Math.sqrt(tt) * sNorm)) {
                    DenseVectors.axpy(n, alpha, pHat, x); // the BiCG half step is still valid
                    if (sinceStart == 1) {
                        residualNorm = DenseVectors.residual(matrix, b, x, r);
                        throw breakdown("omega = (t, s) / (t, t) = " + (ts / tt) + " vanished", iterations,
                                residualNorm / rhsNorm);
                    }
                    break;
                }
                omega = ts / tt;
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * pHat[i] + omega * sHat[i];
                }
                DenseVectors.axpy(n, -omega, t, r);
                recurrenceNorm = DenseVectors.norm2(n, r);
                if (recurrenceNorm / rhsNorm <= tolerance || iterations >= maxIterations
                        || !Double.isFinite(recurrenceNorm)) {
                    break;
                }
                rhoPrevious = rho;
            }
            residualNorm = DenseVectors.residual(matrix, b, x, r);
            relative = residualNorm / rhsNorm;
        }
    }

    @Override
    public String name() {
        return "bicgstab-" + preconditioner.name();
    }
}

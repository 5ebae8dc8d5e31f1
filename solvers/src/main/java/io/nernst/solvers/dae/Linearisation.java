package io.nernst.solvers.dae;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Objects;

/**
 * The linearisation of a DAE F(t, y, y') = 0 at a state: the partial derivatives dF/dy and
 * dF/dy', both on the system's Jacobian pattern. Impedance (i w dF/dy' + dF/dy), sensitivity
 * studies and the integrator's iteration matrix dF/dy + cj dF/dy' all derive from these two.
 *
 * <p>With an analytic Jacobian the result is exact: the iteration matrix J(cj) is linear in cj,
 * so dF/dy = J(0) and dF/dy' = J(1) - J(0). Otherwise both come from coloured forward differences
 * over the pattern (one residual evaluation per column group for each matrix), with increments
 * sqrt(uround) max(|y_j|, scale_j) where scale_j is {@code absoluteScale}.
 *
 * <p>An instance owns its two matrices and workspace for one pattern; {@link #evaluate}
 * allocates nothing after the first call. Not thread-safe.
 */
public final class Linearisation {
    private final DaeSystem system;
    private final CsrMatrix pattern;
    private final int n;
    private final CsrMatrix dFdy;
    private final CsrMatrix dFdyDot;
    private final double absoluteScale;
    private ColoredFiniteDifferenceJacobian finiteDifferences;
    private double[] residual;
    private double[] weights;
    private boolean[] allAlgebraic;
    private boolean[] noneAlgebraic;

    /** A linearisation of {@code system}; finite-difference increments use an absolute scale of 1e-6. */
    public Linearisation(DaeSystem system) {
        this(system, 1e-6);
    }

    /**
     * @param absoluteScale the magnitude below which a component's finite-difference increment
     *                      stops shrinking (unused with an analytic Jacobian); must be &gt; 0
     */
    public Linearisation(DaeSystem system, double absoluteScale) {
        this.system = Objects.requireNonNull(system, "system");
        if (!(absoluteScale > 0.0) || Double.isInfinite(absoluteScale)) {
            throw new IllegalArgumentException("absoluteScale must be finite and > 0, got " + absoluteScale);
        }
        this.pattern = system.jacobianPattern();
        this.n = system.dimension();
        if (pattern.rows() != n || pattern.columns() != n) {
            throw new IllegalArgumentException("Jacobian pattern is " + pattern.rows() + " x " + pattern.columns()
                    + " but the system dimension is " + n);
        }
        this.dFdy = pattern.withSamePattern();
        this.dFdyDot = pattern.withSamePattern();
        this.absoluteScale = absoluteScale;
    }

    /** The system linearised. */
    public DaeSystem system() {
        return system;
    }

    /** dF/dy at the last {@link #evaluate} state, on the system's pattern. */
    public CsrMatrix dFdy() {
        return dFdy;
    }

    /** dF/dy' at the last {@link #evaluate} state, on the system's pattern (zero rows for algebraic equations). */
    public CsrMatrix dFdyDot() {
        return dFdyDot;
    }

    /**
     * Computes dF/dy and dF/dy' at (t, y, y').
     *
     * @throws IllegalArgumentException on wrong lengths
     */
    public void evaluate(double t, double[] y, double[] yDot) {
        if (y.length != n || yDot.length != n) {
            throw new IllegalArgumentException("y and yDot must have the system dimension " + n + ", got "
                    + y.length + " and " + yDot.length);
        }
        if (system.hasAnalyticJacobian()) {
            system.jacobian(t, y, yDot, 0.0, dFdy);
            system.jacobian(t, y, yDot, 1.0, dFdyDot);
            double[] a = dFdy.values();
            double[] b = dFdyDot.values();
            for (int p = 0; p < b.length; p++) {
                b[p] -= a[p];
            }
            return;
        }
        if (finiteDifferences == null) {
            finiteDifferences = new ColoredFiniteDifferenceJacobian(pattern);
            residual = new double[n];
            weights = new double[n];
            allAlgebraic = new boolean[n];
            noneAlgebraic = new boolean[n];
            java.util.Arrays.fill(allAlgebraic, true);
        }
        system.residual(t, y, yDot, residual);
        double sqrtEps = Math.sqrt(Math.ulp(1.0));
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / (sqrtEps * (Math.abs(y[i]) + absoluteScale));
        }
        // Column j of the initialisation matrix is dF/dy_j for "algebraic" j and dF/dy'_j otherwise.
        finiteDifferences.initializationMatrix(system, t, y, yDot, allAlgebraic, 1.0, residual, weights, dFdy);
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / (sqrtEps * (Math.abs(yDot[i]) + absoluteScale));
        }
        finiteDifferences.initializationMatrix(system, t, y, yDot, noneAlgebraic, 1.0, residual, weights, dFdyDot);
    }
}

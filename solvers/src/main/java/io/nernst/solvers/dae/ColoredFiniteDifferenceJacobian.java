package io.nernst.solvers.dae;

import io.nernst.solvers.dae.coloring.ColumnColoring;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Forward-difference approximation of the DAE iteration matrix dF/dy + cj dF/dy' over a fixed
 * sparsity pattern, one residual evaluation per Curtis-Powell-Reid column group
 * ({@link ColumnColoring}).
 *
 * <p>Increments. For a differential column j, DASSL's DDAJAC rule (Brenan, Campbell &amp; Petzold
 * 1996, sec. 5.2.3): {@code inc_j = sqrt(uround) max(|y_j|, |h y'_j|, 1/w_j)} with the sign of
 * h y'_j, where 1/w_j = rtol |y_j| + atol_j; y_j is perturbed by inc_j and y'_j by cj inc_j. The
 * cj inc_j perturbation of y'_j changes F by about inc_j / h, far above round-off, so the increment
 * may be small, which keeps the quotient accurate for components much smaller than their atol.
 * SUNDIALS IDA instead uses {@code max(sqrt(uround) max(|y_j|, |h y'_j|), 1/w_j)} for every column;
 * on SUNDIALS' own Robertson example (atol 1e-6 for y2 ~ 1e-10) that increment makes the quotient of
 * 3e7 y2^2 wrong by 3e7 * 1e-6 = 30 against a true 6e-3, and the run needed 140 times more steps.
 * For an algebraic column there is no cj term, and a component near zero with a tiny atol would
 * get an increment below round-off; there IDA's rule, floored at the tolerance scale 1/w_j, is used.
 * Since BDF ties y' to y through y' = y'_pred + cj (y - y_pred), this single perturbation differentiates
 * F along exactly the direction the Newton iteration moves, giving column j of dF/dy + cj dF/dy'.
 *
 * <p>The same machinery computes the consistent-initialisation matrix, whose column j is dF/dy_j
 * for algebraic components and dF/dy'_j for differential ones.
 *
 * <p>Allocates its workspace once; {@link #iterationMatrix} and {@link #initializationMatrix}
 * allocate nothing.
 */
final class ColoredFiniteDifferenceJacobian {
    private static final double SQRT_UROUND = Math.sqrt(Math.ulp(1.0));

    private final ColumnColoring coloring;
    private final double[] yPerturbed;
    private final double[] yDotPerturbed;
    private final double[] residualPerturbed;
    private final double[] increment;

    ColoredFiniteDifferenceJacobian(CsrMatrix pattern) {
        this.coloring = ColumnColoring.of(pattern);
        int n = pattern.columns();
        yPerturbed = new double[n];
        yDotPerturbed = new double[n];
        residualPerturbed = new double[n];
        increment = new double[n];
    }

    /** Residual evaluations per Jacobian. */
    int groupCount() {
        return coloring.groupCount();
    }

    ColumnColoring coloring() {
        return coloring;
    }

    /**
     * Fills {@code jacobian} with the forward-difference dF/dy + cj dF/dy' at (t, y, yDot).
     *
     * @param residual F(t, y, yDot), already evaluated by the caller
     * @param weights  error weights 1/(rtol |y_i| + atol_i)
     * @param h        current step size (scales the increment like IDA)
     */
    void iterationMatrix(DaeSystem system, double t, double[] y, double[] yDot, double cj, double h,
            double[] residual, double[] weights, boolean[] algebraic, CsrMatrix jacobian) {
        int n = y.length;
        System.arraycopy(y, 0, yPerturbed, 0, n);
        System.arraycopy(yDot, 0, yDotPerturbed, 0, n);
        int[] gStart = coloring.groupStart();
        int[] gCols = coloring.groupColumns();
        for (int g = 0; g < coloring.groupCount(); g++) {
            for (int q = gStart[g]; q < gStart[g + 1]; q++) {
                int j = gCols[q];
                double yj = y[j];
                double hyp = h * yDot[j];
                double scale = Math.max(Math.abs(yj), Math.abs(hyp));
                double inc = algebraic[j] ? Math.max(SQRT_UROUND * scale, 1.0 / weights[j])
                        : SQRT_UROUND * Math.max(scale, 1.0 / weights[j]);
                if (hyp < 0.0) {
                    inc = -inc;
                }
                inc = (yj + inc) - yj; // the increment actually represented in floating point
                increment[j] = inc;
                yPerturbed[j] = yj + inc;
                yDotPerturbed[j] = yDot[j] + cj * inc;
            }
            system.residual(t, yPerturbed, yDotPerturbed, residualPerturbed);
            scatterGroup(g, residual, jacobian, y, yDot);
        }
    }

    /**
     * Fills {@code matrix} with the consistent-initialisation Jacobian: column j is dF/dy_j for
     * algebraic j and dF/dy'_j for differential j.
     *
     * @param timeScale time scale converting y'-increments to y units (increments: IDA's rule,
     *                  max(sqrt(uround) |y_j|, 1/w_j) for algebraic y_j and
     *                  max(sqrt(uround) |y'_j|, 1/(w_j timeScale)) for differential y'_j)
     */
    void initializationMatrix(DaeSystem system, double t, double[] y, double[] yDot, boolean[] algebraic,
            double timeScale, double[] residual, double[] weights, CsrMatrix matrix) {
        int n = y.length;
        System.arraycopy(y, 0, yPerturbed, 0, n);
        System.arraycopy(yDot, 0, yDotPerturbed, 0, n);
        int[] gStart = coloring.groupStart();
        int[] gCols = coloring.groupColumns();
        for (int g = 0; g < coloring.groupCount(); g++) {
            for (int q = gStart[g]; q < gStart[g + 1]; q++) {
                int j = gCols[q];
                if (algebraic[j]) {
                    double yj = y[j];
                    double inc = Math.max(SQRT_UROUND * Math.abs(yj), 1.0 / weights[j]);
                    inc = (yj + inc) - yj;
                    increment[j] = inc;
                    yPerturbed[j] = yj + inc;
                } else {
                    double ypj = yDot[j];
                    double inc = Math.max(SQRT_UROUND * Math.abs(ypj), 1.0 / (weights[j] * timeScale));
                    inc = (ypj + inc) - ypj;
                    increment[j] = inc;
                    yDotPerturbed[j] = ypj + inc;
                }
            }
            system.residual(t, yPerturbed, yDotPerturbed, residualPerturbed);
            scatterGroup(g, residual, matrix, y, yDot);
        }
    }

    /** Writes the difference quotients of group g into the matrix and undoes the perturbation. */
    private void scatterGroup(int g, double[] residual, CsrMatrix matrix, double[] y, double[] yDot) {
        int[] gStart = coloring.groupStart();
        int[] gCols = coloring.groupColumns();
        int[] cStart = coloring.columnStart();
        int[] cRow = coloring.columnRow();
        int[] cSlot = coloring.columnSlot();
        double[] values = matrix.values();
        for (int q = gStart[g]; q < gStart[g + 1]; q++) {
            int j = gCols[q];
            double inv = 1.0 / increment[j];
            for (int p = cStart[j]; p < cStart[j + 1]; p++) {
                int r = cRow[p];
                values[cSlot[p]] = (residualPerturbed[r] - residual[r]) * inv;
            }
            yPerturbed[j] = y[j];
            yDotPerturbed[j] = yDot[j];
        }
    }
}

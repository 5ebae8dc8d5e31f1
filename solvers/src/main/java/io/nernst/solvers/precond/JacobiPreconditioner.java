package io.nernst.solvers.precond;

import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Jacobi (diagonal) preconditioner {@code M = diag(A)} (Saad 2003, section 10.2). Cheap and
 * fully parallel; it removes badly scaled rows, e.g. from strongly varying coefficients, but
 * does nothing for a matrix whose diagonal is constant.
 */
public final class JacobiPreconditioner implements Preconditioner {
    private CsrMatrix analysedPattern;
    private int n = -1;
    /** Slot of the diagonal entry of each row in the analysed pattern, -1 when absent. */
    private int[] diagonalSlot;
    private double[] inverseDiagonal;
    private boolean ready;

    @Override
    public void analyse(CsrMatrix pattern) {
        PreconditionerChecks.requireSquare(pattern);
        n = pattern.rows();
        analysedPattern = pattern;
        diagonalSlot = new int[n];
        for (int i = 0; i < n; i++) {
            diagonalSlot[i] = pattern.slot(i, i);
        }
        inverseDiagonal = new double[n];
        ready = false;
    }

    @Override
    public void setup(CsrMatrix matrix) {
        if (analysedPattern == null || !matrix.samePattern(analysedPattern)) {
            analyse(matrix);
        }
        ready = false;
        double[] values = matrix.values();
        for (int i = 0; i < n; i++) {
            int slot = diagonalSlot[i];
            double d = slot < 0 ? 0.0 : values[slot];
            PreconditionerChecks.requireFinite(i, i, d);
            if (d == 0.0) {
                throw new SingularMatrixException("Jacobi preconditioner: zero diagonal entry at row " + i
                        + (slot < 0 ? " (not in the pattern)" : ""), i);
            }
            inverseDiagonal[i] = 1.0 / d;
        }
        ready = true;
    }

    @Override
    public void apply(double[] r, double[] z) {
        if (!ready) {
            throw new IllegalStateException("setup must succeed before apply");
        }
        for (int i = 0; i < n; i++) {
            z[i] = r[i] * inverseDiagonal[i];
        }
    }

    @Override
    public String name() {
        return "jacobi";
    }
}

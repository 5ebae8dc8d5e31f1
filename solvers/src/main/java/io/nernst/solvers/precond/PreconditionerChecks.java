package io.nernst.solvers.precond;

import io.nernst.solvers.sparse.CsrMatrix;

/** Argument checks shared by the preconditioners. */
final class PreconditionerChecks {
    private PreconditionerChecks() {
    }

    static void requireSquare(CsrMatrix pattern) {
        if (pattern.rows() != pattern.columns()) {
            throw new IllegalArgumentException("a preconditioner needs a square matrix, got "
                    + pattern.rows() + " x " + pattern.columns());
        }
    }

    static void requireFinite(int row, int column, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("matrix entry (row " + row + ", column " + column + ") is " + value
                    + "; only finite values are allowed");
        }
    }
}

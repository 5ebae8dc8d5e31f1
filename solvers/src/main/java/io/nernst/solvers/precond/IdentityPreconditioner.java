package io.nernst.solvers.precond;

import io.nernst.solvers.sparse.CsrMatrix;

/** The trivial preconditioner {@code M = I}: lets a Krylov method run unpreconditioned. */
public final class IdentityPreconditioner implements Preconditioner {
    private int n = -1;

    @Override
    public void analyse(CsrMatrix pattern) {
        PreconditionerChecks.requireSquare(pattern);
        n = pattern.rows();
    }

    @Override
    public void setup(CsrMatrix matrix) {
        if (matrix.rows() != n) {
            analyse(matrix);
        }
    }

    @Override
    public void apply(double[] r, double[] z) {
        if (n < 0) {
            throw new IllegalStateException("setup must be called before apply");
        }
        if (r != z) {
            System.arraycopy(r, 0, z, 0, n);
        }
    }

    @Override
    public String name() {
        return "none";
    }
}

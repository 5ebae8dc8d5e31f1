package io.nernst.solvers.multigrid;

import io.nernst.solvers.precond.Preconditioner;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * One {@link GeometricMultigrid} V-cycle as a {@link Preconditioner} for the Krylov solvers of
 * {@code io.nernst.solvers.krylov}: {@code z = B r} with B the V-cycle from a zero initial guess.
 * The matrix must be the symmetric five-point M-matrix of a known cell-centred grid (see
 * {@link MultigridLinearSolver} for how the coefficients are read back); the cost of
 * {@link #apply} is O(n), so GMRES or BiCGSTAB with this preconditioner needs a number of
 * iterations independent of the grid size.
 */
public final class MultigridPreconditioner implements Preconditioner {
    private final MultigridLinearSolver reader;
    private double[] copy;
    private boolean ready;

    /**
     * @param nx        cells along x
     * @param ny        cells along y
     * @param dx        cell width [m]
     * @param dy        cell height [m]
     * @param periodicX whether columns 0 and nx-1 couple
     * @param south     condition of the wall below row 0
     * @param north     condition of the wall above row ny-1
     * @param settings  smoothing and coarsening settings (the tolerance is not used)
     */
    public MultigridPreconditioner(int nx, int ny, double dx, double dy, boolean periodicX, WallCondition south,
                                   WallCondition north, MultigridSettings settings) {
        this.reader = new MultigridLinearSolver(nx, ny, dx, dy, periodicX, south, north, settings);
    }

    @Override
    public void analyse(CsrMatrix pattern) {
        reader.analyse(pattern);
        copy = new double[pattern.rows()];
        ready = false;
    }

    @Override
    public void setup(CsrMatrix matrix) {
        if (copy == null || copy.length != matrix.rows()) {
            analyse(matrix);
        }
        ready = false;
        reader.factor(matrix);
        ready = true;
    }

    @Override
    public void apply(double[] r, double[] z) {
        if (!ready) {
            throw new IllegalStateException("setup must succeed before apply");
        }
        double[] source = r;
        if (r == z) {
            System.arraycopy(r, 0, copy, 0, copy.length);
            source = copy;
        }
        reader.multigrid().precondition(source, z);
    }

    @Override
    public String name() {
        return "multigrid";
    }
}

package io.nernst.solvers.multigrid;

import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * {@link GeometricMultigrid} behind the {@link LinearSolver} interface, for assembled
 * five-point matrices of a known cell-centred grid (cell {@code (i, j)} = row {@code i + nx j}).
 *
 * <p>{@link #factor} reads the face coefficients back from the off-diagonals
 * ({@code k_face = -a_ij h^2}) and the reaction from the diagonal excess
 * {@code a_ii - sum_j |a_ij|}. The matrix must be symmetric with non-positive off-diagonals and
 * a non-negative diagonal excess (a symmetric M-matrix, as any two-point-flux diffusion
 * discretisation is). In a cell next to a Dirichlet wall the excess holds both the reaction and
 * the wall coupling {@code 2 k_wall / h^2}; they are separated by taking {@code k_wall} equal to
 * the cell's opposite face coefficient. This guess only shapes the coarse levels: the fine level
 * reproduces the given matrix exactly, so the solution is that of the given system.
 */
public final class MultigridLinearSolver implements LinearSolver {
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    private final int nx;
    private final int ny;
    private final double dx;
    private final double dy;
    private final boolean periodicX;
    private final WallCondition southCondition;
    private final WallCondition northCondition;
    private final GeometricMultigrid multigrid;
    private CsrMatrix analysed;
    private double[] workRhs;
    private boolean factored;

    /**
     * @param nx        cells along x
     * @param ny        cells along y
     * @param dx        cell width [m]
     * @param dy        cell height [m]
     * @param periodicX whether columns 0 and nx-1 couple
     * @param south     condition of the wall below row 0
     * @param north     condition of the wall above row ny-1
     * @param settings  multigrid settings (tolerance, acceleration)
     */
    public MultigridLinearSolver(int nx, int ny, double dx, double dy, boolean periodicX, WallCondition south,
                                 WallCondition north, MultigridSettings settings) {
        this.multigrid = new GeometricMultigrid(nx, ny, dx, dy, periodicX, south, north, settings);
        this.nx = nx;
        this.ny = ny;
        this.dx = dx;
        this.dy = dy;
        this.periodicX = periodicX;
        this.southCondition = south;
        this.northCondition = north;
    }

    /** The underlying multigrid (for statistics such as {@link GeometricMultigrid#lastIterations()}). */
    public GeometricMultigrid multigrid() {
        return multigrid;
    }

    @Override
    public void analyse(CsrMatrix pattern) {
        int n = nx * ny;
        if (pattern.rows() != n || pattern.columns() != n) {
            throw new IllegalArgumentException("matrix is " + pattern.rows() + " x " + pattern.columns()
                    + " but the " + nx + " x " + ny + " grid has " + n + " cells");
        }
        int[] rs = pattern.rowStart();
        int[] ci = pattern.columnIndex();
        for (int k = 0; k < n; k++) {
            for (int p = rs[k]; p < rs[k + 1]; p++) {
                int c = ci[p];
                if (c != k && c != west(k) && c != east(k) && c != south(k) && c != north(k)) {
                    throw new IllegalArgumentException("entry (row " + k + ", column " + c
                            + ") is not a five-point neighbour on the " + nx + " x " + ny + " grid");
                }
            }
        }
        analysed = pattern;
        workRhs = new double[n];
        factored = false;
    }

    private int west(int k) {
        int i = k % nx;
        return i > 0 ? k - 1 : (periodicX && nx > 1 ? k + nx - 1 : -1);
    }

    private int east(int k) {
        int i = k % nx;
        return i < nx - 1 ? k + 1 : (periodicX && nx > 1 ? k - nx + 1 : -1);
    }

    private int south(int k) {
        return k >= nx ? k - nx : -1;
    }

    private int north(int k) {
        return k + nx < nx * ny ? k + nx : -1;
    }

    @Override
    public void factor(CsrMatrix matrix) {
        if (analysed == null) {
            throw new IllegalStateException("analyse must be called before factor");
        }
        if (!matrix.samePattern(analysed)) {
            throw new IllegalArgumentException("matrix pattern differs from the analysed pattern");
        }
        matrix.checkFinite();
        factored = false;
        double[] kWest = multigrid.westFaceCoefficients();
        double[] kSouth = multigrid.southFaceCoefficients();
        double[] kNorth = multigrid.northWallCoefficients();
        double[] m = multigrid.reactionCoefficients();
        int n = nx * ny;
        double dx2 = dx * dx;
        double dy2 = dy * dy;
        for (int k = 0; k < n; k++) {
            int w = west(k);
            double aw = 0.0;
            if (w >= 0) {
                aw = offDiagonal(matrix, k, w);
                if (w == east(k)) {
                    aw *= 0.5; // two periodic columns: both faces share one entry
                }
            }
            kWest[k] = -aw * dx2;
            int s = south(k);
            kSouth[k] = s >= 0 ? -offDiagonal(matrix, k, s) * dy2 : 0.0;
        }
        java.util.Arrays.fill(kNorth, 0.0);
        for (int k = 0; k < n; k++) {
            int i = k % nx;
            int j = k / nx;
            double sum = 0.0;
            if (west(k) >= 0) {
                sum += kWest[k] / dx2;
            }
            if (east(k) >= 0) {
                sum += kWest[i < nx - 1 ? k + 1 : k - nx + 1] / dx2;
            }
            if (j > 0) {
                sum += kSouth[k] / dy2;
            }
            if (j < ny - 1) {
                sum += kSouth[k + nx] / dy2;
            }
            double diagonal = matrix.get(k, k);
            double excess = diagonal - sum;
            if (excess < -SYMMETRY_TOLERANCE * Math.abs(diagonal)) {
                throw new IllegalArgumentException("row " + k + " (cell i=" + i + ", j=" + j + "): diagonal " + diagonal
                        + " is below the sum of the off-diagonal magnitudes " + sum
                        + "; the multigrid solver needs a symmetric M-matrix");
            }
            excess = Math.max(excess, 0.0);
            if (j == 0 && wallIsDirichlet(WallSide.SOUTH)) {
                double guess = ny > 1 ? kSouth[k + nx] : kWest[k];
                double wallTerm = 2.0 * guess / dy2;
                if (wallTerm > excess || guess == 0.0) {
                    wallTerm = excess;
                }
                kSouth[k] = 0.5 * wallTerm * dy2;
                excess -= wallTerm;
            }
            if (j == ny - 1 && wallIsDirichlet(WallSide.NORTH)) {
                double guess = ny > 1 ? kSouth[k] : kWest[k];
                if (j == 0 && wallIsDirichlet(WallSide.SOUTH)) {
                    guess = kSouth[k]; // single row: split the remaining excess evenly with the south wall
                }
                double wallTerm = 2.0 * guess / dy2;
                if (wallTerm > excess || guess == 0.0) {
                    wallTerm = excess;
                }
                kNorth[i] = 0.5 * wallTerm * dy2;
                excess -= wallTerm;
            }
            m[k] = Math.max(excess, 0.0);
        }
        multigrid.update();
        factored = true;
    }

    private boolean wallIsDirichlet(WallSide side) {
        return (side == WallSide.SOUTH ? southCondition : northCondition) == WallCondition.DIRICHLET;
    }

    private double offDiagonal(CsrMatrix matrix, int row, int column) {
        double a = matrix.get(row, column);
        double b = matrix.get(column, row);
        double scale = Math.max(Math.abs(a), Math.abs(b));
        if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
            throw new IllegalArgumentException("matrix is not symmetric: entry (row " + row + ", column " + column + ") = " + a
                    + " but (row " + column + ", column " + row + ") = " + b);
        }
        if (a > 0.0) {
            throw new IllegalArgumentException("entry (row " + row + ", column " + column + ") = " + a
                    + " is positive; the multigrid solver needs non-positive off-diagonals (a diffusion operator)");
        }
        return a;
    }

    @Override
    public void solve(double[] rhs, double[] solution) {
        if (!factored) {
            throw new IllegalStateException("factor must succeed before solve");
        }
        int n = nx * ny;
        if (rhs.length < n || solution.length < n) {
            throw new IllegalArgumentException("rhs and solution need length " + n + ", got " + rhs.length + " and "
                    + solution.length);
        }
        System.arraycopy(rhs, 0, workRhs, 0, n);
        java.util.Arrays.fill(solution, 0, n, 0.0);
        multigrid.solve(workRhs, solution);
    }

    @Override
    public String name() {
        return "multigrid";
    }
}

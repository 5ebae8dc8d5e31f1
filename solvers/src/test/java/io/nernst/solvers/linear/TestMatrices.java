package io.nernst.solvers.linear;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Deterministic test matrices for linear-solver tests, plus the dense EJML reference solve.
 *
 * <p>Every generator takes a seed so that a failure is reproducible; values are O(1) so that
 * a relative tolerance of 1e-10 on the solution is meaningful (condition numbers stay far
 * below 1e5 except where a test deliberately builds a singular matrix).
 */
public final class TestMatrices {
    private TestMatrices() {
    }

    /** Growable coordinate list, so generators can be written row by row. */
    public static final class Triplets {
        private final int rows;
        private final int columns;
        private int[] rowOf = new int[64];
        private int[] colOf = new int[64];
        private double[] value = new double[64];
        private int count;

        public Triplets(int rows, int columns) {
            this.rows = rows;
            this.columns = columns;
        }

        public Triplets add(int row, int column, double v) {
            if (count == rowOf.length) {
                rowOf = java.util.Arrays.copyOf(rowOf, 2 * count);
                colOf = java.util.Arrays.copyOf(colOf, 2 * count);
                value = java.util.Arrays.copyOf(value, 2 * count);
            }
            rowOf[count] = row;
            colOf[count] = column;
            value[count] = v;
            count++;
            return this;
        }

        public CsrMatrix toCsr() {
            return CsrMatrix.fromTriplets(rows, columns, rowOf, colOf, value, count);
        }
    }

    /**
     * Random nonsymmetric matrix with a random nonsymmetric pattern (about {@code offDiagonalPerRow}
     * off-diagonal entries per row, uniform in [-1, 1]) and a diagonal exceeding the absolute row
     * sum by a random factor in [1.2, 2.2], so it is strictly diagonally dominant.
     */
    public static CsrMatrix randomDiagonallyDominant(int n, int offDiagonalPerRow, long seed) {
        Random random = new Random(seed);
        Triplets t = new Triplets(n, n);
        for (int i = 0; i < n; i++) {
            double rowSum = 0.0;
            for (int k = 0; k < offDiagonalPerRow; k++) {
                int j = random.nextInt(n);
                if (j == i) {
                    continue;
                }
                double v = 2.0 * random.nextDouble() - 1.0;
                // Duplicates are summed by fromTriplets; bounding by |v| keeps dominance exact.
                rowSum += Math.abs(v);
                t.add(i, j, v);
            }
            double sign = random.nextBoolean() ? 1.0 : -1.0;
            t.add(i, i, sign * (rowSum * (1.2 + random.nextDouble()) + 0.5));
        }
        return t.toCsr();
    }

    /**
     * Steady convection-diffusion -Δu + b·∇u on the unit square with homogeneous Dirichlet
     * boundaries, 5-point diffusion and first-order upwind convection on an nx x ny interior
     * grid, unknown k = i + nx j. Nonsymmetric for nonzero velocity; an M-matrix for any
     * velocity (upwinding), scaled by h^2 so entries are O(1).
     *
     * @param velocityX convective velocity b_x (cell Peclet number = velocityX h / 2)
     * @param velocityY convective velocity b_y
     */
    public static CsrMatrix convectionDiffusion2D(int nx, int ny, double velocityX, double velocityY) {
        double hx = 1.0 / (nx + 1);
        double hy = 1.0 / (ny + 1);
        // Scale everything by hx*hy so diffusion entries are O(1).
        double dx = hy / hx;
        double dy = hx / hy;
        double cx = Math.abs(velocityX) * hy;
        double cy = Math.abs(velocityY) * hx;
        Triplets t = new Triplets(nx * ny, nx * ny);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = i + nx * j;
                double west = -dx - (velocityX > 0 ? cx : 0.0);
                double east = -dx - (velocityX < 0 ? cx : 0.0);
                double south = -dy - (velocityY > 0 ? cy : 0.0);
                double north = -dy - (velocityY < 0 ? cy : 0.0);
                t.add(k, k, 2 * dx + 2 * dy + cx + cy);
                if (i > 0) {
                    t.add(k, k - 1, west);
                }
                if (i < nx - 1) {
                    t.add(k, k + 1, east);
                }
                if (j > 0) {
                    t.add(k, k - nx, south);
                }
                if (j < ny - 1) {
                    t.add(k, k + nx, north);
                }
            }
        }
        return t.toCsr();
    }

    /**
     * 1D block-tridiagonal system with {@code fields} coupled unknowns per point, interleaved
     * (unknown = point * fields + field), like a finite-volume Jacobian of coupled 1D PDEs.
     * Diagonal blocks are dense random blocks with a dominant diagonal; neighbour blocks are
     * dense random with entries in [-0.5, 0.5], nonsymmetric.
     */
    public static CsrMatrix blockTridiagonal(int points, int fields, long seed) {
        return blockTridiagonal(points, fields, seed, false);
    }

    /**
     * As {@link #blockTridiagonal(int, int, long)}; with {@code permuteFieldsInRows} the rows
     * inside every block row are cyclically shifted so that the dominant entries leave the
     * diagonal and any solver must pivot (the matrix stays nonsingular: a row permutation of
     * a diagonally dominant one).
     */
    public static CsrMatrix blockTridiagonal(int points, int fields, long seed, boolean permuteFieldsInRows) {
        Random random = new Random(seed);
        int n = points * fields;
        Triplets t = new Triplets(n, n);
        for (int p = 0; p < points; p++) {
            for (int f = 0; f < fields; f++) {
                int sourceRow = p * fields + f;
                int row = permuteFieldsInRows ? p * fields + (f + 1) % fields : sourceRow;
                double rowSum = 0.0;
                for (int q = Math.max(0, p - 1); q <= Math.min(points - 1, p + 1); q++) {
                    for (int g = 0; g < fields; g++) {
                        int col = q * fields + g;
                        if (col == sourceRow) {
                            continue;
                        }
                        double v = q == p ? 2.0 * random.nextDouble() - 1.0 : random.nextDouble() - 0.5;
                        rowSum += Math.abs(v);
                        t.add(row, col, v);
                    }
                }
                t.add(row, sourceRow, (random.nextBoolean() ? 1.0 : -1.0) * (1.1 + random.nextDouble()) * (rowSum + 0.1));
            }
        }
        return t.toCsr();
    }

    /**
     * A nonsingular matrix on which LU without row interchanges fails or is unstable: rows of
     * a diagonally dominant random matrix are permuted by a random derangement, and the
     * diagonal then holds an explicit stored zero (even rows) or a tiny value 1e-13 (odd rows)
     * unless the permuted row already has an entry there.
     */
    public static CsrMatrix needsPivoting(int n, int offDiagonalPerRow, long seed) {
        CsrMatrix b = randomDiagonallyDominant(n, offDiagonalPerRow, seed);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int[] perm = derangement(n, random);
        Triplets t = new Triplets(n, n);
        for (int i = 0; i < n; i++) {
            int src = perm[i];
            boolean hasDiagonal = false;
            for (int p = b.rowStart()[src]; p < b.rowStart()[src + 1]; p++) {
                int c = b.columnIndex()[p];
                hasDiagonal |= c == i;
                t.add(i, c, b.values()[p]);
            }
            if (!hasDiagonal) {
                t.add(i, i, i % 2 == 0 ? 0.0 : 1e-13);
            }
        }
        return t.toCsr();
    }

    /** Random permutation without fixed points (Sattolo's algorithm gives a single n-cycle). */
    public static int[] derangement(int n, Random random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int s = perm[i];
            perm[i] = perm[j];
            perm[j] = s;
        }
        return perm;
    }

    /** A diagonally dominant random matrix whose row {@code emptyRow} has no stored entries. */
    public static CsrMatrix singularEmptyRow(int n, int emptyRow, long seed) {
        return dropEntries(randomDiagonallyDominant(n, 4, seed), emptyRow, -1);
    }

    /** A diagonally dominant random matrix whose column {@code emptyColumn} has no stored entries. */
    public static CsrMatrix singularEmptyColumn(int n, int emptyColumn, long seed) {
        return dropEntries(randomDiagonallyDominant(n, 4, seed), -1, emptyColumn);
    }

    /**
     * Structurally rank deficient without an empty row or column: rows {@code rowA} and
     * {@code rowB} each hold a single entry, both in column {@code column}; every other row
     * is diagonally dominant. No perfect matching exists (two rows compete for one column),
     * and the two rows are linearly dependent, so the matrix is singular for any values.
     */
    public static CsrMatrix structurallyRankDeficient(int n, int rowA, int rowB, int column, long seed) {
        CsrMatrix b = randomDiagonallyDominant(n, 4, seed);
        Triplets t = new Triplets(n, n);
        for (int i = 0; i < n; i++) {
            if (i == rowA || i == rowB) {
                t.add(i, column, i == rowA ? 2.0 : -3.0);
                continue;
            }
            for (int p = b.rowStart()[i]; p < b.rowStart()[i + 1]; p++) {
                t.add(i, b.columnIndex()[p], b.values()[p]);
            }
        }
        return t.toCsr();
    }

    /** A diagonally dominant random matrix whose row {@code copy} is overwritten by row {@code source}. */
    public static CsrMatrix singularEqualRows(int n, int source, int copy, long seed) {
        CsrMatrix b = randomDiagonallyDominant(n, 4, seed);
        Triplets t = new Triplets(n, n);
        for (int i = 0; i < n; i++) {
            int from = i == copy ? source : i;
            for (int p = b.rowStart()[from]; p < b.rowStart()[from + 1]; p++) {
                t.add(i, b.columnIndex()[p], b.values()[p]);
            }
        }
        return t.toCsr();
    }

    private static CsrMatrix dropEntries(CsrMatrix a, int row, int column) {
        Triplets t = new Triplets(a.rows(), a.columns());
        for (int i = 0; i < a.rows(); i++) {
            if (i == row) {
                continue;
            }
            for (int p = a.rowStart()[i]; p < a.rowStart()[i + 1]; p++) {
                int c = a.columnIndex()[p];
                if (c != column) {
                    t.add(i, c, a.values()[p]);
                }
            }
        }
        return t.toCsr();
    }

    /**
     * Overwrites the values of {@code target} (same pattern as {@code source}) with
     * source values times a random factor in [1 - spread, 1 + spread], a refill that keeps the
     * pattern but changes every value, as a Newton iteration would.
     */
    public static void perturbValues(CsrMatrix source, CsrMatrix target, double spread, long seed) {
        Random random = new Random(seed);
        double[] s = source.values();
        double[] v = target.values();
        for (int p = 0; p < source.nonZeros(); p++) {
            v[p] = s[p] * (1.0 + spread * (2.0 * random.nextDouble() - 1.0));
        }
    }

    /**
     * The symmetric permutation B = A(order, order): B(i, j) = A(order[i], order[j]) (new-to-old).
     */
    public static CsrMatrix permuteSymmetric(CsrMatrix a, int[] order) {
        int n = a.rows();
        int[] position = new int[n];
        for (int k = 0; k < n; k++) {
            position[order[k]] = k;
        }
        Triplets t = new Triplets(n, n);
        for (int r = 0; r < n; r++) {
            for (int p = a.rowStart()[r]; p < a.rowStart()[r + 1]; p++) {
                t.add(position[r], position[a.columnIndex()[p]], a.values()[p]);
            }
        }
        return t.toCsr();
    }

    /**
     * Order taking an interleaved (point-major) numbering of {@code fields} fields on
     * {@code points} points to field-major numbering: new unknown f * points + p is old p * fields + f.
     */
    public static int[] fieldMajorOrder(int points, int fields) {
        int[] order = new int[points * fields];
        for (int f = 0; f < fields; f++) {
            for (int p = 0; p < points; p++) {
                order[f * points + p] = p * fields + f;
            }
        }
        return order;
    }

    /** Random vector with entries in [-1, 1]. */
    public static double[] randomVector(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2.0 * random.nextDouble() - 1.0;
        }
        return x;
    }

    /** Dense EJML copy of a CSR matrix. */
    public static DMatrixRMaj toDense(CsrMatrix a) {
        DMatrixRMaj d = new DMatrixRMaj(a.rows(), a.columns());
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart()[i]; p < a.rowStart()[i + 1]; p++) {
                d.set(i, a.columnIndex()[p], a.values()[p]);
            }
        }
        return d;
    }

    /** Reference solution of A x = b by EJML's dense LU with partial pivoting. */
    public static double[] referenceSolve(CsrMatrix a, double[] b) {
        int n = a.rows();
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(toDense(a))) {
            throw new IllegalStateException("reference LU failed: matrix is singular");
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        lu.solve(rhs, x);
        return x.data.clone();
    }

    /** ||x - reference||_2 / ||reference||_2. */
    public static double relativeError(double[] x, double[] reference) {
        double diff = 0.0;
        double norm = 0.0;
        for (int i = 0; i < reference.length; i++) {
            double d = x[i] - reference[i];
            diff += d * d;
            norm += reference[i] * reference[i];
        }
        return Math.sqrt(diff / norm);
    }
}

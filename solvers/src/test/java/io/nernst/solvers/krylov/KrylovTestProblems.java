package io.nernst.solvers.krylov;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Matrices and helpers shared by the Krylov tests. */
final class KrylovTestProblems {
    private KrylovTestProblems() {
    }

    /** Nonsymmetric 2D convection-diffusion, central convection at cell Peclet 0.48 / 0.32: an M-matrix. */
    static CsrMatrix convectionDiffusion(int gridSize) {
        double h = 1.0 / (gridSize + 1);
        double velocityX = 0.96 / h;
        double velocityY = -0.64 / h;
        return ConvectionDiffusion2D.assemble(gridSize, gridSize, (x, y) -> 1.0, velocityX, velocityY,
                ConvectionDiffusion2D.Convection.CENTRAL);
    }

    /**
     * Random sparse nonsymmetric matrix, strictly row diagonally dominant with diagonal entries of
     * both signs (so it is neither symmetric nor definite).
     */
    static CsrMatrix randomDiagonallyDominant(int n, int offDiagonalsPerRow, long seed) {
        Random random = new Random(seed);
        int count = n * (offDiagonalsPerRow + 1);
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] vals = new double[count];
        int t = 0;
        for (int i = 0; i < n; i++) {
            double rowSum = 0.0;
            for (int k = 0; k < offDiagonalsPerRow; k++) {
                int j = random.nextInt(n);
                if (j == i) {
                    j = (i + 1) % n;
                }
                double a = 2.0 * random.nextDouble() - 1.0;
                rows[t] = i;
                cols[t] = j;
                vals[t++] = a;
                rowSum += Math.abs(a); // duplicates add up, so this bounds the row's off-diagonal sum
            }
            rows[t] = i;
            cols[t] = i;
            vals[t++] = (random.nextBoolean() ? 1.0 : -1.0) * (1.2 * rowSum + 0.1);
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, t);
    }

    /**
     * Block tridiagonal matrix with dense {@code blockSize x blockSize} blocks: random nonsymmetric
     * diagonal blocks made row diagonally dominant over the whole block row.
     */
    static CsrMatrix blockTridiagonal(int blocks, int blockSize, long seed) {
        Random random = new Random(seed);
        int n = blocks * blockSize;
        int count = 3 * blocks * blockSize * blockSize;
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] vals = new double[count];
        int t = 0;
        for (int block = 0; block < blocks; block++) {
            for (int local = 0; local < blockSize; local++) {
                int i = block * blockSize + local;
                double rowSum = 0.0;
                for (int neighbour = Math.max(0, block - 1); neighbour <= Math.min(blocks - 1, block + 1); neighbour++) {
                    for (int c = 0; c < blockSize; c++) {
                        int j = neighbour * blockSize + c;
                        if (j == i) {
                            continue;
                        }
                        double a = (neighbour == block ? 1.0 : 0.5) * (2.0 * random.nextDouble() - 1.0);
                        rows[t] = i;
                        cols[t] = j;
                        vals[t++] = a;
                        rowSum += Math.abs(a);
                    }
                }
                rows[t] = i;
                cols[t] = i;
                vals[t++] = 1.05 * rowSum + 0.05;
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, t);
    }

    static double[] randomVector(int n, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2.0 * random.nextDouble() - 1.0;
        }
        return v;
    }

    /** ||b - A x||_2 / ||b||_2 computed independently of the solvers. */
    static double relativeResidual(CsrMatrix a, double[] b, double[] x) {
        double[] ax = new double[a.rows()];
        a.multiply(x, ax);
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < b.length; i++) {
            num += (b[i] - ax[i]) * (b[i] - ax[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    static double relativeDifference(double[] x, double[] reference) {
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - reference[i]) * (x[i] - reference[i]);
            den += reference[i] * reference[i];
        }
        return Math.sqrt(num / den);
    }

    /** Reference solution by EJML's dense LU with partial pivoting. */
    static double[] ejmlDenseLuSolve(CsrMatrix a, double[] b) {
        int n = a.rows();
        DMatrixRMaj dense = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int p = a.rowStart()[i]; p < a.rowStart()[i + 1]; p++) {
                dense.set(i, a.columnIndex()[p], a.values()[p]);
            }
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(dense)) {
            throw new AssertionError("EJML reports the reference matrix singular");
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        lu.solve(rhs, x);
        return x.getData().clone();
    }
}

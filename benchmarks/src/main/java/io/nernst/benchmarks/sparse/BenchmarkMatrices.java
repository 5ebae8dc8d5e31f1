package io.nernst.benchmarks.sparse;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.ejml.data.DMatrixSparseCSC;

/** Matrices shared by the sparse-kernel benchmarks, built directly in CSR (fast set-up for large sizes). */
final class BenchmarkMatrices {
    private BenchmarkMatrices() {
    }

    /** 5-point Laplacian (4 on the diagonal, -1 to the grid neighbours) on a k x k grid, unknown i + k j. */
    static CsrMatrix laplacian2D(int k) {
        int n = k * k;
        int[] rowStart = new int[n + 1];
        int[] col = new int[5 * n];
        double[] val = new double[5 * n];
        int nnz = 0;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                int r = i + k * j;
                rowStart[r] = nnz;
                if (j > 0) {
                    col[nnz] = r - k;
                    val[nnz++] = -1.0;
                }
                if (i > 0) {
                    col[nnz] = r - 1;
                    val[nnz++] = -1.0;
                }
                col[nnz] = r;
                val[nnz++] = 4.0;
                if (i < k - 1) {
                    col[nnz] = r + 1;
                    val[nnz++] = -1.0;
                }
                if (j < k - 1) {
                    col[nnz] = r + k;
                    val[nnz++] = -1.0;
                }
            }
        }
        rowStart[n] = nnz;
        return CsrMatrix.wrap(n, n, rowStart, java.util.Arrays.copyOf(col, nnz), java.util.Arrays.copyOf(val, nnz));
    }

    /**
     * A Jacobian-like 1D system of four coupled fields per point, interleaved (unknown = 4 point + field),
     * shaped like a finite-volume DFN electrolyte/electrode block: field 0 (a concentration) and field 2
     * (a potential) diffuse to both neighbours, field 1 (a potential) couples to neighbouring values of
     * itself and of field 0 (migration/diffusion), field 3 (a reaction flux) is local. Within a point every
     * field couples to every other (Butler-Volmer-like source terms). Values are seeded random,
     * nonsymmetric (upwind-like asymmetry), with diagonals large enough for a well-posed system but not
     * dominant in every row, so LU must pivot now and then.
     */
    static CsrMatrix cellLike1D(int points, long seed) {
        final int fields = 4;
        int n = points * fields;
        Random random = new Random(seed);
        int[] rowStart = new int[n + 1];
        int[] col = new int[n * 12];
        double[] val = new double[n * 12];
        int nnz = 0;
        for (int p = 0; p < points; p++) {
            for (int f = 0; f < fields; f++) {
                int r = p * fields + f;
                rowStart[r] = nnz;
                double offSum = 0.0;
                int diagonalSlot = -1;
                // Columns in increasing order: previous point, this point, next point.
                for (int q = p - 1; q <= p + 1; q++) {
                    if (q < 0 || q >= points) {
                        continue;
                    }
                    for (int g = 0; g < fields; g++) {
                        boolean couples = q == p
                                || (g == f && (f == 0 || f == 1 || f == 2))
                                || (f == 1 && g == 0);
                        if (!couples) {
                            continue;
                        }
                        int c = q * fields + g;
                        double v;
                        if (c == r) {
                            diagonalSlot = nnz;
                            v = 0.0;
                        } else if (q == p) {
                            v = 2.0 * random.nextDouble() - 1.0;
                        } else {
                            // Upwind-like asymmetry between left and right neighbours.
                            v = -(q < p ? 1.3 : 0.7) * (0.5 + random.nextDouble());
                        }
                        offSum += Math.abs(v);
                        col[nnz] = c;
                        val[nnz++] = v;
                    }
                }
                // Diagonal between 0.6 and 1.6 times the off-diagonal row sum: not always dominant.
                val[diagonalSlot] = (random.nextBoolean() ? 1 : -1) * (0.6 + random.nextDouble()) * offSum + 0.1;
            }
        }
        rowStart[n] = nnz;
        return CsrMatrix.wrap(n, n, rowStart, java.util.Arrays.copyOf(col, nnz), java.util.Arrays.copyOf(val, nnz));
    }

    /** EJML compressed-column copy. */
    static DMatrixSparseCSC toEjml(CsrMatrix a) {
        DMatrixSparseCSC m = new DMatrixSparseCSC(a.rows(), a.columns(), a.nonZeros());
        int n = a.columns();
        int[] count = new int[n + 1];
        for (int p = 0; p < a.nonZeros(); p++) {
            count[a.columnIndex()[p] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            count[j + 1] += count[j];
        }
        int[] fill = java.util.Arrays.copyOf(count, n);
        m.nz_length = a.nonZeros();
        for (int r = 0; r < a.rows(); r++) {
            for (int p = a.rowStart()[r]; p < a.rowStart()[r + 1]; p++) {
                int q = fill[a.columnIndex()[p]]++;
                m.nz_rows[q] = r;
                m.nz_values[q] = a.values()[p];
            }
        }
        System.arraycopy(count, 0, m.col_idx, 0, n + 1);
        m.indicesSorted = true;
        return m;
    }

    /** Bytes a CSR product moves at minimum: 12 per nonzero (value + column index), 16 per row. */
    static long spmvBytes(CsrMatrix a) {
        return 12L * a.nonZeros() + 16L * a.rows();
    }
}

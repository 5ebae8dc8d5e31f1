package io.nernst.solvers.krylov;

/** Allocation-free BLAS-1 kernels on the first {@code n} entries of primitive arrays. */
final class DenseVectors {
    private DenseVectors() {
    }

    static double dot(int n, double[] x, double[] y) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    static double norm2(int n, double[] x) {
        return Math.sqrt(dot(n, x, x));
    }

    /** y += alpha x. */
    static void axpy(int n, double alpha, double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** x *= alpha. */
    static void scale(int n, double alpha, double[] x) {
        for (int i = 0; i < n; i++) {
            x[i] *= alpha;
        }
    }

    /** r = b - A x, returning ||r||_2. */
    static double residual(io.nernst.solvers.sparse.CsrMatrix a, double[] b, double[] x, double[] r) {
        int[] rowStart = a.rowStart();
        int[] column = a.columnIndex();
        double[] values = a.values();
        int n = a.rows();
        double sumSquares = 0.0;
        for (int i = 0; i < n; i++) {
            double ax = 0.0;
            for (int p = rowStart[i], end = rowStart[i + 1]; p < end; p++) {
                ax += values[p] * x[column[p]];
            }
            double ri = b[i] - ax;
            r[i] = ri;
            sumSquares += ri * ri;
        }
        return Math.sqrt(sumSquares);
    }
}

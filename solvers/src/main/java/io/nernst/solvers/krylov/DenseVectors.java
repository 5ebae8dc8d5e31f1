package io.nernst.solvers.krylov;

/** Allocation-free BLAS-1 kernels on the first {@code n} entries of primitive arrays. */
final class DenseVectors {
    private DenseVectors() {
    }

    /**
     * Inner product with four independent partial sums: Java's strict floating-point order keeps
     * the JIT from vectorising a single-accumulator reduction, and the Arnoldi and BiCGSTAB
     * loops are dominated by these reductions. (The rounding differs from the sequential sum
     * only at the level of n eps |x| |y|, the usual dot-product error bound.)
     */
    static double dot(int n, double[] x, double[] y) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (int end = n - 3; i < end; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
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

    /**
     * {@code w += alpha x}, then returns {@code (w, y)} computed in the same sweep ({@code y} may be
     * {@code w} itself, giving the squared norm of the updated vector). Each element of
     * {@code w} is final before it enters the sum, so the result is exactly what the two
     * separate kernels would give, with one pass over {@code w} fewer: this is how the
     * modified Gram-Schmidt step "subtract the projection on v_i, project on v_{i+1}" is done.
     */
    static double axpyThenDot(int n, double alpha, double[] x, double[] w, double[] y) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (int end = n - 3; i < end; i += 4) {
            double w0 = w[i] + alpha * x[i];
            double w1 = w[i + 1] + alpha * x[i + 1];
            double w2 = w[i + 2] + alpha * x[i + 2];
            double w3 = w[i + 3] + alpha * x[i + 3];
            w[i] = w0;
            w[i + 1] = w1;
            w[i + 2] = w2;
            w[i + 3] = w3;
            s0 += w0 * y[i];
            s1 += w1 * y[i + 1];
            s2 += w2 * y[i + 2];
            s3 += w3 * y[i + 3];
        }
        for (; i < n; i++) {
            double wi = w[i] + alpha * x[i];
            w[i] = wi;
            s0 += wi * y[i];
        }
        return (s0 + s1) + (s2 + s3);
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

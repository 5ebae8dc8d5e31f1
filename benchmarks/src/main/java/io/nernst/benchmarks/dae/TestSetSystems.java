package io.nernst.benchmarks.dae;

import io.nernst.solvers.dae.DaeSystem;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Benchmark problems from the Bari "Test Set for IVP Solvers" (F. Mazzia and C. Magherini,
 * release 2.4, 2008): ROBER as an index-1 DAE and as the test set's ODE, and HIRES, each with an
 * analytic Jacobian on its sparse pattern that can be switched off to benchmark the coloured
 * finite differences.
 */
final class TestSetSystems {
    private TestSetSystems() {
    }

    /** Writes pattern entries given as {row, column} pairs into a CSR pattern. */
    static CsrMatrix pattern(int n, int[][] entries) {
        int[] r = new int[entries.length];
        int[] c = new int[entries.length];
        for (int k = 0; k < entries.length; k++) {
            r[k] = entries[k][0];
            c[k] = entries[k][1];
        }
        return CsrMatrix.fromTriplets(n, n, r, c, null, entries.length);
    }

    /** The dense 3 x 3 pattern of both ROBER forms (row-major slots). */
    private static CsrMatrix robertsonPattern() {
        return pattern(3, new int[][] {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}});
    }

    /**
     * What the three problems share: a fixed dimension and sparse pattern, and an analytic
     * Jacobian that can be switched off to benchmark the coloured finite differences.
     */
    abstract static class PatternedSystem implements DaeSystem {
        private final boolean analytic;
        final CsrMatrix pattern;

        PatternedSystem(boolean analytic, CsrMatrix pattern) {
            this.analytic = analytic;
            this.pattern = pattern;
        }

        @Override
        public final int dimension() {
            return pattern.rows();
        }

        @Override
        public final CsrMatrix jacobianPattern() {
            return pattern;
        }

        @Override
        public final boolean hasAnalyticJacobian() {
            return analytic;
        }
    }

    /** ROBER as a DAE: y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 - 3e7 y2^2, 0 = y1 + y2 + y3 - 1. */
    static final class RobertsonDae extends PatternedSystem {
        RobertsonDae(boolean analytic) {
            super(analytic, robertsonPattern());
        }

        @Override
        public boolean isAlgebraic(int component) {
            return component == 2;
        }

        /** Written exactly as SUNDIALS' idaRoberts_dns.c (F = f - y'), so that round-off, and the steps, match IDA's run. */
        @Override
        public void residual(double t, double[] y, double[] yp, double[] f) {
            f[0] = -0.04 * y[0] + 1.0e4 * y[1] * y[2];
            f[1] = -f[0] - 3.0e7 * y[1] * y[1] - yp[1];
            f[0] -= yp[0];
            f[2] = y[0] + y[1] + y[2] - 1.0;
        }

        @Override
        public void jacobian(double t, double[] y, double[] yp, double cj, CsrMatrix j) {
            double[] v = j.values(); // dense 3 x 3 pattern, row-major slots
            v[0] = -0.04 - cj;
            v[1] = 1.0e4 * y[2];
            v[2] = 1.0e4 * y[1];
            v[3] = 0.04;
            v[4] = -1.0e4 * y[2] - 6.0e7 * y[1] - cj;
            v[5] = -1.0e4 * y[1];
            v[6] = 1.0;
            v[7] = 1.0;
            v[8] = 1.0;
        }
    }

    /**
     * ROBER in the test set's own form (rober.f declares it an ODE of dimension 3): F = y' - f(y) with
     * y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 - 3e7 y2^2, y3' = 3e7 y2^2.
     */
    static final class RobertsonOde extends PatternedSystem {
        RobertsonOde(boolean analytic) {
            super(analytic, robertsonPattern());
        }

        @Override
        public boolean isAlgebraic(int component) {
            return false;
        }

        @Override
        public void residual(double t, double[] y, double[] yp, double[] f) {
            double r1 = 0.04 * y[0];
            double r2 = 3.0e7 * y[1] * y[1];
            double r3 = 1.0e4 * y[1] * y[2];
            f[0] = yp[0] - (-r1 + r3);
            f[1] = yp[1] - (r1 - r3 - r2);
            f[2] = yp[2] - r2;
        }

        @Override
        public void jacobian(double t, double[] y, double[] yp, double cj, CsrMatrix j) {
            double[] v = j.values(); // dense 3 x 3 pattern, row-major slots: cj I - df/dy
            v[0] = cj + 0.04;
            v[1] = -1.0e4 * y[2];
            v[2] = -1.0e4 * y[1];
            v[3] = -0.04;
            v[4] = cj + 1.0e4 * y[2] + 6.0e7 * y[1];
            v[5] = 1.0e4 * y[1];
            v[6] = 0.0;
            v[7] = -6.0e7 * y[1];
            v[8] = cj;
        }
    }

    /** HIRES (Schaefer 1975): 8 ODEs written as F = y' - f(y). */
    static final class Hires extends PatternedSystem {
        private static final int[][] ENTRIES = {
            {0, 0}, {0, 1}, {0, 2},
            {1, 0}, {1, 1},
            {2, 2}, {2, 3}, {2, 4},
            {3, 1}, {3, 2}, {3, 3},
            {4, 4}, {4, 5}, {4, 6},
            {5, 3}, {5, 4}, {5, 5}, {5, 6}, {5, 7},
            {6, 5}, {6, 6}, {6, 7},
            {7, 5}, {7, 6}, {7, 7}};
        private final int[] slots;

        Hires(boolean analytic) {
            super(analytic, pattern(8, ENTRIES));
            slots = new int[ENTRIES.length];
            for (int k = 0; k < ENTRIES.length; k++) {
                slots[k] = pattern.slot(ENTRIES[k][0], ENTRIES[k][1]);
            }
        }

        @Override
        public boolean isAlgebraic(int component) {
            return false;
        }

        @Override
        public void residual(double t, double[] y, double[] yp, double[] f) {
            f[0] = yp[0] - (-1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007);
            f[1] = yp[1] - (1.71 * y[0] - 8.75 * y[1]);
            f[2] = yp[2] - (-10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4]);
            f[3] = yp[3] - (8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3]);
            f[4] = yp[4] - (-1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6]);
            f[5] = yp[5] - (-280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6]);
            f[6] = yp[6] - (280.0 * y[5] * y[7] - 1.81 * y[6]);
            f[7] = yp[7] - (-280.0 * y[5] * y[7] + 1.81 * y[6]);
        }

        @Override
        public void jacobian(double t, double[] y, double[] yp, double cj, CsrMatrix j) {
            double[] v = j.values();
            // cj I - df/dy, in the order of ENTRIES (no temporary arrays).
            v[slots[0]] = cj + 1.71;
            v[slots[1]] = -0.43;
            v[slots[2]] = -8.32;
            v[slots[3]] = -1.71;
            v[slots[4]] = cj + 8.75;
            v[slots[5]] = cj + 10.03;
            v[slots[6]] = -0.43;
            v[slots[7]] = -0.035;
            v[slots[8]] = -8.32;
            v[slots[9]] = -1.71;
            v[slots[10]] = cj + 1.12;
            v[slots[11]] = cj + 1.745;
            v[slots[12]] = -0.43;
            v[slots[13]] = -0.43;
            v[slots[14]] = -0.69;
            v[slots[15]] = -1.71;
            v[slots[16]] = cj + 280.0 * y[7] + 0.43;
            v[slots[17]] = -0.69;
            v[slots[18]] = 280.0 * y[5];
            v[slots[19]] = -280.0 * y[7];
            v[slots[20]] = cj + 1.81;
            v[slots[21]] = -280.0 * y[5];
            v[slots[22]] = 280.0 * y[7];
            v[slots[23]] = -1.81;
            v[slots[24]] = cj + 280.0 * y[5];
        }
    }
}

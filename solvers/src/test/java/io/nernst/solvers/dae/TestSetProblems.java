package io.nernst.solvers.dae;

import java.util.Random;

/**
 * Problems of the Bari "Test Set for IVP Solvers" (F. Mazzia and C. Magherini, release 2.4,
 * February 2008, Department of Mathematics, University of Bari; https://archimede.uniba.it/~testset/),
 * with the reference end values published there (computed by the test-set authors with RADAU5 /
 * PSIDE at tolerances around 1e-18 to 1e-19 in extended precision).
 */
final class TestSetProblems {
    private TestSetProblems() {
    }

    /** ROBER reference at t = 1e11 (test set, problem ROBER, section "Reference solution"). */
    static final double[] ROBERTSON_REFERENCE = {0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050};
    static final double ROBERTSON_END = 1e11;

    /**
     * ROBER as an ODE: y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 - 3e7 y2^2,
     * y3' = 3e7 y2^2, y(0) = (1, 0, 0).
     */
    static DenseJacobianDae.ExplicitOde robertsonOde() {
        return new DenseJacobianDae.ExplicitOde(3) {
            @Override
            void rhs(double t, double[] y, double[] f) {
                f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
                f[2] = 3e7 * y[1] * y[1];
                f[1] = -f[0] - f[2];
            }

            @Override
            void rhsJacobian(double t, double[] y, double[] j) {
                j[0] = -0.04;
                j[1] = 1e4 * y[2];
                j[2] = 1e4 * y[1];
                j[6] = 0.0;
                j[7] = 6e7 * y[1];
                j[8] = 0.0;
                j[3] = -j[0] - j[6];
                j[4] = -j[1] - j[7];
                j[5] = -j[2] - j[8];
            }
        };
    }

    /** ROBER as an index-1 DAE: the third equation replaced by the conservation law y1 + y2 + y3 = 1. */
    static DenseJacobianDae robertsonDae() {
        return new DenseJacobianDae(3, new boolean[] {false, false, true}) {
            @Override
            public void residual(double t, double[] y, double[] yDot, double[] r) {
                r[0] = yDot[0] - (-0.04 * y[0] + 1e4 * y[1] * y[2]);
                r[1] = yDot[1] - (0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1]);
                r[2] = y[0] + y[1] + y[2] - 1.0;
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yDot, double cj, double[] j) {
                j[0] = cj + 0.04;
                j[1] = -1e4 * y[2];
                j[2] = -1e4 * y[1];
                j[3] = -0.04;
                j[4] = cj + 1e4 * y[2] + 6e7 * y[1];
                j[5] = 1e4 * y[1];
                j[6] = 1.0;
                j[7] = 1.0;
                j[8] = 1.0;
            }
        };
    }

    /** HIRES reference at t = 321.8122 (test set, problem HIRES). */
    static final double[] HIRES_REFERENCE = {0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
        0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2,
        0.2850001604814231e-2};
    static final double HIRES_END = 321.8122;
    static final double[] HIRES_INITIAL = {1, 0, 0, 0, 0, 0, 0, 0.0057};

    /** HIRES ("High Irradiance RESponse", Schaefer 1975), 8 ODEs. */
    static DenseJacobianDae.ExplicitOde hires() {
        return new DenseJacobianDae.ExplicitOde(8) {
            @Override
            void rhs(double t, double[] y, double[] f) {
                f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
                f[1] = 1.71 * y[0] - 8.75 * y[1];
                f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
                f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
                f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
                f[5] = -280.0 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
                f[6] = 280.0 * y[5] * y[7] - 1.81 * y[6];
                f[7] = -280.0 * y[5] * y[7] + 1.81 * y[6];
            }

            @Override
            void rhsJacobian(double t, double[] y, double[] j) {
                int n = 8;
                j[0 * n + 0] = -1.71;
                j[0 * n + 1] = 0.43;
                j[0 * n + 2] = 8.32;
                j[1 * n + 0] = 1.71;
                j[1 * n + 1] = -8.75;
                j[2 * n + 2] = -10.03;
                j[2 * n + 3] = 0.43;
                j[2 * n + 4] = 0.035;
                j[3 * n + 1] = 8.32;
                j[3 * n + 2] = 1.71;
                j[3 * n + 3] = -1.12;
                j[4 * n + 4] = -1.745;
                j[4 * n + 5] = 0.43;
                j[4 * n + 6] = 0.43;
                j[5 * n + 3] = 0.69;
                j[5 * n + 4] = 1.71;
                j[5 * n + 5] = -280.0 * y[7] - 0.43;
                j[5 * n + 6] = 0.69;
                j[5 * n + 7] = -280.0 * y[5];
                j[6 * n + 5] = 280.0 * y[7];
                j[6 * n + 6] = -1.81;
                j[6 * n + 7] = 280.0 * y[5];
                j[7 * n + 5] = -280.0 * y[7];
                j[7 * n + 6] = 1.81;
                j[7 * n + 7] = -280.0 * y[5];
            }
        };
    }

    /** VDPOL reference at t = 2 (test set, problem VDPOL, epsilon = 1e-6). */
    static final double[] VAN_DER_POL_REFERENCE = {0.1706167732170483e1, -0.8928097010247975};
    static final double VAN_DER_POL_EPSILON = 1e-6;

    /** Van der Pol in the test set's scaled form: y1' = y2, y2' = ((1 - y1^2) y2 - y1)/eps, y(0) = (2, 0). */
    static DenseJacobianDae.ExplicitOde vanDerPol() {
        return new DenseJacobianDae.ExplicitOde(2) {
            @Override
            void rhs(double t, double[] y, double[] f) {
                f[0] = y[1];
                f[1] = ((1.0 - y[0] * y[0]) * y[1] - y[0]) / VAN_DER_POL_EPSILON;
            }

            @Override
            void rhsJacobian(double t, double[] y, double[] j) {
                j[0] = 0.0;
                j[1] = 1.0;
                j[2] = (-2.0 * y[0] * y[1] - 1.0) / VAN_DER_POL_EPSILON;
                j[3] = (1.0 - y[0] * y[0]) / VAN_DER_POL_EPSILON;
            }
        };
    }

    /** CHEMAKZO reference at t = 180 (test set, problem CHEMAKZO, computed with PSIDE at tolerance 1e-19). */
    static final double[] AKZO_REFERENCE = {0.1150794920661702, 0.1203831471567715e-2, 0.1611562887407974,
        0.3656156421249283e-3, 0.1708010885264404e-1, 0.4873531310307455e-2};
    static final double AKZO_END = 180.0;
    static final double AKZO_KS = 115.83;

    /**
     * Chemical Akzo Nobel problem (index-1 DAE of dimension 6): five kinetic ODEs and the
     * equilibrium y6 = Ks y1 y4 (algebraic).
     */
    static DenseJacobianDae akzoNobel() {
        final double k1 = 18.7;
        final double k2 = 0.58;
        final double k3 = 0.09;
        final double k4 = 0.42;
        final double kBig = 34.4;
        final double kla = 3.3;
        final double po2 = 0.9;
        final double hen = 737.0;
        final double ks = AKZO_KS;
        return new DenseJacobianDae(6, new boolean[] {false, false, false, false, false, true}) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] g) {
                double r1 = k1 * Math.pow(y[0], 4) * Math.sqrt(y[1]);
                double r2 = k2 * y[2] * y[3];
                double r3 = (k2 / kBig) * y[0] * y[4];
                double r4 = k3 * y[0] * y[3] * y[3];
                double r5 = k4 * y[5] * y[5] * Math.sqrt(y[1]);
                double fin = kla * (po2 / hen - y[1]);
                g[0] = yp[0] - (-2.0 * r1 + r2 - r3 - r4);
                g[1] = yp[1] - (-0.5 * r1 - r4 - 0.5 * r5 + fin);
                g[2] = yp[2] - (r1 - r2 + r3);
                g[3] = yp[3] - (-r2 + r3 - 2.0 * r4);
                g[4] = yp[4] - (r2 - r3 + r5);
                g[5] = ks * y[0] * y[3] - y[5];
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                double sq = Math.sqrt(y[1]);
                double r11 = 4.0 * k1 * y[0] * y[0] * y[0] * sq;
                double r12 = 0.5 * k1 * Math.pow(y[0], 4) / sq;
                double r23 = k2 * y[3];
                double r24 = k2 * y[2];
                double r31 = (k2 / kBig) * y[4];
                double r35 = (k2 / kBig) * y[0];
                double r41 = k3 * y[3] * y[3];
                double r44 = 2.0 * k3 * y[0] * y[3];
                double r52 = 0.5 * k4 * y[5] * y[5] / sq;
                double r56 = 2.0 * k4 * y[5] * sq;
                int n = 6;
                // Rows are -(the test set's G rows) because F = y' - f here.
                j[0 * n + 0] = cj + 2.0 * r11 + r31 + r41;
                j[0 * n + 1] = 2.0 * r12;
                j[0 * n + 2] = -r23;
                j[0 * n + 3] = -r24 + r44;
                j[0 * n + 4] = r35;
                j[1 * n + 0] = 0.5 * r11 + r41;
                j[1 * n + 1] = cj + 0.5 * r12 + 0.5 * r52 + kla;
                j[1 * n + 3] = r44;
                j[1 * n + 5] = 0.5 * r56;
                j[2 * n + 0] = -r11 - r31;
                j[2 * n + 1] = -r12;
                j[2 * n + 2] = cj + r23;
                j[2 * n + 3] = r24;
                j[2 * n + 4] = -r35;
                j[3 * n + 0] = -r31 + 2.0 * r41;
                j[3 * n + 2] = r23;
                j[3 * n + 3] = cj + r24 + 2.0 * r44;
                j[3 * n + 4] = -r35;
                j[4 * n + 0] = r31;
                j[4 * n + 1] = -r52;
                j[4 * n + 2] = -r23;
                j[4 * n + 3] = -r24;
                j[4 * n + 4] = cj + r35;
                j[4 * n + 5] = -r56;
                j[5 * n + 0] = ks * y[3];
                j[5 * n + 3] = ks * y[0];
                j[5 * n + 5] = -1.0;
            }

            @Override
            double[] samplePoint(Random random) {
                double[] y = new double[6];
                for (int i = 0; i < 6; i++) {
                    y[i] = 0.01 + 0.5 * random.nextDouble();
                }
                return y;
            }
        };
    }

    /** Akzo initial state: y6 consistent (Ks y1 y4); y' of the differential components from the ODEs, y6' = 0. */
    static double[][] akzoInitial(DaeSystem akzo) {
        double[] y = {0.444, 0.00123, 0.0, 0.007, 0.0, AKZO_KS * 0.444 * 0.007};
        double[] yp = new double[6];
        double[] r = new double[6];
        akzo.residual(0.0, y, yp, r); // with y' = 0, F_i = -f_i for the differential rows
        for (int i = 0; i < 5; i++) {
            yp[i] = -r[i];
        }
        return new double[][] {y, yp};
    }

    /** Significant correct digits of each component: -log10(|y - ref| / |ref|). */
    static double[] significantDigits(double[] y, double[] reference) {
        double[] scd = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double rel = Math.abs(y[i] - reference[i]) / Math.abs(reference[i]);
            scd[i] = rel == 0.0 ? 16.0 : -Math.log10(rel);
        }
        return scd;
    }

    /**
     * The test set's mixed-error significant correct digits, "mescd", exactly as its driver routine
     * {@code getscd} in report.f defines it (Mazzia and Magherini, Test Set for IVP Solvers, release
     * 2.4, 2008, section "Using the test set" / file report.f): with e_i = |ref_i - y_i|,
     * mescd = -log10 max_i e_i / (atol / rtol + |ref_i|), an exactly zero maximum mapped to the
     * rounding unit 1e-16. It is the measure the test set pairs with rtol-and-atol runs: each solver
     * "tries to put [the mixed error] below rtol", so components much smaller than atol/rtol count
     * by their absolute error.
     */
    static double mixedSignificantDigits(double[] y, double[] reference, double rtol, double atol) {
        double maximum = 0.0;
        for (int i = 0; i < y.length; i++) {
            maximum = Math.max(maximum, Math.abs(reference[i] - y[i]) / (atol / rtol + Math.abs(reference[i])));
        }
        return -Math.log10(maximum == 0.0 ? 1e-16 : maximum);
    }

    /** y' = f(t, y0) for an explicit ODE at t0 (consistent initial derivative). */
    static double[] initialDerivative(DenseJacobianDae.ExplicitOde ode, double t0, double[] y0) {
        double[] f = new double[y0.length];
        ode.rhs(t0, y0, f);
        return f;
    }
}

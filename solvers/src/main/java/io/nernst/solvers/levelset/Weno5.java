package io.nernst.solvers.levelset;

/**
 * Fifth-order weighted essentially non-oscillatory (WENO5) reconstruction of Jiang and Shu,
 * J. Comput. Phys. 126 (1996) 202, eq. (2.10)-(2.17) with their smoothness indicators (3.2)-(3.4).
 *
 * <p>Given five consecutive values {@code v0..v4} ordered along the upwind direction (cell averages
 * {@code f(i-2) .. f(i+2)} for the value at face {@code i+1/2} when the wind blows towards +x), it returns
 * the upwind-biased approximation at the face. The same formula, fed with the five undivided
 * differences {@code phi(k+1) - phi(k)}, is the Hamilton-Jacobi WENO5 derivative of Jiang and Peng,
 * SIAM J. Sci. Comput. 21 (2000) 2126 (see also Osher and Fedkiw, "Level Set Methods and Dynamic
 * Implicit Surfaces", 2003, section 3.4).
 *
 * <p>The regularisation {@code EPSILON = 1e-6} is Jiang-Shu's value for data of order one; callers
 * feed level-set values in [0, 1] or their undivided differences (never divided by the cell size), so
 * the weights do not depend on the physical length unit.
 *
 * <p>The nonlinear weights {@code alpha_k = d_k / (EPSILON + beta_k)^2} are normalised with a single
 * division: {@code w_k = d_k prod_{m != k} b_m / sum_l (d_l prod_{m != l} b_m)} with
 * {@code b_m = (EPSILON + beta_m)^2}, which is algebraically identical and cheaper in the hot loops.
 * Since {@code b_m >= 1e-12} the products never underflow.
 */
public final class Weno5 {

    /** Jiang-Shu regularisation for order-one data. */
    public static final double EPSILON = 1e-6;

    private static final double THIRTEEN_TWELFTHS = 13.0 / 12.0;

    private Weno5() {
    }

    /**
     * Upwind-biased WENO5 value at the face between {@code v2} and {@code v3}, the wind blowing from
     * {@code v0} towards {@code v4}.
     *
     * @param v0 value two cells upwind of the upwind cell
     * @param v1 value one cell upwind of the upwind cell
     * @param v2 value in the upwind cell
     * @param v3 value in the downwind cell
     * @param v4 value one cell downwind of the downwind cell
     * @return the reconstructed face value (fifth order where the data are smooth)
     */
    public static double reconstruct(double v0, double v1, double v2, double v3, double v4) {
        // Candidate third-order stencils, Jiang & Shu (1996) eq. (2.11).
        double q0 = (2.0 * v0 - 7.0 * v1 + 11.0 * v2) * (1.0 / 6.0);
        double q1 = (-v1 + 5.0 * v2 + 2.0 * v3) * (1.0 / 6.0);
        double q2 = (2.0 * v2 + 5.0 * v3 - v4) * (1.0 / 6.0);
        // Smoothness indicators, eq. (3.2)-(3.4).
        double a = v0 - 2.0 * v1 + v2;
        double b = v0 - 4.0 * v1 + 3.0 * v2;
        double beta0 = THIRTEEN_TWELFTHS * a * a + 0.25 * b * b;
        a = v1 - 2.0 * v2 + v3;
        b = v1 - v3;
        double beta1 = THIRTEEN_TWELFTHS * a * a + 0.25 * b * b;
        a = v2 - 2.0 * v3 + v4;
        b = 3.0 * v2 - 4.0 * v3 + v4;
        double beta2 = THIRTEEN_TWELFTHS * a * a + 0.25 * b * b;
        double b0 = EPSILON + beta0;
        double b1 = EPSILON + beta1;
        double b2 = EPSILON + beta2;
        b0 *= b0;
        b1 *= b1;
        b2 *= b2;
        // Linear weights d = (0.1, 0.6, 0.3), eq. (2.15); alpha_k = d_k / b_k scaled by b0 b1 b2.
        double alpha0 = 0.1 * b1 * b2;
        double alpha1 = 0.6 * b0 * b2;
        double alpha2 = 0.3 * b0 * b1;
        return (alpha0 * q0 + alpha1 * q1 + alpha2 * q2) / (alpha0 + alpha1 + alpha2);
    }
}

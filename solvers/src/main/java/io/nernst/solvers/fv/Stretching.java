package io.nernst.solvers.fv;

/**
 * A smooth, strictly increasing map s of [0, 1] onto [0, 1] that places mesh faces at
 * x_k = a + (b - a) s(k / n). Because the map does not depend on n, refining a stretched
 * mesh keeps neighbouring cells in a ratio that tends to one, which is what keeps
 * cell-centred two-point-flux schemes second order on non-uniform meshes
 * (supraconvergence; see Manteuffel and White, Math. Comp. 47 (1986) 511).
 */
@FunctionalInterface
public interface Stretching {

    /** Position in [0, 1] of the logical coordinate xi in [0, 1]; s(0) = 0, s(1) = 1. */
    double map(double xi);

    /** No stretching. */
    static Stretching uniform() {
        return xi -> xi;
    }

    /**
     * Geometric grading in the limit of a smooth map: s(xi) = (e^(beta xi) - 1)/(e^beta - 1).
     * The ratio of the last to the first cell tends to e^beta; beta > 0 refines toward 0,
     * beta < 0 toward 1, beta = 0 is uniform.
     */
    static Stretching exponential(double beta) {
        checkFinite(beta);
        if (beta == 0.0) {
            return uniform();
        }
        double denominator = Math.expm1(beta);
        return xi -> Math.expm1(beta * xi) / denominator;
    }

    /**
     * Hyperbolic-tangent clustering toward both ends: s(xi) = (1 + tanh(beta (xi - 1/2)) /
     * tanh(beta/2)) / 2. beta > 0; larger values cluster more strongly.
     */
    static Stretching tanhBothEnds(double beta) {
        checkPositive(beta);
        double scale = Math.tanh(0.5 * beta);
        return xi -> 0.5 * (1.0 + Math.tanh(beta * (xi - 0.5)) / scale);
    }

    /** Hyperbolic-tangent clustering toward xi = 1: s(xi) = tanh(beta xi) / tanh(beta), beta > 0. */
    static Stretching tanhTowardEnd(double beta) {
        checkPositive(beta);
        double scale = Math.tanh(beta);
        return xi -> Math.tanh(beta * xi) / scale;
    }

    /** Hyperbolic-tangent clustering toward xi = 0: s(xi) = 1 + tanh(beta (xi - 1)) / tanh(beta), beta > 0. */
    static Stretching tanhTowardStart(double beta) {
        checkPositive(beta);
        double scale = Math.tanh(beta);
        return xi -> 1.0 + Math.tanh(beta * (xi - 1.0)) / scale;
    }

    private static void checkFinite(double beta) {
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("stretching parameter beta = " + beta + " must be finite");
        }
    }

    private static void checkPositive(double beta) {
        if (!(beta > 0.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("tanh stretching parameter beta = " + beta + " must be finite and > 0");
        }
    }
}

package io.nernst.core.parameters;

import java.util.Arrays;

/**
 * A tabulated material function y(x) interpolated by the piecewise cubic Hermite interpolant
 * of Fritsch and Carlson (SIAM J. Numer. Anal. 17 (1980) 238) with the slopes of Fritsch and
 * Butland (SIAM J. Sci. Stat. Comput. 5 (1984) 300), as in Moler's {@code pchip}: continuous
 * first derivative, monotone between monotone data (no overshoot, so an OCP table never gains
 * a spurious extremum), exact for linear data.
 *
 * <p>Outside the table the value is clamped to the end value and the derivative is zero.
 * Loading checks that the range the model needs (a stoichiometry window, an initial
 * concentration) lies inside the table; it is never extrapolated silently in that range.
 * Temperature-independent (multiply by an Arrhenius factor for T).
 */
public final class MonotoneTable implements MaterialFunction {
    private final double[] x;
    private final double[] y;
    private final double[] slope;

    /**
     * @param x     abscissae, strictly increasing or strictly decreasing (at least two)
     * @param y     ordinates, finite
     * @param where file and key, for messages
     * @throws ParameterException for fewer than two points, different lengths, a non-finite
     *                            entry or a non-monotone abscissa (naming the index)
     */
    public MonotoneTable(double[] x, double[] y, String where) {
        if (x.length != y.length) {
            throw new ParameterException(where + ": table x has " + x.length + " entries but y has " + y.length);
        }
        if (x.length < 2) {
            throw new ParameterException(where + ": a table needs at least two points, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new ParameterException(where + ": table entry " + i + " (x = " + x[i] + ", y = " + y[i] + ") is not finite");
            }
        }
        double[] xs = x.clone();
        double[] ys = y.clone();
        if (xs[1] < xs[0]) {
            reverse(xs);
            reverse(ys);
        }
        for (int i = 1; i < xs.length; i++) {
            if (!(xs[i] > xs[i - 1])) {
                int original = x[1] < x[0] ? x.length - 1 - i : i;
                throw new ParameterException(where + ": table x must be strictly monotone, but x[" + original + "] = "
                        + x[original] + " breaks the order of its neighbours");
            }
        }
        this.x = xs;
        this.y = ys;
        this.slope = slopes(xs, ys);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Fritsch-Butland interior slopes (weighted harmonic mean), shape-preserving one-sided end slopes. */
    private static double[] slopes(double[] x, double[] y) {
        int n = x.length;
        double[] d = new double[n];
        double[] h = new double[n - 1];
        double[] delta = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            h[k] = x[k + 1] - x[k];
            delta[k] = (y[k + 1] - y[k]) / h[k];
        }
        if (n == 2) {
            d[0] = delta[0];
            d[1] = delta[0];
            return d;
        }
        for (int k = 1; k < n - 1; k++) {
            if (delta[k - 1] * delta[k] <= 0) {
                d[k] = 0.0;
            } else {
                double w1 = 2 * h[k] + h[k - 1];
                double w2 = h[k] + 2 * h[k - 1];
                d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]);
            }
        }
        d[0] = endSlope(h[0], h[1], delta[0], delta[1]);
        d[n - 1] = endSlope(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
        return d;
    }

    private static double endSlope(double h0, double h1, double del0, double del1) {
        double d = ((2 * h0 + h1) * del0 - h0 * del1) / (h0 + h1);
        if (Math.signum(d) != Math.signum(del0)) {
            return 0.0;
        }
        if (Math.signum(del0) != Math.signum(del1) && Math.abs(d) > Math.abs(3 * del0)) {
            return 3 * del0;
        }
        return d;
    }

    private int interval(double xv) {
        int i = Arrays.binarySearch(x, xv);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.min(Math.max(i, 0), x.length - 2);
    }

    @Override
    public double value(double xv, double temperature) {
        if (xv <= x[0]) {
            return y[0];
        }
        if (xv >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int k = interval(xv);
        double h = x[k + 1] - x[k];
        double s = (xv - x[k]) / h;
        double s2 = s * s;
        double s3 = s2 * s;
        return (2 * s3 - 3 * s2 + 1) * y[k] + (s3 - 2 * s2 + s) * h * slope[k]
                + (-2 * s3 + 3 * s2) * y[k + 1] + (s3 - s2) * h * slope[k + 1];
    }

    @Override
    public double derivative(double xv, double temperature) {
        if (xv <= x[0] || xv >= x[x.length - 1]) {
            return 0.0;
        }
        int k = interval(xv);
        double h = x[k + 1] - x[k];
        double s = (xv - x[k]) / h;
        double s2 = s * s;
        return ((6 * s2 - 6 * s) * (y[k] - y[k + 1]) / h)
                + (3 * s2 - 4 * s + 1) * slope[k] + (3 * s2 - 2 * s) * slope[k + 1];
    }

    /** Smallest abscissa. */
    public double lowerBound() {
        return x[0];
    }

    /** Largest abscissa. */
    public double upperBound() {
        return x[x.length - 1];
    }

    /** The abscissae, increasing (a copy). */
    public double[] xs() {
        return x.clone();
    }

    /** The ordinates matching {@link #xs()} (a copy). */
    public double[] ys() {
        return y.clone();
    }
}

package io.nernst.validation;

/** Piecewise-linear interpolation and error norms for comparing solutions on different grids. */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * Linear interpolation of (xs, ys) at x; xs strictly increasing. Outside the range the end
     * segments are extended linearly (profiles on cell centres are compared up to the boundary nodes).
     */
    public static double linear(double[] xs, double[] ys, double x) {
        int n = xs.length;
        if (n == 1) {
            return ys[0];
        }
        int lo = 0;
        int hi = n - 1;
        if (x <= xs[0]) {
            hi = 1;
        } else if (x >= xs[n - 1]) {
            lo = n - 2;
        } else {
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (xs[mid] <= x) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        hi = lo + 1;
        double w = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + w * (ys[hi] - ys[lo]);
    }

    /** Root mean square of a - b. */
    public static double rms(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s / a.length);
    }

    /** Largest |a - b|. */
    public static double maxAbs(double[] a, double[] b) {
        double m = 0.0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}

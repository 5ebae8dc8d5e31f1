package io.nernst.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * dQ/dV of a (dis)charge segment: the capacity is resampled on a uniform voltage grid of the
 * given bin width (linear interpolation of Q(V) after sorting by V, so a monotone segment is
 * required), differentiated by central differences and smoothed with a Gaussian kernel of the
 * given width [V]. Peaks are local maxima of |dQ/dV| above 5 % of the largest, located to
 * sub-bin precision with a parabola.
 */
public final class DifferentialCapacity {
    /**
     * The result.
     *
     * @param voltage bin centres [V]
     * @param dqdv    smoothed dQ/dV [A.h/V]
     * @param peaks   peak voltages [V], increasing
     */
    public record Result(double[] voltage, double[] dqdv, List<Double> peaks) {
    }

    private DifferentialCapacity() {
    }

    /**
     * @param capacity  Q [A.h]
     * @param voltage   V [V], monotone over the segment
     * @param binWidth  voltage grid spacing [V], e.g. 1 mV
     * @param smoothing Gaussian kernel standard deviation [V], e.g. 5 mV (0: none)
     */
    public static Result compute(double[] capacity, double[] voltage, double binWidth, double smoothing) {
        int n = voltage.length;
        if (capacity.length != n) {
            throw new AnalysisException("capacity and voltage need equal lengths, got " + capacity.length + " and " + n);
        }
        if (n < 5) {
            throw new AnalysisException("dQ/dV needs at least 5 points, got " + n);
        }
        Electrochemistry.positive("bin width", binWidth);
        Electrochemistry.nonNegative("smoothing width", smoothing);
        double sign = Math.signum(voltage[n - 1] - voltage[0]);
        for (int i = 1; i < n; i++) {
            if (Math.signum(voltage[i] - voltage[i - 1]) == -sign) {
                throw new AnalysisException("voltage must be monotone over a dQ/dV segment; it turns at row " + (i + 1)
                        + " (" + voltage[i] + " V after " + voltage[i - 1] + " V)");
            }
        }
        double[] v = sign >= 0 ? voltage.clone() : reverse(voltage);
        double[] q = sign >= 0 ? capacity.clone() : reverse(capacity);
        double lo = v[0];
        double hi = v[n - 1];
        int bins = (int) Math.floor((hi - lo) / binWidth) + 1;
        if (bins < 5) {
            throw new AnalysisException("the voltage span " + (hi - lo) + " V holds fewer than 5 bins of " + binWidth + " V");
        }
        double[] grid = new double[bins];
        double[] qg = new double[bins];
        int j = 0;
        for (int b = 0; b < bins; b++) {
            double x = lo + b * binWidth;
            grid[b] = x;
            while (j < n - 2 && v[j + 1] < x) {
                j++;
            }
            double dv = v[j + 1] - v[j];
            qg[b] = dv == 0 ? q[j] : q[j] + (q[j + 1] - q[j]) * (x - v[j]) / dv;
        }
        double[] d = new double[bins];
        for (int b = 0; b < bins; b++) {
            int l = Math.max(0, b - 1);
            int r = Math.min(bins - 1, b + 1);
            d[b] = (qg[r] - qg[l]) / (grid[r] - grid[l]);
        }
        if (smoothing > 0) {
            double[] s = new double[bins];
            int half = (int) Math.ceil(4 * smoothing / binWidth);
            for (int b = 0; b < bins; b++) {
                double sum = 0;
                double wsum = 0;
                for (int k = Math.max(0, b - half); k <= Math.min(bins - 1, b + half); k++) {
                    double u = (k - b) * binWidth / smoothing;
                    double w = Math.exp(-0.5 * u * u);
                    sum += w * d[k];
                    wsum += w;
                }
                s[b] = sum / wsum;
            }
            d = s;
        }
        double max = 0;
        for (double x : d) {
            max = Math.max(max, Math.abs(x));
        }
        List<Double> peaks = new ArrayList<>();
        for (int b = 1; b < bins - 1; b++) {
            double y0 = Math.abs(d[b - 1]);
            double y1 = Math.abs(d[b]);
            double y2 = Math.abs(d[b + 1]);
            if (y1 > y0 && y1 >= y2 && y1 > 0.05 * max) {
                double den = y0 - 2 * y1 + y2;
                double shift = den == 0 ? 0 : 0.5 * (y0 - y2) / den;
                peaks.add(grid[b] + shift * binWidth);
            }
        }
        return new Result(grid, d, peaks);
    }

    private static double[] reverse(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}

package io.nernst.core.analysis;

import io.nernst.core.impedance.ImpedanceSpectrum;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Kramers-Kronig consistency check by the linear KK test of Schoenleber, Klotz &amp; Ivers-Tiffee
 * (Electrochim. Acta 131 (2014) 20): the spectrum is fitted by R_0 + sum of M Voigt elements
 * R_k/(1 + i w tau_k) (tau_k log-spaced over 1/(2 pi f) of the data, R_k of either sign) plus a
 * series inductance and a series capacitance (a blocking low-frequency tail, as a cell's state
 * of charge gives, is KK-consistent but not a sum of Voigt elements), by linear least squares on real and imaginary parts together, with four
 * elements per decade of data; the over-fitting measure mu = 1 - sum|R_k&lt;0| / sum|R_k&gt;0| is
 * reported. Residuals
 * relative to |Z| at the level of the noise mean the data are KK-consistent (causal, linear,
 * stable); systematic residuals mean drift or non-linearity.
 */
public final class KramersKronig {
    /** Residuals above this (relative to |Z|) flag the spectrum. */
    public static final double DEFAULT_LIMIT = 0.01;

    /**
     * The check.
     *
     * @param elements     Voigt elements used
     * @param mu           the over-fitting measure at that count
     * @param maxResidual  largest |residual|/|Z| (real or imaginary)
     * @param residualReal (Z'_fit - Z')/|Z| per frequency
     * @param residualImag (Z''_fit - Z'')/|Z| per frequency
     * @param consistent   maxResidual &lt;= {@link #DEFAULT_LIMIT}
     */
    public record Result(int elements, double mu, double maxResidual, double[] residualReal, double[] residualImag,
                         boolean consistent) {
    }

    private KramersKronig() {
    }

    /** Rejects spectra whose frequencies are not strictly monotone. */
    static void requireMonotone(ImpedanceSpectrum data) {
        int n = data.size();
        if (n < 2) {
            return;
        }
        double sign = Math.signum(data.frequency(1) - data.frequency(0));
        for (int k = 1; k < n; k++) {
            if (Math.signum(data.frequency(k) - data.frequency(k - 1)) != sign || sign == 0) {
                throw new AnalysisException("frequencies must be strictly increasing or decreasing; row " + (k + 1)
                        + " (" + data.frequency(k) + " Hz) follows " + data.frequency(k - 1) + " Hz");
            }
        }
    }

    /** Runs the linear KK test. */
    public static Result check(ImpedanceSpectrum data) {
        int n = data.size();
        if (n < 5) {
            throw new AnalysisException("a Kramers-Kronig check needs at least 5 frequencies, got " + n);
        }
        requireMonotone(data);
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = 0;
        for (int k = 0; k < n; k++) {
            fMin = Math.min(fMin, data.frequency(k));
            fMax = Math.max(fMax, data.frequency(k));
        }
        // Four Voigt elements per decade of data (at most n - 2): a spectrum that obeys KK is then
        // represented to about 1e-4 of |Z| (two RC arcs over 7 decades: 1.7e-4), so the residuals
        // show the noise and any violation. (Schoenleber's mu criterion with c = 0.85 stops at 10
        // elements on that spectrum and leaves 8 % residuals; mu is reported, not used to stop.)
        int m = Math.max(3, Math.min(n - 2, (int) Math.ceil(4 * Math.log10(fMax / fMin)) + 1));
        Result last = fit(data, m);
        return last;
    }

    static Result fit(ImpedanceSpectrum data, int m) {
        int n = data.size();
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = 0;
        for (int k = 0; k < n; k++) {
            fMin = Math.min(fMin, data.frequency(k));
            fMax = Math.max(fMax, data.frequency(k));
        }
        double tauMin = 1 / (2 * Math.PI * fMax);
        double tauMax = 1 / (2 * Math.PI * fMin);
        double[] tau = new double[m];
        for (int j = 0; j < m; j++) {
            tau[j] = tauMin * Math.pow(tauMax / tauMin, m == 1 ? 0 : j / (double) (m - 1));
        }
        int cols = m + 3; // R_0, R_1..R_M, L, 1/C
        double[][] a = new double[2 * n][cols];
        double[] b = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double w = 2 * Math.PI * data.frequency(k);
            double weight = 1 / data.modulus(k);
            a[2 * k][0] = weight;
            for (int j = 0; j < m; j++) {
                double wt = w * tau[j];
                a[2 * k][1 + j] = weight / (1 + wt * wt);
                a[2 * k + 1][1 + j] = -weight * wt / (1 + wt * wt);
            }
            a[2 * k + 1][m + 1] = weight * w * tauMin; // inductance in units of tauMin ohm
            a[2 * k + 1][m + 2] = -weight / (w * tauMax); // series capacitance: 1/C in units of ohm/tauMax
            b[2 * k] = weight * data.real(k);
            b[2 * k + 1] = weight * data.imaginary(k);
        }
        RealVector x = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-300).getSolver()
                .solve(new ArrayRealVector(b, false));
        double pos = 0;
        double neg = 0;
        for (int j = 0; j < m; j++) {
            double r = x.getEntry(1 + j);
            if (r >= 0) {
                pos += r;
            } else {
                neg -= r;
            }
        }
        double mu = pos > 0 ? 1 - neg / pos : 0;
        double[] rr = new double[n];
        double[] ri = new double[n];
        double worst = 0;
        for (int k = 0; k < n; k++) {
            double fr = 0;
            double fi = 0;
            for (int j = 0; j < cols; j++) {
                fr += a[2 * k][j] * x.getEntry(j);
                fi += a[2 * k + 1][j] * x.getEntry(j);
            }
            rr[k] = fr - b[2 * k];
            ri[k] = fi - b[2 * k + 1];
            worst = Math.max(worst, Math.max(Math.abs(rr[k]), Math.abs(ri[k])));
        }
        return new Result(m, mu, worst, rr, ri, worst <= DEFAULT_LIMIT);
    }
}

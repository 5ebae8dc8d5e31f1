package io.nernst.core.analysis;

import io.nernst.core.impedance.ImpedanceSpectrum;
import java.util.ArrayList;
import java.util.List;

/**
 * Distribution of relaxation times by Tikhonov-regularised, non-negative inversion (Wan,
 * Saccoccio, Chen &amp; Ciucci, Electrochim. Acta 184 (2015) 483; solid-state.md 4.6):
 * Z(f) = R_inf + i 2 pi f L + integral of gamma(ln tau) / (1 + i 2 pi f tau) d ln tau, with
 * gamma = sum_m x_m phi_m(ln tau), Gaussian radial basis functions phi_m = exp(-(eps (ln tau -
 * ln tau_m))^2) centred at tau_m = 1/(2 pi f_m), shape from the FWHM coefficient 0.5
 * (eps = 0.5 * 2 sqrt(ln 2) / mean spacing of ln tau_m, as pyDRTtools). The problem
 * min |A x - Z|^2 + lambda x^T M x, x &gt;= 0, with M the Gram matrix of the first or second
 * derivative of gamma, is solved by active-set NNLS; lambda is given or chosen by generalised
 * cross-validation GCV(lambda) = n |(I - H) z|^2 / tr(I - H)^2 with the influence matrix H of
 * the free (non-zero) basis functions. A Kramers-Kronig check ({@link KramersKronig}) should be
 * run first; its result is part of {@link Result}.
 */
public final class Drt {
    /** Which part of the data enters the fit. */
    public enum DataPart { COMBINED, REAL, IMAGINARY }

    /**
     * Options.
     *
     * @param derivativeOrder 1 or 2
     * @param lambda          regularisation parameter, or NaN for GCV
     * @param part            data used
     * @param inductance      fit an inductance term
     * @param fwhmCoefficient shape of the Gaussians (0.5 by default)
     */
    public record Options(int derivativeOrder, double lambda, DataPart part, boolean inductance, double fwhmCoefficient) {
        public Options {
            if (derivativeOrder != 1 && derivativeOrder != 2) {
                throw new AnalysisException("DRT derivative order must be 1 or 2, got " + derivativeOrder);
            }
            if (!Double.isNaN(lambda) && !(lambda > 0 && Double.isFinite(lambda))) {
                throw new AnalysisException("DRT lambda must be > 0 (or omitted for GCV), got " + lambda);
            }
            if (!(fwhmCoefficient > 0 && fwhmCoefficient <= 5)) {
                throw new AnalysisException("FWHM coefficient must lie in (0, 5], got " + fwhmCoefficient);
            }
        }

        /** Second derivative, GCV, combined data, no inductance, FWHM coefficient 0.5. */
        public static Options defaults() {
            return new Options(2, Double.NaN, DataPart.COMBINED, false, 0.5);
        }
    }

    /** One peak: time constant at its maximum [s] and its area (a resistance) [ohm]. */
    public record Peak(double tau, double resistance) {
        /** The frequency 1/(2 pi tau) [Hz]. */
        public double frequency() {
            return 1 / (2 * Math.PI * tau);
        }
    }

    /**
     * The result.
     *
     * @param lambda     the regularisation used
     * @param gcvChosen  whether GCV chose it
     * @param rInf       high-frequency resistance [ohm]
     * @param inductance [H] (0 when not fitted)
     * @param tau        fine grid of time constants [s]
     * @param gamma      gamma(ln tau) on the grid [ohm]
     * @param peaks      peaks, by increasing tau
     * @param kramersKronig the check run first
     */
    public record Result(double lambda, boolean gcvChosen, double rInf, double inductance, double[] tau, double[] gamma,
                         List<Peak> peaks, KramersKronig.Result kramersKronig) {
    }

    private Drt() {
    }

    /** Inverts {@code data}. */
    public static Result invert(ImpedanceSpectrum data, Options o) {
        int nf = data.size();
        if (nf < 8) {
            throw new AnalysisException("a DRT needs at least 8 frequencies, got " + nf);
        }
        KramersKronig.requireMonotone(data);
        KramersKronig.Result kk = KramersKronig.check(data);
        double[] f = data.frequencies();
        double[] lnTau = new double[nf];
        for (int m = 0; m < nf; m++) {
            lnTau[m] = Math.log(1 / (2 * Math.PI * f[m]));
        }
        double spacing = Math.abs(lnTau[nf - 1] - lnTau[0]) / (nf - 1);
        double eps = o.fwhmCoefficient() * 2 * Math.sqrt(Math.log(2)) / spacing;
        double scale = 0;
        for (int k = 0; k < nf; k++) {
            scale = Math.max(scale, data.modulus(k));
        }
        int extra = 1 + (o.inductance() ? 1 : 0);
        int nx = extra + nf;
        boolean useRe = o.part() != DataPart.IMAGINARY;
        boolean useIm = o.part() != DataPart.REAL;
        int rows = (useRe ? nf : 0) + (useIm ? nf : 0);
        double[][] a = new double[rows][nx];
        double[] z = new double[rows];
        int r = 0;
        for (int k = 0; k < nf; k++) {
            double w = 2 * Math.PI * f[k];
            double[] kr = new double[nf];
            double[] ki = new double[nf];
            for (int m = 0; m < nf; m++) {
                double[] q = kernel(w, lnTau[m], eps);
                kr[m] = q[0];
                ki[m] = q[1];
            }
            if (useRe) {
                a[r][0] = 1;
                System.arraycopy(kr, 0, a[r], extra, nf);
                z[r++] = data.real(k) / scale;
            }
            if (useIm) {
                if (o.inductance()) {
                    a[r][1] = w;
                }
                System.arraycopy(ki, 0, a[r], extra, nf);
                z[r++] = data.imaginary(k) / scale;
            }
        }
        double[][] m = penalty(lnTau, eps, o.derivativeOrder(), extra);
        double[][] ata = new double[nx][nx];
        double[] atz = new double[nx];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < nx; j++) {
                double s = 0;
                for (int q = 0; q < rows; q++) {
                    s += a[q][i] * a[q][j];
                }
                ata[i][j] = s;
            }
            double s = 0;
            for (int q = 0; q < rows; q++) {
                s += a[q][i] * z[q];
            }
            atz[i] = s;
        }
        boolean[] constrained = new boolean[nx];
        java.util.Arrays.fill(constrained, true);
        double lambda = o.lambda();
        boolean gcv = Double.isNaN(lambda);
        if (gcv) {
            // GCV on a grid of 4 per decade over 1e-8..1, then golden-section refinement in log lambda
            double bestL = Double.NaN;
            double best = Double.POSITIVE_INFINITY;
            for (double e = -8; e <= 0.001; e += 0.25) {
                double g = gcv(a, z, ata, atz, m, Math.pow(10, e), constrained);
                if (g < best) {
                    best = g;
                    bestL = e;
                }
            }
            double lo = bestL - 0.25;
            double hi = bestL + 0.25;
            double phi = (Math.sqrt(5) - 1) / 2;
            for (int it = 0; it < 20; it++) {
                double x1 = hi - phi * (hi - lo);
                double x2 = lo + phi * (hi - lo);
                if (gcv(a, z, ata, atz, m, Math.pow(10, x1), constrained) < gcv(a, z, ata, atz, m, Math.pow(10, x2), constrained)) {
                    hi = x2;
                } else {
                    lo = x1;
                }
            }
            lambda = Math.pow(10, 0.5 * (lo + hi));
        }
        boolean[] free = new boolean[nx];
        double[] x = Nnls.solve(regularised(ata, m, lambda), atz, constrained, free);
        // gamma on a fine grid, 10 points per basis function, half a decade beyond each end
        double lo = Math.min(lnTau[0], lnTau[nf - 1]) - 0.5 * Math.log(10);
        double hi = Math.max(lnTau[0], lnTau[nf - 1]) + 0.5 * Math.log(10);
        int fine = 10 * nf;
        double[] tau = new double[fine];
        double[] gamma = new double[fine];
        double[] lnFine = new double[fine];
        for (int i = 0; i < fine; i++) {
            double y = lo + (hi - lo) * i / (fine - 1);
            lnFine[i] = y;
            tau[i] = Math.exp(y);
            double s = 0;
            for (int q = 0; q < nf; q++) {
                double u = eps * (y - lnTau[q]);
                s += x[extra + q] * Math.exp(-u * u);
            }
            gamma[i] = s * scale;
        }
        return new Result(lambda, gcv, x[0] * scale, o.inductance() ? x[1] * scale : 0.0, tau, gamma,
                peaks(lnFine, gamma), kk);
    }

    /** Re and Im of the integral of phi(y - c)/(1 + i w e^y) dy (Simpson, 12 widths of the Gaussian). */
    static double[] kernel(double w, double centre, double eps) {
        int steps = 400;
        double half = 6 / eps;
        double h = 2 * half / steps;
        double re = 0;
        double im = 0;
        for (int i = 0; i <= steps; i++) {
            double u = -half + i * h;
            double weight = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2);
            double phi = Math.exp(-(eps * u) * (eps * u));
            double wt = w * Math.exp(centre + u);
            double d = 1 + wt * wt;
            re += weight * phi / d;
            im -= weight * phi * wt / d;
        }
        return new double[] {re * h / 3, im * h / 3};
    }

    /** Gram matrix of the d-th derivative of the basis (analytic for Gaussians, via quadrature on a fine grid). */
    static double[][] penalty(double[] centres, double eps, int order, int offset) {
        int nf = centres.length;
        int nx = nf + offset;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double c : centres) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        lo -= 6 / eps;
        hi += 6 / eps;
        int points = 40 * nf;
        double h = (hi - lo) / (points - 1);
        double[][] d = new double[points][nf];
        for (int i = 0; i < points; i++) {
            double y = lo + i * h;
            for (int q = 0; q < nf; q++) {
                double u = y - centres[q];
                double e2 = eps * eps;
                double g = Math.exp(-e2 * u * u);
                d[i][q] = order == 1 ? -2 * e2 * u * g : (4 * e2 * e2 * u * u - 2 * e2) * g;
            }
        }
        double[][] m = new double[nx][nx];
        for (int p = 0; p < nf; p++) {
            for (int q = p; q < nf; q++) {
                double s = 0;
                for (int i = 0; i < points; i++) {
                    s += d[i][p] * d[i][q];
                }
                m[p + offset][q + offset] = s * h;
                m[q + offset][p + offset] = s * h;
            }
        }
        return m;
    }

    private static double[][] regularised(double[][] ata, double[][] m, double lambda) {
        int n = ata.length;
        double[][] h = new double[n][n];
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += ata[i][i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = ata[i][j] + lambda * m[i][j];
            }
            // keeps unpenalised columns (R_inf, L) and the Cholesky definite at round-off level
            h[i][i] += 1e-13 * trace / n;
        }
        return h;
    }

    /** GCV score of the NNLS solution at lambda, with the influence matrix of its free components. */
    private static double gcv(double[][] a, double[] z, double[][] ata, double[] atz, double[][] m, double lambda,
            boolean[] constrained) {
        int nx = atz.length;
        int rows = z.length;
        double[][] h = regularised(ata, m, lambda);
        boolean[] free = new boolean[nx];
        double[] x = Nnls.solve(h, atz, constrained, free);
        double rss = 0;
        for (int q = 0; q < rows; q++) {
            double s = -z[q];
            for (int i = 0; i < nx; i++) {
                s += a[q][i] * x[i];
            }
            rss += s * s;
        }
        // tr(H) = tr(H_FF^-1 (A^T A)_FF)
        double trace = 0;
        for (int j = 0; j < nx; j++) {
            if (!free[j]) {
                continue;
            }
            double[] col = new double[nx];
            for (int i = 0; i < nx; i++) {
                col[i] = free[i] ? ata[i][j] : 0;
            }
            double[] s = Nnls.solvePassive(h, col, free);
            trace += s[j];
        }
        double denominator = rows - trace;
        return rows * rss / (denominator * denominator);
    }

    /** Local maxima above 1 % of the largest, with areas between the neighbouring minima. */
    static List<Peak> peaks(double[] lnTau, double[] gamma) {
        int n = gamma.length;
        double max = 0;
        for (double g : gamma) {
            max = Math.max(max, g);
        }
        List<Peak> out = new ArrayList<>();
        if (max <= 0) {
            return out;
        }
        List<Integer> maxima = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (gamma[i] > gamma[i - 1] && gamma[i] >= gamma[i + 1] && gamma[i] > 0.01 * max) {
                maxima.add(i);
            }
        }
        for (int k = 0; k < maxima.size(); k++) {
            int peak = maxima.get(k);
            int left = k == 0 ? 0 : argmin(gamma, maxima.get(k - 1), peak);
            int right = k == maxima.size() - 1 ? n - 1 : argmin(gamma, peak, maxima.get(k + 1));
            double area = 0;
            for (int i = left; i < right; i++) {
                area += 0.5 * (gamma[i] + gamma[i + 1]) * (lnTau[i + 1] - lnTau[i]);
            }
            // a sub-sample estimate of the maximum's position (parabola through three points)
            double y0 = gamma[peak - 1];
            double y1 = gamma[peak];
            double y2 = gamma[peak + 1];
            double denom = y0 - 2 * y1 + y2;
            double shift = denom == 0 ? 0 : 0.5 * (y0 - y2) / denom;
            double ln = lnTau[peak] + shift * (lnTau[peak + 1] - lnTau[peak]);
            out.add(new Peak(Math.exp(ln), Math.abs(area)));
        }
        return out;
    }

    private static int argmin(double[] v, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }
}

package io.nernst.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Galvanostatic intermittent titration (Weppner &amp; Huggins, J. Electrochem. Soc. 124 (1977) 1569;
 * solid-state.md 4.1): for each current pulse of length tau followed by a rest,
 * D = (4 / (pi tau)) (R_s / 3)^2 (dE_s / dE_tau)^2 for spherical particles of radius R_s, and
 * seed 002's normalised D1 = (dE_s / dE_tau)^2.
 *
 * <p>Pulses are the runs of samples with |I| above half the largest |I|. dE_s is the change of the
 * voltage at the end of the rest before the pulse to the end of the rest after it. During the
 * pulse E(t) = E_0' + a sqrt(t - t_0) + b (t - t_0) is fitted by least squares: the intercept
 * E_0' less the voltage before the pulse is the IR step, which is excluded, and
 * dE_tau = a sqrt(tau) is the diffusion part; the b term absorbs the curvature a sphere adds to the
 * semi-infinite sqrt(t) law (tau D/R^2 small but finite), which would otherwise bias D. The
 * classical endpoint value dE_tau = E(tau) - E_0' is reported alongside (D_endpoint). Under
 * partial contact a D computed with the geometric area is theta^2 D (solid-state.md 4.1).
 */
public final class Gitt {
    /**
     * One pulse.
     *
     * @param startTime      [s]
     * @param duration       tau [s]
     * @param current        mean current during the pulse [A]
     * @param irStep         instantaneous voltage step at the pulse start [V]
     * @param deltaEs        steady-state voltage change over pulse and rest [V]
     * @param deltaEtau      transient (diffusion) voltage change, a sqrt(tau) [V]
     * @param deltaEtauEnd   E(tau) - E_0' [V]
     * @param diffusivity    D from dE_tau [m2/s]
     * @param diffusivityEnd D from dE_tau,end [m2/s]
     * @param normalised     D1 = (dE_s/dE_tau)^2
     */
    public record Pulse(double startTime, double duration, double current, double irStep, double deltaEs,
                        double deltaEtau, double deltaEtauEnd, double diffusivity, double diffusivityEnd,
                        double normalised) {
    }

    private Gitt() {
    }

    /**
     * Analyses a titration.
     *
     * @param time           [s], non-decreasing (a step boundary may repeat a time)
     * @param voltage        [V]
     * @param current        [A]
     * @param particleRadius R_s [m]
     * @throws AnalysisException on unequal lengths, non-finite values, time going backwards, no
     *                           complete pulse-and-rest, or a pulse with fewer than 5 samples
     */
    public static List<Pulse> analyse(double[] time, double[] voltage, double[] current, double particleRadius) {
        int n = time.length;
        if (voltage.length != n || current.length != n) {
            throw new AnalysisException("time, voltage and current need equal lengths, got " + n + ", " + voltage.length
                    + ", " + current.length);
        }
        if (!(particleRadius > 0) || !Double.isFinite(particleRadius)) {
            throw new AnalysisException("particle radius is " + particleRadius + " m; allowed: finite and > 0");
        }
        double maxI = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i]) || !Double.isFinite(voltage[i]) || !Double.isFinite(current[i])) {
                throw new AnalysisException("row " + (i + 1) + " is not finite");
            }
            if (i > 0 && time[i] < time[i - 1]) {
                throw new AnalysisException("time goes backwards at row " + (i + 1) + ": " + time[i] + " s after "
                        + time[i - 1] + " s");
            }
            maxI = Math.max(maxI, Math.abs(current[i]));
        }
        if (maxI == 0) {
            throw new AnalysisException("the current is zero throughout: no GITT pulses");
        }
        double threshold = 0.5 * maxI;
        List<Pulse> pulses = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (Math.abs(current[i]) <= threshold) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Math.abs(current[i]) > threshold) {
                i++;
            }
            int end = i - 1;
            int restEnd = i;
            while (restEnd < n && Math.abs(current[restEnd]) <= threshold) {
                restEnd++;
            }
            restEnd--;
            if (start == 0 || restEnd <= end) {
                continue; // no rest before or after: not a complete titration step
            }
            if (end - start + 1 < 5) {
                throw new AnalysisException("the pulse starting at " + time[start] + " s has " + (end - start + 1)
                        + " samples; at least 5 are needed (record with a shorter period)");
            }
            pulses.add(pulse(time, voltage, current, start, end, restEnd, particleRadius));
        }
        if (pulses.isEmpty()) {
            throw new AnalysisException("no complete pulse (rest, current pulse, rest) found");
        }
        return pulses;
    }

    private static Pulse pulse(double[] t, double[] v, double[] current, int start, int end, int restEnd, double radius) {
        double t0 = t[start];
        double tau = t[end] - t0;
        double before = v[start - 1];
        int m = end - start + 1;
        double[][] a = new double[m][3];
        double[] b = new double[m];
        double meanI = 0;
        for (int k = 0; k < m; k++) {
            double s = t[start + k] - t0;
            a[k][0] = 1;
            a[k][1] = Math.sqrt(s);
            a[k][2] = s;
            b[k] = v[start + k];
            meanI += current[start + k] / m;
        }
        RealVector c = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-300).getSolver()
                .solve(new ArrayRealVector(b, false));
        double e0 = c.getEntry(0);
        double dEtau = c.getEntry(1) * Math.sqrt(tau);
        double dEtauEnd = v[end] - e0;
        double dEs = v[restEnd] - before;
        double geometric = 4 / (Math.PI * tau) * (radius / 3) * (radius / 3);
        double ratio = dEs / dEtau;
        double ratioEnd = dEs / dEtauEnd;
        return new Pulse(t0, tau, meanI, e0 - before, dEs, dEtau, dEtauEnd, geometric * ratio * ratio,
                geometric * ratioEnd * ratioEnd, ratio * ratio);
    }
}

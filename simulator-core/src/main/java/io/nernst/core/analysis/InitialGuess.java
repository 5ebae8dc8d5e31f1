package io.nernst.core.analysis;

import io.nernst.core.impedance.ImpedanceSpectrum;
import java.util.List;

/**
 * Starting values for an equivalent-circuit fit estimated from the spectrum: the series
 * resistance R0 (first R) from the smallest Z', the other resistances share the span of Z',
 * capacitances and CPE Q put their branch's corner at successive decades of the measured range,
 * CPE exponents 0.8, Warburg sigma from the lowest frequency, inductances 1e-7 H. Rough on
 * purpose: Levenberg-Marquardt in log space needs the right orders of magnitude only.
 */
public final class InitialGuess {
    private InitialGuess() {
    }

    public static double[] of(Circuit c, ImpedanceSpectrum z) {
        double minRe = Double.POSITIVE_INFINITY;
        double maxRe = Double.NEGATIVE_INFINITY;
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = 0;
        for (int k = 0; k < z.size(); k++) {
            minRe = Math.min(minRe, z.real(k));
            maxRe = Math.max(maxRe, z.real(k));
            fMin = Math.min(fMin, z.frequency(k));
            fMax = Math.max(fMax, z.frequency(k));
        }
        List<String> names = c.parameterNames();
        int resistors = 0;
        int capacitive = 0;
        for (String n : names) {
            if (n.startsWith("R") && !n.contains("_")) {
                resistors++;
            }
            if (n.endsWith("_Q") || (n.startsWith("C") && !n.contains("_"))) {
                capacitive++;
            }
        }
        double span = Math.max(maxRe - Math.max(minRe, 0), 1e-6 * Math.abs(maxRe) + 1e-12);
        double rShare = span / Math.max(1, resistors - 1);
        double[] p = new double[names.size()];
        boolean firstR = true;
        int branch = 0;
        double decades = Math.log10(fMax / fMin);
        for (int j = 0; j < p.length; j++) {
            String n = names.get(j);
            if (n.endsWith("_alpha")) {
                p[j] = 0.8;
            } else if (n.endsWith("_Q") || (n.startsWith("C") && !n.contains("_"))) {
                double corner = fMax * Math.pow(10, -decades * (branch + 1) / (capacitive + 1.0));
                branch++;
                p[j] = 1 / (2 * Math.PI * corner * rShare);
            } else if (n.endsWith("_sigma")) {
                p[j] = Math.max(rShare, 1e-12) * Math.sqrt(2 * Math.PI * fMin) * 0.1;
            } else if (n.endsWith("_tau")) {
                p[j] = 1 / (2 * Math.PI * fMin);
            } else if (n.startsWith("L") && !n.contains("_")) {
                p[j] = 1e-7;
            } else if (firstR && n.startsWith("R") && !n.contains("_")) {
                p[j] = Math.max(minRe, 1e-6 * span);
                firstR = false;
            } else {
                p[j] = rShare;
            }
        }
        return p;
    }
}

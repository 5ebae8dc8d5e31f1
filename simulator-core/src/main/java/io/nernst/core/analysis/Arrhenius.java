package io.nernst.core.analysis;

/**
 * Arrhenius fits of a conductivity against temperature (solid-state.md 4.4), by linear least
 * squares: the seeds' form sigma T = A exp(-Ea/(R T)) (ln(sigma T) against 1/T, slope -Ea/R) or
 * the plain form sigma = A exp(-Ea/(R T)); the two differ in Ea by about k_B T, so the result
 * says which was used.
 */
public final class Arrhenius {
    /** Which law. */
    public enum Form {
        /** sigma T = A exp(-Ea/(R T)) (A in S K/m). */
        SIGMA_T,
        /** sigma = A exp(-Ea/(R T)) (A in S/m). */
        PLAIN
    }

    /**
     * The fit.
     *
     * @param form                 the law fitted
     * @param activationEnergy     Ea [J/mol]
     * @param activationEnergyError standard error of Ea [J/mol]
     * @param prefactor            A
     * @param rSquared             coefficient of determination of the linearised fit
     */
    public record Result(Form form, double activationEnergy, double activationEnergyError, double prefactor,
                         double rSquared) {
        /** Ea [eV]. */
        public double activationEnergyEv() {
            return activationEnergy / (Electrochemistry.FARADAY);
        }
    }

    private Arrhenius() {
    }

    /** Fits sigma(T). */
    public static Result fit(double[] temperature, double[] conductivity, Form form) {
        int n = temperature.length;
        if (conductivity.length != n) {
            throw new AnalysisException("temperature and conductivity need equal lengths, got " + n + " and "
                    + conductivity.length);
        }
        if (n < 3) {
            throw new AnalysisException("an Arrhenius fit needs at least 3 temperatures, got " + n);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Electrochemistry.positive("temperature " + (i + 1), temperature[i]);
            Electrochemistry.positive("conductivity " + (i + 1), conductivity[i]);
            x[i] = 1 / temperature[i];
            y[i] = Math.log(form == Form.SIGMA_T ? conductivity[i] * temperature[i] : conductivity[i]);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            throw new AnalysisException("all temperatures are equal: no Arrhenius slope");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
        }
        double slopeError = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Double.NaN;
        double r2 = syy == 0 ? 1 : 1 - rss / syy;
        return new Result(form, -slope * Electrochemistry.GAS_CONSTANT, slopeError * Electrochemistry.GAS_CONSTANT,
                Math.exp(intercept), r2);
    }
}

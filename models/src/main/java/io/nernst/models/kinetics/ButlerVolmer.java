package io.nernst.models.kinetics;

import io.nernst.models.materials.Constants;

/**
 * Butler-Volmer kinetics j = i0 [exp(alpha_a F eta / (R T)) - exp(-alpha_c F eta / (R T))]
 * (physics.md section 2; Newman and Thomas-Alyea, Electrochemical Systems, ch. 8). The
 * symmetric form alpha_a = alpha_c = 1/2 is j = 2 i0 sinh(F eta / (2 R T)), the rate law of
 * the COMSOL reference, and inverts in closed form.
 */
public final class ButlerVolmer implements Kinetics {
    private final ExchangeCurrentDensity exchangeCurrent;
    private final double anodicCoefficient;
    private final double cathodicCoefficient;
    private final boolean symmetric;

    private ButlerVolmer(ExchangeCurrentDensity exchangeCurrent, double anodicCoefficient, double cathodicCoefficient) {
        if (!(anodicCoefficient > 0) || !(cathodicCoefficient > 0)) {
            throw new IllegalArgumentException("charge-transfer coefficients must be > 0, got alpha_a = "
                    + anodicCoefficient + ", alpha_c = " + cathodicCoefficient);
        }
        this.exchangeCurrent = exchangeCurrent;
        this.anodicCoefficient = anodicCoefficient;
        this.cathodicCoefficient = cathodicCoefficient;
        this.symmetric = anodicCoefficient == cathodicCoefficient;
    }

    /** j = 2 i0 sinh(F eta / (2 R T)). */
    public static ButlerVolmer symmetric(ExchangeCurrentDensity exchangeCurrent) {
        return new ButlerVolmer(exchangeCurrent, 0.5, 0.5);
    }

    /** j = i0 [exp(alpha_a f eta) - exp(-alpha_c f eta)], f = F/(R T). */
    public static ButlerVolmer asymmetric(ExchangeCurrentDensity exchangeCurrent, double anodicCoefficient, double cathodicCoefficient) {
        return new ButlerVolmer(exchangeCurrent, anodicCoefficient, cathodicCoefficient);
    }

    public double anodicCoefficient() {
        return anodicCoefficient;
    }

    public double cathodicCoefficient() {
        return cathodicCoefficient;
    }

    @Override
    public void evaluate(double overpotential, double ce, double cs, double temperature, double[] out) {
        exchangeCurrent.evaluate(ce, cs, temperature, out);
        double i0 = out[0];
        double di0dce = out[1];
        double di0dcs = out[2];
        double f = 1.0 / Constants.thermalVoltage(temperature);
        double ea = Math.exp(anodicCoefficient * f * overpotential);
        // Symmetric: exp(-a f eta) = 1 / exp(a f eta), one exponential instead of two.
        double ec = symmetric ? 1.0 / ea : Math.exp(-cathodicCoefficient * f * overpotential);
        double g = ea - ec;
        out[0] = i0 * g;
        out[1] = i0 * f * (anodicCoefficient * ea + cathodicCoefficient * ec);
        out[2] = di0dce * g;
        out[3] = di0dcs * g;
    }

    @Override
    public double current(double overpotential, double ce, double cs, double temperature) {
        double f = 1.0 / Constants.thermalVoltage(temperature);
        double i0 = exchangeCurrent.value(ce, cs, temperature);
        double ea = Math.exp(anodicCoefficient * f * overpotential);
        double ec = symmetric ? 1.0 / ea : Math.exp(-cathodicCoefficient * f * overpotential);
        return i0 * (ea - ec);
    }

    @Override
    public double exchangeCurrentDensity(double ce, double cs, double temperature) {
        return exchangeCurrent.value(ce, cs, temperature);
    }

    @Override
    public double overpotential(double current, double ce, double cs, double temperature) {
        double vt = Constants.thermalVoltage(temperature);
        double i0 = exchangeCurrent.value(ce, cs, temperature);
        double x = current / i0;
        if (symmetric) {
            // i0 (e^(a f eta) - e^(-a f eta)) = j  =>  eta = asinh(j / (2 i0)) / (a f)
            return vt / anodicCoefficient * asinh(0.5 * x);
        }
        // Newton on g(eta) = e^(aa u) - e^(-ac u) - x (monotone, convex pieces); start from the symmetric guess.
        double a = anodicCoefficient;
        double c = cathodicCoefficient;
        double u = 2.0 / (a + c) * asinh(0.5 * x);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ea = Math.exp(a * u);
            double ec = Math.exp(-c * u);
            double step = (ea - ec - x) / (a * ea + c * ec);
            u -= step;
            if (Math.abs(step) < 1e-14 * (1.0 + Math.abs(u))) {
                return u * vt;
            }
        }
        throw new ArithmeticException("Butler-Volmer inversion did not converge for j/i0 = " + x);
    }

    static double asinh(double x) {
        // asinh(x) = log1p(x + x^2 / (1 + sqrt(1 + x^2))), accurate for small and large |x|.
        double ax = Math.abs(x);
        return Math.copySign(Math.log1p(ax + ax * ax / (1.0 + Math.sqrt(1.0 + ax * ax))), x);
    }
}

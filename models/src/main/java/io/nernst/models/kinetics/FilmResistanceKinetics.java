package io.nernst.models.kinetics;

/**
 * A rate law with an area-specific film resistance r [ohm.m2] in series (physics.md section 0;
 * solid-state.md section 1.2: eta = phi_s - phi_e - U - j r): the current solves
 * j = j_bare(eta - r j, c_e, c_s, T). The effective overpotential eta_f = eta - r j is found by
 * Newton on h(eta_f) = eta_f + r j_bare(eta_f) - eta, which is increasing, convex for eta_f > 0
 * and concave for eta_f < 0 (Butler-Volmer), so that Newton started at eta_f = eta approaches
 * the root monotonically from outside. Derivatives by the implicit-function theorem:
 * dj/dq = (dj_bare/dq) / (1 + r dj_bare/deta) for q = eta, c_e, c_s. Allocation-free: the bare
 * law's values are kept in a per-instance array, so an instance is not thread-safe (like the
 * models that own it).
 */
public final class FilmResistanceKinetics implements Kinetics {
    private final Kinetics bare;
    private final double resistance;
    private final double[] work = new double[4];

    /**
     * @param bare       the interface's own rate law
     * @param resistance r >= 0 [ohm.m2]
     */
    public FilmResistanceKinetics(Kinetics bare, double resistance) {
        if (!(resistance >= 0) || !Double.isFinite(resistance)) {
            throw new IllegalArgumentException("film resistance must be finite and >= 0, got " + resistance);
        }
        this.bare = bare;
        this.resistance = resistance;
    }

    public double resistance() {
        return resistance;
    }

    /** Solves for eta_f; leaves j_bare and its derivatives at eta_f in work. */
    private void solve(double eta, double ce, double cs, double temperature) {
        double[] w = work;
        double etaF = eta;
        for (int k = 0; k < 100; k++) {
            bare.evaluate(etaF, ce, cs, temperature, w);
            double h = etaF + resistance * w[0] - eta;
            double step = h / (1.0 + resistance * w[1]);
            etaF -= step;
            if (Math.abs(step) <= 1e-15 * (1.0 + Math.abs(eta))) {
                break;
            }
        }
        bare.evaluate(etaF, ce, cs, temperature, w);
    }

    @Override
    public void evaluate(double overpotential, double ce, double cs, double temperature, double[] out) {
        solve(overpotential, ce, cs, temperature);
        double[] w = work;
        double scale = 1.0 / (1.0 + resistance * w[1]);
        out[0] = w[0];
        out[1] = w[1] * scale;
        out[2] = w[2] * scale;
        out[3] = w[3] * scale;
    }

    @Override
    public double current(double overpotential, double ce, double cs, double temperature) {
        solve(overpotential, ce, cs, temperature);
        return work[0];
    }

    @Override
    public double exchangeCurrentDensity(double ce, double cs, double temperature) {
        return bare.exchangeCurrentDensity(ce, cs, temperature);
    }

    @Override
    public double overpotential(double current, double ce, double cs, double temperature) {
        return bare.overpotential(current, ce, cs, temperature) + resistance * current;
    }
}

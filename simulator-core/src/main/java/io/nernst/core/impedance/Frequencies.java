package io.nernst.core.impedance;

/** Frequency grids for impedance sweeps. */
public final class Frequencies {
    private Frequencies() {
    }

    /**
     * Logarithmically spaced frequencies from {@code from} to {@code to} [Hz] inclusive (either
     * direction), {@code perDecade} points per decade; the end point is included when the span is
     * a whole number of steps (to 1e-9), otherwise the last point is the last full step.
     *
     * @throws IllegalArgumentException for non-positive or non-finite ends, equal ends or perDecade &lt; 1
     */
    public static double[] logarithmic(double from, double to, int perDecade) {
        if (!(from > 0.0) || !(to > 0.0) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("frequency range must be finite and > 0, got " + from + " Hz to " + to + " Hz");
        }
        if (from == to) {
            throw new IllegalArgumentException("frequency range is empty: from = to = " + from + " Hz");
        }
        if (perDecade < 1 || perDecade > 1000) {
            throw new IllegalArgumentException("points per decade must lie in [1, 1000], got " + perDecade);
        }
        double decades = Math.log10(to / from);
        double steps = Math.abs(decades) * perDecade;
        int count = (int) Math.floor(steps + 1e-9) + 1;
        double[] f = new double[count];
        double sign = Math.signum(decades);
        for (int k = 0; k < count; k++) {
            f[k] = from * Math.pow(10.0, sign * k / (double) perDecade);
        }
        return f;
    }
}

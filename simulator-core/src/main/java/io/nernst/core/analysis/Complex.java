package io.nernst.core.analysis;

/** The few complex operations the analysis needs, on {re, im} pairs. */
final class Complex {
    private Complex() {
    }

    static double[] divide(double ar, double ai, double br, double bi) {
        double d = br * br + bi * bi;
        return new double[] {(ar * br + ai * bi) / d, (ai * br - ar * bi) / d};
    }

    /** tanh(x + i y) = (sinh 2x + i sin 2y) / (cosh 2x + cos 2y); 1 for large x. */
    static double[] tanh(double x, double y) {
        if (x > 20) {
            return new double[] {1, 0};
        }
        double d = Math.cosh(2 * x) + Math.cos(2 * y);
        return new double[] {Math.sinh(2 * x) / d, Math.sin(2 * y) / d};
    }
}

package io.nernst.solvers.linear;

/**
 * Validation of the settings that every iterative solver shares (Krylov, multigrid), so that
 * their builders reject bad values with the same messages.
 */
public final class IterativeSolverChecks {
    private IterativeSolverChecks() {
    }

    /**
     * @param tolerance relative residual tolerance
     * @return {@code tolerance} if it lies in (0, 1)
     * @throws IllegalArgumentException otherwise, naming {@code relativeTolerance} and the value
     */
    public static double relativeTolerance(double tolerance) {
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("relativeTolerance must lie in (0, 1), got " + tolerance);
        }
        return tolerance;
    }

    /**
     * @param name  setting name used in the message, e.g. {@code maxIterations}
     * @param value an iteration, sweep or size count
     * @return {@code value} if it is at least 1
     * @throws IllegalArgumentException otherwise, naming the setting and the value
     */
    public static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }
}

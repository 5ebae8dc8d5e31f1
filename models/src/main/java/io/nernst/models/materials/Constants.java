package io.nernst.models.materials;

/** Physical constants (CODATA 2018 exact values, physics.md section 0) and small helpers. */
public final class Constants {
    /** Faraday constant [C/mol]. */
    public static final double FARADAY = 96485.33212;
    /** Gas constant [J/(mol K)]. */
    public static final double GAS_CONSTANT = 8.314462618;

    private Constants() {
    }

    /** Thermal voltage R T / F [V]. */
    public static double thermalVoltage(double temperature) {
        return GAS_CONSTANT * temperature / FARADAY;
    }

    /** Arrhenius factor exp(Ea/R (1/Tref - 1/T)). */
    public static double arrhenius(double activationEnergy, double referenceTemperature, double temperature) {
        if (activationEnergy == 0.0 || temperature == referenceTemperature) {
            return 1.0;
        }
        return Math.exp(activationEnergy / GAS_CONSTANT * (1.0 / referenceTemperature - 1.0 / temperature));
    }

    /**
     * tanh through one exponential: 1 - 2/(e^(2x) + 1). Absolute error below 5e-16, which is
     * what sums of tanh terms in open-circuit-potential fits need; several times faster than
     * {@link Math#tanh} on JDK 17, which matters because OCP fits are evaluated in every
     * residual of every cell.
     */
    public static double tanh(double x) {
        if (x > 20.0) {
            return 1.0;
        }
        if (x < -20.0) {
            return -1.0;
        }
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }
}

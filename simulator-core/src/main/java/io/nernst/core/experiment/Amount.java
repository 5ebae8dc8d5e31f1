package io.nernst.core.experiment;

/**
 * A magnitude written in a step sentence, kept in the form the user wrote so that C-rates
 * and densities resolve against the model the experiment is run on.
 *
 * @param kind  what the number means
 * @param value the magnitude: a C-rate [1/h] for {@link Kind#C_RATE}, otherwise SI
 *              (A, A/m2, W, W/m2, V); never negative
 * @param text  the words it was parsed from, e.g. "C/3" or "0.5 mA/cm2"
 */
public record Amount(Kind kind, double value, String text) {

    /** The kinds of amount a sentence can hold. */
    public enum Kind {
        /** Multiple of the nominal capacity per hour: "1C", "C/3". */
        C_RATE,
        /** Current [A]. */
        CURRENT,
        /** Current per electrode area [A/m2]. */
        CURRENT_DENSITY,
        /** Power [W]. */
        POWER,
        /** Power per electrode area [W/m2]. */
        POWER_DENSITY,
        /** Voltage [V]. */
        VOLTAGE;

        /** True for C_RATE, CURRENT and CURRENT_DENSITY. */
        public boolean isCurrent() {
            return this == C_RATE || this == CURRENT || this == CURRENT_DENSITY;
        }

        /** True for POWER and POWER_DENSITY. */
        public boolean isPower() {
            return this == POWER || this == POWER_DENSITY;
        }
    }

    /**
     * The SI magnitude for a given cell: A for currents, W for powers, V for voltages.
     *
     * @param nominalCapacity cell nominal capacity [A.h], the basis of C-rates
     * @param electrodeArea   electrode plate area [m2], the basis of densities
     */
    public double resolve(double nominalCapacity, double electrodeArea) {
        switch (kind) {
            case C_RATE: return value * nominalCapacity;
            case CURRENT_DENSITY:
            case POWER_DENSITY: return value * electrodeArea;
            default: return value;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

package io.nernst.core.parameters;

/** What values a scalar parameter accepts; checked whenever a value is set. */
public enum Constraint {
    /** Any finite number. */
    ANY("any finite number"),
    /** Strictly positive. */
    POSITIVE("a value > 0"),
    /** Zero or positive. */
    NON_NEGATIVE("a value >= 0"),
    /** A volume fraction in (0, 1], e.g. a porosity. */
    FRACTION("a fraction in (0, 1]"),
    /** A number in [0, 1], e.g. a stoichiometry or a state of charge. */
    UNIT_INTERVAL("a number in [0, 1]");

    private final String description;

    Constraint(String description) {
        this.description = description;
    }

    /** Human-readable description of the allowed values. */
    public String description() {
        return description;
    }

    /** True when {@code value} satisfies the constraint. */
    public boolean accepts(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        switch (this) {
            case POSITIVE: return value > 0;
            case NON_NEGATIVE: return value >= 0;
            case FRACTION: return value > 0 && value <= 1;
            case UNIT_INTERVAL: return value >= 0 && value <= 1;
            default: return true;
        }
    }
}

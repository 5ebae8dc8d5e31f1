package io.nernst.core.parameters;

/**
 * A material function as a parameter file defines it: an {@link Expression} or a
 * {@link MonotoneTable}, or a constant, times a unit factor (when the file writes the values
 * in another unit than SI) and an Arrhenius factor exp(Ea/R (1/Tref - 1/T)) of its own.
 * Keeps the definition so that it can be shown and exported as written.
 */
public final class DefinedFunction implements MaterialFunction {
    private final MaterialFunction base;
    private final double constant;
    private final double scale;
    private final double activationEnergy;
    private final double referenceTemperature;
    private final Domain domain;

    /**
     * @param base                 an Expression or MonotoneTable, or null for a constant
     * @param constant             the constant when base is null (SI)
     * @param scale                unit factor to SI applied to the base (1 for SI)
     * @param activationEnergy     Ea [J/mol], 0 for none
     * @param referenceTemperature Tref [K]
     * @param domain               where it is defined (table range or declared), or null
     */
    public DefinedFunction(MaterialFunction base, double constant, double scale, double activationEnergy,
                           double referenceTemperature, Domain domain) {
        this.base = base;
        this.constant = constant;
        this.scale = scale;
        this.activationEnergy = activationEnergy;
        this.referenceTemperature = referenceTemperature;
        this.domain = domain;
    }

    @Override
    public double value(double x, double t) {
        double v = base == null ? constant : base.value(x, t);
        if (scale != 1.0) {
            v *= scale;
        }
        return activationEnergy == 0.0 ? v : v * MaterialFunction.arrheniusFactor(activationEnergy, referenceTemperature, t);
    }

    @Override
    public double derivative(double x, double t) {
        if (base == null) {
            return 0.0;
        }
        double d = base.derivative(x, t);
        if (scale != 1.0) {
            d *= scale;
        }
        return activationEnergy == 0.0 ? d : d * MaterialFunction.arrheniusFactor(activationEnergy, referenceTemperature, t);
    }

    @Override
    public boolean independentOfState() {
        return base == null || base.independentOfState();
    }

    /** The expression or table, or null for a constant with an Arrhenius law. */
    public MaterialFunction base() {
        return base;
    }

    /** The constant (SI) when {@link #base()} is null. */
    public double constant() {
        return constant;
    }

    /** Factor from the written unit to SI. */
    public double scale() {
        return scale;
    }

    /** Ea [J/mol]. */
    public double activationEnergy() {
        return activationEnergy;
    }

    /** Tref [K]. */
    public double referenceTemperature() {
        return referenceTemperature;
    }

    /** Declared or tabulated domain, or null. */
    public Domain domain() {
        return domain;
    }

    /** The definition in one line, e.g. "0.1297*(c/1000)**3 - ... [S.m-1], Ea = 17100 J/mol". */
    public String describe(String unit) {
        String b;
        if (base instanceof Expression e) {
            b = e.text();
        } else if (base instanceof MonotoneTable t) {
            b = "table of " + t.xs().length + " points on [" + t.lowerBound() + ", " + t.upperBound() + "] (PCHIP, clamped outside)";
        } else {
            b = String.valueOf(constant);
        }
        String s = scale == 1.0 ? "" : " x " + scale;
        String a = activationEnergy == 0.0 ? "" : ", Arrhenius Ea = " + activationEnergy + " J.mol-1 about " + referenceTemperature + " K";
        return b + s + " [" + unit + "]" + a;
    }
}

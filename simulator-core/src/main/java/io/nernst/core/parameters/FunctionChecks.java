package io.nernst.core.parameters;

/**
 * Checks a material function over its whole domain: sampled at 400 interval midpoints (the
 * ends are left out because fits such as log(x/(1-x)) or c^1.5 are singular or zero exactly
 * there), the value must be finite and satisfy the parameter's constraint, e.g. a
 * conductivity expression that goes negative at c = 3000 mol/m3 is refused at load.
 */
public final class FunctionChecks {
    /** Number of sample points. */
    public static final int SAMPLES = 400;

    private FunctionChecks() {
    }

    /**
     * @param what        "file.yaml: parameter 'Electrolyte conductivity'", for the message
     * @param temperature temperature of the samples [K]
     * @throws ParameterException naming the first failing point, the value and what is allowed
     */
    public static void check(String what, MaterialFunction f, String unit, Constraint constraint, Domain domain, double temperature) {
        for (int i = 0; i < SAMPLES; i++) {
            double x = domain.low() + (domain.high() - domain.low()) * (i + 0.5) / SAMPLES;
            double v = f.value(x, temperature);
            double d = f.derivative(x, temperature);
            if (!Double.isFinite(v) || !constraint.accepts(v)) {
                throw new ParameterException(what + " = " + v + " " + unit + " at " + domain.variable() + " = " + x
                        + " is not allowed: expected " + constraint.description() + " over the whole domain " + domain);
            }
            if (!Double.isFinite(d)) {
                throw new ParameterException(what + " has a non-finite derivative (" + d + ") at " + domain.variable() + " = " + x
                        + "; the function must be differentiable over its domain " + domain);
            }
        }
    }
}

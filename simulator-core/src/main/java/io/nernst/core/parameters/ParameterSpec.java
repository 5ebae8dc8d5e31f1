package io.nernst.core.parameters;

/**
 * What a model expects of one parameter: its SI unit, its constraint, whether it may be a
 * function (and of which variable over which domain), whether it is required, and what it is.
 *
 * @param name        e.g. "Negative electrode thickness"
 * @param unit        SI unit of the value ("m", "S.m-1", "1")
 * @param constraint  allowed values (for functions: over the whole domain)
 * @param domain      for function-valued parameters the variable and its domain, else null
 * @param required    true when a complete set must define it
 * @param description one line
 */
public record ParameterSpec(String name, String unit, Constraint constraint, Domain domain, boolean required, String description) {

    /** True when the parameter may be given as a function. */
    public boolean allowsFunction() {
        return domain != null;
    }
}

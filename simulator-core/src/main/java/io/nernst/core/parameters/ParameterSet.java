package io.nernst.core.parameters;

import io.nernst.core.text.NameSuggestions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, named set of model parameters. Names are PyBaMM-style without the unit
 * suffix ("Negative electrode thickness"); each parameter records its SI unit, its
 * constraint, and either a constant value or a {@link MaterialFunction}. Values are SI.
 *
 * <p>Overrides return a new set ({@link #with}), checked against the constraint; an
 * unknown name raises a {@link ParameterException} that suggests the closest known name.
 */
public final class ParameterSet {

    /** One parameter: a constant ({@code function == null}) or a function of (x, T). */
    public record Parameter(String name, String unit, Constraint constraint, double value,
                            MaterialFunction function, String description) {
        /** True when this parameter is a function rather than a constant. */
        public boolean isFunction() {
            return function != null;
        }
    }

    private final String name;
    private final Map<String, Parameter> parameters;

    private ParameterSet(String name, Map<String, Parameter> parameters) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Starts a new set. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Name of the set, e.g. "marquis2019". */
    public String name() {
        return name;
    }

    /** All parameter names, in definition order. */
    public Set<String> names() {
        return parameters.keySet();
    }

    /** True when the set defines {@code parameterName}. */
    public boolean contains(String parameterName) {
        return parameters.containsKey(parameterName);
    }

    /** The full record of a parameter. */
    public Parameter parameter(String parameterName) {
        Parameter p = parameters.get(parameterName);
        if (p == null) {
            throw unknown(parameterName);
        }
        return p;
    }

    /**
     * SI value of a constant parameter.
     *
     * @throws ParameterException if unknown, or if the parameter is a function
     */
    public double value(String parameterName) {
        Parameter p = parameter(parameterName);
        if (p.isFunction()) {
            throw new ParameterException("parameter '" + parameterName + "' is a function of state and temperature, not a constant");
        }
        return p.value();
    }

    /** The parameter as a function of (x, T); constants are wrapped. */
    public MaterialFunction function(String parameterName) {
        Parameter p = parameter(parameterName);
        return p.isFunction() ? p.function() : MaterialFunction.constant(p.value());
    }

    /** SI unit of a parameter (of its value, for functions). */
    public String unit(String parameterName) {
        return parameter(parameterName).unit();
    }

    /**
     * A copy with one constant replaced (a function parameter becomes that constant).
     *
     * @throws ParameterException when the name is unknown or the value violates the constraint
     */
    public ParameterSet with(String parameterName, double siValue) {
        Parameter old = parameter(parameterName);
        check(old.name(), siValue, old.unit(), old.constraint());
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        copy.put(parameterName, new Parameter(old.name(), old.unit(), old.constraint(), siValue, null, old.description()));
        return new ParameterSet(name, copy);
    }

    /** A copy with one parameter replaced by a function. */
    public ParameterSet with(String parameterName, MaterialFunction function) {
        Parameter old = parameter(parameterName);
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        copy.put(parameterName, new Parameter(old.name(), old.unit(), old.constraint(), Double.NaN, function, old.description()));
        return new ParameterSet(name, copy);
    }

    /** The unknown-name error, with the closest known name suggested. */
    public ParameterException unknown(String parameterName) {
        String best = NameSuggestions.closest(parameterName, parameters.keySet());
        String hint = best == null ? "" : "; did you mean '" + best + "'?";
        return new ParameterException("unknown parameter '" + parameterName + "' in set '" + name + "'" + hint);
    }

    static void check(String parameterName, double value, String unit, Constraint constraint) {
        if (!constraint.accepts(value)) {
            throw new ParameterException("parameter '" + parameterName + "' = " + value + " " + unit
                    + " is not allowed: expected " + constraint.description());
        }
    }


    /** Builder; each constant is checked against its constraint as it is added. */
    public static final class Builder {
        private final String name;
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a constant in SI units. */
        public Builder constant(String parameterName, double siValue, String unit, Constraint constraint, String description) {
            check(parameterName, siValue, unit, constraint);
            parameters.put(parameterName, new Parameter(parameterName, unit, constraint, siValue, null, description));
            return this;
        }

        /** Adds a function of (x, T) whose value has SI unit {@code unit}. */
        public Builder function(String parameterName, MaterialFunction function, String unit, String description) {
            parameters.put(parameterName, new Parameter(parameterName, unit, Constraint.ANY, Double.NaN, function, description));
            return this;
        }

        public ParameterSet build() {
            return new ParameterSet(name, new LinkedHashMap<>(parameters));
        }
    }
}

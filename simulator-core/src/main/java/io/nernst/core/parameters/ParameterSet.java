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

    /**
     * One parameter: a constant ({@code function == null}) or a function of (x, T).
     *
     * @param constraint what the constant, or the function over {@code domain}, must satisfy
     * @param source     where the value comes from (paper, table, file), or null
     * @param domain     where a function is sampled for its constraint, or null
     */
    public record Parameter(String name, String unit, Constraint constraint, double value,
                            MaterialFunction function, String description, String source, Domain domain) {

        /** A parameter without source or domain. */
        public Parameter(String name, String unit, Constraint constraint, double value, MaterialFunction function,
                         String description) {
            this(name, unit, constraint, value, function, description, null, null);
        }

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
        copy.put(parameterName, new Parameter(old.name(), old.unit(), old.constraint(), siValue, null, old.description(),
                "override", old.domain()));
        return new ParameterSet(name, copy);
    }

    /**
     * A copy with one parameter replaced by a function, sampled over the parameter's domain
     * (when it has one) against its constraint.
     *
     * @throws ParameterException when the function violates the constraint somewhere in the domain
     */
    public ParameterSet with(String parameterName, MaterialFunction function) {
        Parameter old = parameter(parameterName);
        if (old.domain() != null) {
            FunctionChecks.check("parameter '" + parameterName + "'", function, old.unit(), old.constraint(), old.domain(),
                    temperatureForChecks());
        }
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        copy.put(parameterName, new Parameter(old.name(), old.unit(), old.constraint(), Double.NaN, function, old.description(),
                "override", old.domain()));
        return new ParameterSet(name, copy);
    }

    /** A copy with {@code p} added or replacing the parameter of the same name (checked by the caller). */
    public ParameterSet with(Parameter p) {
        Map<String, Parameter> copy = new LinkedHashMap<>(parameters);
        copy.put(p.name(), p);
        return new ParameterSet(name, copy);
    }

    /** A copy under another name. */
    public ParameterSet renamed(String newName) {
        return new ParameterSet(newName, new LinkedHashMap<>(parameters));
    }

    /** The temperature at which functions are sampled for their constraints: "Reference temperature" if set, else 298.15 K. */
    double temperatureForChecks() {
        Parameter t = parameters.get("Reference temperature");
        return t != null && !t.isFunction() ? t.value() : 298.15;
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

        /** Adds a function of (x, T) whose value has SI unit {@code unit} (no constraint). */
        public Builder function(String parameterName, MaterialFunction function, String unit, String description) {
            parameters.put(parameterName, new Parameter(parameterName, unit, Constraint.ANY, Double.NaN, function, description));
            return this;
        }

        /** Adds a parameter record as it is (the caller has checked it). */
        public Builder add(Parameter parameter) {
            parameters.put(parameter.name(), parameter);
            return this;
        }

        public ParameterSet build() {
            return new ParameterSet(name, new LinkedHashMap<>(parameters));
        }
    }
}

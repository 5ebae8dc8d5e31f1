package io.nernst.core.parameters;

import io.nernst.core.text.NameSuggestions;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters a family of models reads ({@link ParameterSpec}s in a fixed order): parameter
 * files are read against it, so that every name is checked (with a "did you mean"), every
 * value converted into the SI unit and checked against its constraint, and a complete set
 * knows what is missing.
 */
public final class ParameterSchema {
    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();

    /** A schema with these specs, in order. */
    public ParameterSchema(Collection<ParameterSpec> specs) {
        for (ParameterSpec s : specs) {
            if (this.specs.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter '" + s.name() + "' is specified twice");
            }
        }
    }

    /** The spec of a name, or null. */
    public ParameterSpec get(String name) {
        return specs.get(name);
    }

    /** All specs in order. */
    public Collection<ParameterSpec> specs() {
        return Collections.unmodifiableCollection(specs.values());
    }

    /** The unknown-name error of {@code where}, suggesting the closest known name. */
    public ParameterException unknown(String where, String name) {
        String best = NameSuggestions.closest(name, specs.keySet());
        return new ParameterException(where + ": unknown parameter '" + name + "'"
                + (best == null ? "" : "; did you mean '" + best + "'?"));
    }
}

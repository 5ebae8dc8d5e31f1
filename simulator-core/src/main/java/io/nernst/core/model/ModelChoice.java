package io.nernst.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which cell model a run asks for: a model type ("DFN") and the component chosen for each
 * slot, as written in a scenario's {@code model:} key. The short form {@code model: DFN} is
 * {@link #of(String)}; the long form
 * {@code model: {type: DFN, electrolyte: single-ion, particle: {shells: 20}}} carries the
 * slots as dotted keys in file order ("electrolyte" = "single-ion", "particle.shells" = "20").
 * Names are checked where models are known (the models module's registry), not here.
 *
 * @param type    model type name, e.g. "DFN"
 * @param options slot (dotted key) to the text written for it, in file order
 */
public record ModelChoice(String type, Map<String, String> options) {

    public ModelChoice {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("model type must not be empty");
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The short form: a type with every slot at its default. */
    public static ModelChoice of(String type) {
        return new ModelChoice(type, Map.of());
    }

    /** A copy with one more option (replacing an earlier value of the same key). */
    public ModelChoice with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(options);
        m.put(key, value);
        return new ModelChoice(type, m);
    }

    /** The option's text, or null when the scenario leaves the slot at its default. */
    public String option(String key) {
        return options.get(key);
    }

    /** "DFN" for the short form, "DFN {electrolyte: single-ion, ...}" otherwise. */
    @Override
    public String toString() {
        if (options.isEmpty()) {
            return type;
        }
        StringBuilder b = new StringBuilder(type).append(" {");
        String sep = "";
        for (Map.Entry<String, String> e : options.entrySet()) {
            b.append(sep).append(e.getKey()).append(": ").append(e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }
}

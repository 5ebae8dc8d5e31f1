package io.nernst.models.parameters;

import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelRegistry;

/**
 * The LiCoO2 | graphite cell of Marquis et al., J. Electrochem. Soc. 166 (2019) A3693, with
 * the values of its COMSOL reference solution. The values live in the resource file
 * {@code io/nernst/models/parameters/marquis2019.yaml} (each with its source); this class
 * only names it for code that refers to the set directly.
 */
public final class Marquis2019 {
    /** Name of the set in the registry. */
    public static final String NAME = "marquis2019";

    private Marquis2019() {
    }

    /** The set, read from its resource file. */
    public static ParameterSet create() {
        return ModelRegistry.parameterSet(NAME);
    }
}

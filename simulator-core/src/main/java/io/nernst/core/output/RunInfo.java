package io.nernst.core.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run was asked to do, for {@code summary.json}.
 *
 * @param model        model name
 * @param parameterSet parameter set name
 * @param overrides    parameter overrides as written (name to text)
 * @param experiment   the protocol, one entry per block (see {@code Experiment.describe()})
 * @param settings     further settings (mesh, solver, scenario file...), written as given
 */
public record RunInfo(String model, String parameterSet, Map<String, String> overrides,
                      List<String> experiment, Map<String, Object> settings) {

    public RunInfo {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        experiment = List.copyOf(experiment);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}

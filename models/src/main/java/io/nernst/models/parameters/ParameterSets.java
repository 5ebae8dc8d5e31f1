package io.nernst.models.parameters;

import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterFiles;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.text.NameSuggestions;
import io.nernst.models.ModelRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in parameter sets (resource files {@code io/nernst/models/parameters/<name>.yaml}:
 * "marquis2019", "chen2020", "ecker2015", read against {@link CellParameterSchema}) and the
 * scenario's {@code parameters:} section (set, file, BPX). Kept apart from {@link ModelRegistry},
 * which creates models: cells are data, models are code.
 */
public final class ParameterSets {
    /** Built-in set name to a one-line description. */
    private static final Map<String, String> SETS = new LinkedHashMap<>();
    private static final Map<String, ParameterSet> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        SETS.put("marquis2019", "LiCoO2 | graphite, Marquis et al., J. Electrochem. Soc. 166 (2019) A3693 (COMSOL reference cell)");
        SETS.put("chen2020", "LG M50 21700: NMC811 | graphite-SiOx, Chen et al., J. Electrochem. Soc. 167 (2020) 080534");
        SETS.put("ecker2015", "Kokam SLPB 75106100: NMC | graphite, Ecker et al., J. Electrochem. Soc. 162 (2015) A1836, A1849");
        SETS.put("seed001-ncm90-lic", "all-solid-state NCM90 + Li3InCl6 | Li6PS5Cl | Li-In, seed 001 (Zhang et al., EES 2023);"
                + " model: {type: DFN, electrolyte: single-ion, positive: composite, negative: lithium-indium}");
        SETS.put("seed002-ncm811-peo", "polymer all-solid-state NCM811 + PEO-LiTFSI + CNT | PEO-LiTFSI-LLZTO | Li at 60 degC, seed 002"
                + " (An et al., AFM 2023); model: {type: DFN, electrolyte: binary, positive: composite-bruggeman, negative: lithium-metal}");
    }

    private ParameterSets() {
    }

    /**
     * A built-in parameter set by name (case-insensitive).
     *
     * @throws ParameterException for an unknown name, listing the known ones and the closest
     */
    public static ParameterSet parameterSet(String name) {
        if (name != null) {
            for (String known : SETS.keySet()) {
                if (known.equalsIgnoreCase(name.trim())) {
                    // sets are immutable and their functions thread-safe: read each file once
                    return LOADED.computeIfAbsent(known, k -> ParameterFiles.readResource(ParameterSets.class,
                            k + ".yaml", CellParameterSchema.get()));
                }
            }
        }
        throw new ParameterException("unknown parameter set '" + name + "'; known: " + String.join(", ", SETS.keySet())
                + closestHint(name, List.copyOf(SETS.keySet())));
    }

    /** Names of the built-in parameter sets. */
    public static List<String> parameterSetNames() {
        return List.copyOf(SETS.keySet());
    }

    /** One-line description of a built-in set (its cell and paper). */
    public static String parameterSetDescription(String name) {
        return SETS.get(name);
    }

    /**
     * The parameters of a scenario's {@code parameters:} section, checked across parameters
     * ({@link CellParameterChecks}).
     *
     * @param set  a built-in set name, or null
     * @param file a parameter file (YAML or JSON): with a set its entries override the set's;
     *             without one it must be complete. May be null.
     * @param bpx  a BPX file (instead of set and file), or null
     * @throws ParameterException naming file, key, value and what is allowed
     */
    public static ParameterSet parameters(String set, Path file, Path bpx) {
        ParameterSet p;
        String source;
        if (bpx != null) {
            if (set != null || file != null) {
                throw new ParameterException("parameters: give 'bpx' alone, not with 'set' or 'file'");
            }
            p = Bpx.read(bpx);
            source = bpx.toString();
        } else if (file != null) {
            p = set == null ? ParameterFiles.read(file, CellParameterSchema.get())
                    : ParameterFiles.overlay(parameterSet(set), file, CellParameterSchema.get());
            source = file.toString();
        } else if (set != null) {
            p = parameterSet(set);
            source = set;
        } else {
            throw new ParameterException("parameters: give 'set' (" + String.join(", ", SETS.keySet()) + "), 'file' or 'bpx'");
        }
        CellParameterChecks.check(p, source);
        return p;
    }

    /** A built-in set name or a parameter file (YAML/JSON) or a BPX file (.json with a "Header"). */
    public static ParameterSet parameterSetOrFile(String nameOrFile) {
        Path f = Path.of(nameOrFile);
        if (java.nio.file.Files.isRegularFile(f)) {
            return Bpx.isBpx(f) ? parameters(null, null, f) : parameters(null, f, null);
        }
        return parameterSet(nameOrFile);
    }


    private static String closestHint(String name, List<String> known) {
        if (name == null || known.isEmpty()) {
            return "";
        }
        return "; did you mean '" + NameSuggestions.closest(name, known) + "'?";
    }
}

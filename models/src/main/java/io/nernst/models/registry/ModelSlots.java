package io.nernst.models.registry;

import java.util.List;

/** The slots of a cell model, in the order their components are applied. */
public final class ModelSlots {
    public static final String KINETICS = "kinetics";
    public static final String ELECTROLYTE = "electrolyte";
    public static final String POSITIVE = "positive";
    public static final String NEGATIVE = "negative";
    public static final String THERMAL = "thermal";
    /** Options of the particle discretisation (not a component): {@code particle: {shells, surfaceRefinement}}. */
    public static final String PARTICLE = "particle";
    public static final String PARTICLE_SHELLS = "particle.shells";
    public static final String PARTICLE_SURFACE_REFINEMENT = "particle.surfaceRefinement";

    /** Component slots in application order: kinetics first, since electrodes read it. */
    public static final List<String> ORDER = List.of(KINETICS, ELECTROLYTE, POSITIVE, NEGATIVE, THERMAL);

    private ModelSlots() {
    }
}

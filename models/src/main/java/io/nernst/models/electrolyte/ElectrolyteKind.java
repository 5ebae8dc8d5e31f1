package io.nernst.models.electrolyte;

/** How charge moves in the electrolyte phase (physics.md section 1). */
public enum ElectrolyteKind {
    /** Binary salt, concentrated-solution theory: concentration and potential both vary. */
    BINARY,
    /** Single-ion conductor (inorganic solid electrolyte): t+ = 1, uniform concentration, Ohm's law only. */
    SINGLE_ION
}

package io.nernst.models.electrode;

/** Geometry of an electrode. */
public enum ElectrodeKind {
    /** Porous insertion electrode: particles in an electrolyte-filled matrix (resolved in x). */
    POROUS,
    /** Planar metal foil (Li metal, Li-In): one interface in series with the separator. */
    PLANAR_METAL
}

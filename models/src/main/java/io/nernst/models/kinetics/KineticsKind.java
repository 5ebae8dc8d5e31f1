package io.nernst.models.kinetics;

/** Which Butler-Volmer form a model uses for insertion electrodes. */
public enum KineticsKind {
    /** j = 2 i0 sinh(F eta / (2 R T)); i0 with exponents 1/2 (the COMSOL / PyBaMM default). */
    SYMMETRIC_BUTLER_VOLMER,
    /**
     * j = i0 [exp((1 - alpha) F eta / (R T)) - exp(-alpha F eta / (R T))] with alpha the
     * electrode's "charge transfer coefficient" (cathodic), i0 exponents 1 - alpha and alpha.
     */
    ASYMMETRIC_BUTLER_VOLMER
}

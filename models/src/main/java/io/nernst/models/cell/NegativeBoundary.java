package io.nernst.models.cell;

import io.nernst.models.assembly.JacobianRecorder;

/**
 * What closes the DFN cell at x = 0: the grounded current collector of a porous negative
 * electrode ({@link GroundedCollector}) or a planar metal anode's interface ({@link
 * MetalInterface}). Called once per residual or Jacobian evaluation, never per x-cell.
 */
interface NegativeBoundary {

    /** Its own unknowns (placed before the x-cells), none for a collector. */
    int unknowns();

    void markAlgebraic(boolean[] algebraic);

    /** Writes its unknowns' initial values; {@code electrolytePotential} is the initial phi_e. */
    void initialState(double[] y, double electrolytePotential);

    /** Writes its rows and adds its fluxes into the first x-cell's rows. */
    void residual(double[] y, double temperature, double[] residual);

    /** The Jacobian of {@link #residual}, a state-independent sequence of add calls. */
    void jacobian(double[] y, double temperature, JacobianRecorder recorder);

    /**
     * Adds its heat and chemical power per unit plate area into terms
     * {reaction heat, reversible heat, solid ohmic heat, electrolyte ohmic heat, chemical power}
     * (see {@link DfnModel#energyTerms}).
     */
    void energyTerms(double[] y, double temperature, double[] terms);

    /**
     * Adds scale * d(heat)/dy of its contributions to terms 0-3 of {@link #energyTerms} into
     * row {@code row} (the lumped thermal row), a state-independent sequence of add calls.
     */
    void heatJacobian(double[] y, double temperature, int row, double scale, JacobianRecorder recorder);
}

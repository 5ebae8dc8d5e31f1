package io.nernst.solvers.multigrid;

/**
 * What a bottom (south) or top (north) wall of the grid imposes on the unknown of a
 * {@link GeometricMultigrid} problem.
 */
public enum WallCondition {
    /**
     * Prescribed value on the wall face. The operator is assembled with the homogeneous value;
     * a non-zero wall value enters the right-hand side (see
     * {@link GeometricMultigrid#addWallValueToRhs(WallSide, double, double[])}). The cell next
     * to the wall couples to the wall over half a cell, {@code 2 k_wall / h^2}.
     */
    DIRICHLET,
    /** Prescribed zero normal flux; a non-zero flux enters the right-hand side. */
    NEUMANN
}

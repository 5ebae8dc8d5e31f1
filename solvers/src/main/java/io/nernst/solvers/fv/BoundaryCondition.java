package io.nernst.solvers.fv;

/**
 * A boundary condition at one end of a 1D mesh for a diffusion-type operator div(k grad u).
 *
 * @param kind  Dirichlet (value of u at the boundary face) or Neumann (flux density)
 * @param value for {@link Kind#DIRICHLET} the boundary value of u; for {@link Kind#NEUMANN}
 *              the flux density -k du/dx in the direction of increasing coordinate, so the
 *              same value means "into the domain" at the left end and "out of it" at the right
 */
public record BoundaryCondition(Kind kind, double value) {

    /** Type of a boundary condition. */
    public enum Kind { DIRICHLET, NEUMANN }

    public BoundaryCondition {
        if (kind == null) {
            throw new IllegalArgumentException("boundary condition kind must not be null");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(kind + " boundary value must be finite, got " + value);
        }
    }

    /** u = value at the boundary. */
    public static BoundaryCondition dirichlet(double value) {
        return new BoundaryCondition(Kind.DIRICHLET, value);
    }

    /** Flux density -k du/dx = flux (positive toward increasing coordinate) at the boundary. */
    public static BoundaryCondition neumann(double flux) {
        return new BoundaryCondition(Kind.NEUMANN, flux);
    }

    /** Zero flux. */
    public static BoundaryCondition noFlux() {
        return new BoundaryCondition(Kind.NEUMANN, 0.0);
    }
}

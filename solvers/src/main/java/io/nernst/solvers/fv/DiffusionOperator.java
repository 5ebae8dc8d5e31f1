package io.nernst.solvers.fv;

/**
 * Cell-centred two-point-flux discretisation of div(k grad u) on a {@link Mesh1D}.
 *
 * <p>The flux through the face f between cells L = f - 1 and R = f is
 * F_f = -T_f (u_R - u_L) with the conductance T_f = A_f / (d_L / k_L + d_R / k_R), where
 * d_L, d_R are the distances from the face to the two nodes and k_L, k_R the cell
 * coefficients. This series-resistance (harmonic) average makes the flux continuous
 * across a face where the coefficient jumps, so a face placed on a material interface
 * between domains of different mesh size and coefficient needs no special treatment.
 * A Dirichlet face uses the half cell: T = A k / d.
 *
 * <p>{@link #apply} returns, per cell, the integral of div(k grad u) over the cell (the net
 * inflow, sum of fluxes into it); divide by {@link Mesh1D#volumeAt} for the point value.
 * The scheme is conservative by construction: the inflows of all cells sum to the
 * boundary inflows exactly (up to round-off).
 */
public final class DiffusionOperator {
    private final Mesh1D mesh;
    private final int cells;
    /** Distance from face f to the node on its left (f = 1..n), from face 0: unused. */
    private final double[] leftDistance;
    /** Distance from face f to the node on its right (f = 0..n-1), from face n: unused. */
    private final double[] rightDistance;
    private final double[] areas;

    public DiffusionOperator(Mesh1D mesh) {
        this.mesh = mesh;
        this.cells = mesh.cells();
        this.leftDistance = new double[cells + 1];
        this.rightDistance = new double[cells + 1];
        this.areas = mesh.faceAreas();
        for (int f = 0; f <= cells; f++) {
            if (f > 0) {
                leftDistance[f] = mesh.faceAt(f) - mesh.centreAt(f - 1);
            }
            if (f < cells) {
                rightDistance[f] = mesh.centreAt(f) - mesh.faceAt(f);
            }
        }
    }

    public Mesh1D mesh() {
        return mesh;
    }

    /** Distance from face f (1..n) to the node of cell f - 1. */
    public double leftDistance(int face) {
        return leftDistance[face];
    }

    /** Distance from face f (0..n-1) to the node of cell f. */
    public double rightDistance(int face) {
        return rightDistance[face];
    }

    /**
     * Conductance of a face between two half cells in series: 1 / (dL / kL + dR / kR), per unit
     * area. A zero coefficient on either side gives zero.
     */
    public static double seriesConductance(double leftDistance, double leftCoefficient,
                                           double rightDistance, double rightCoefficient) {
        if (leftCoefficient == 0.0 || rightCoefficient == 0.0) {
            return 0.0;
        }
        return 1.0 / (leftDistance / leftCoefficient + rightDistance / rightCoefficient);
    }

    /**
     * Face conductances T_f (area included) for cell coefficients k; interior faces use the
     * series average, the two boundary faces the half cell A k / d (the Dirichlet conductance).
     *
     * @param cellCoefficient k per cell, length >= cells
     * @param conductance     output, length >= cells + 1
     */
    public void conductances(double[] cellCoefficient, double[] conductance) {
        conductance[0] = areas[0] * cellCoefficient[0] / rightDistance[0];
        for (int f = 1; f < cells; f++) {
            conductance[f] = areas[f] * seriesConductance(leftDistance[f], cellCoefficient[f - 1],
                    rightDistance[f], cellCoefficient[f]);
        }
        conductance[cells] = areas[cells] * cellCoefficient[cells - 1] / leftDistance[cells];
    }

    /**
     * Integral over each cell of div(k grad u): out[i] = (flux in through the left face) -
     * (flux out through the right face), with the boundary conditions at the two ends.
     * Allocates nothing.
     */
    public void apply(double[] u, double[] cellCoefficient, BoundaryCondition left, BoundaryCondition right, double[] out) {
        checkLength("u", u);
        checkLength("k", cellCoefficient);
        checkLength("out", out);
        // Flux (toward +x) through face 0.
        double fluxIn = boundaryFlux(left, u[0], cellCoefficient[0], true);
        for (int f = 1; f <= cells; f++) {
            double fluxOut;
            if (f < cells) {
                double t = areas[f] * seriesConductance(leftDistance[f], cellCoefficient[f - 1], rightDistance[f], cellCoefficient[f]);
                fluxOut = -t * (u[f] - u[f - 1]);
            } else {
                fluxOut = boundaryFlux(right, u[cells - 1], cellCoefficient[cells - 1], false);
            }
            out[f - 1] = fluxIn - fluxOut;
            fluxIn = fluxOut;
        }
    }

    /**
     * The same operator as a tridiagonal matrix plus a constant:
     * out_i = lower_i u_{i-1} + diagonal_i u_i + upper_i u_{i+1} + constant_i
     * (lower_0 and upper_{n-1} are set to zero).
     */
    public void assemble(double[] cellCoefficient, BoundaryCondition left, BoundaryCondition right,
                         double[] lower, double[] diagonal, double[] upper, double[] constant) {
        checkLength("k", cellCoefficient);
        for (int i = 0; i < cells; i++) {
            lower[i] = 0.0;
            diagonal[i] = 0.0;
            upper[i] = 0.0;
            constant[i] = 0.0;
        }
        for (int f = 1; f < cells; f++) {
            double t = areas[f] * seriesConductance(leftDistance[f], cellCoefficient[f - 1], rightDistance[f], cellCoefficient[f]);
            // Flux out of cell f-1 into cell f is -t (u_f - u_{f-1}).
            diagonal[f - 1] -= t;
            upper[f - 1] += t;
            diagonal[f] -= t;
            lower[f] += t;
        }
        if (left.kind() == BoundaryCondition.Kind.DIRICHLET) {
            double t = areas[0] * cellCoefficient[0] / rightDistance[0];
            diagonal[0] -= t;
            constant[0] += t * left.value();
        } else {
            constant[0] += areas[0] * left.value();
        }
        if (right.kind() == BoundaryCondition.Kind.DIRICHLET) {
            double t = areas[cells] * cellCoefficient[cells - 1] / leftDistance[cells];
            diagonal[cells - 1] -= t;
            constant[cells - 1] += t * right.value();
        } else {
            constant[cells - 1] -= areas[cells] * right.value();
        }
    }

    /**
     * Value of u at a boundary face consistent with the boundary condition: the Dirichlet
     * value, or for a Neumann face the node value extrapolated with the prescribed flux.
     */
    public double boundaryValue(double[] u, double[] cellCoefficient, BoundaryCondition condition, boolean leftEnd) {
        if (condition.kind() == BoundaryCondition.Kind.DIRICHLET) {
            return condition.value();
        }
        if (leftEnd) {
            // -k du/dx = q  =>  u(face) = u_0 + q d / k
            return u[0] + condition.value() * rightDistance[0] / cellCoefficient[0];
        }
        return u[cells - 1] - condition.value() * leftDistance[cells] / cellCoefficient[cells - 1];
    }

    private double boundaryFlux(BoundaryCondition bc, double uNode, double kNode, boolean leftEnd) {
        int f = leftEnd ? 0 : cells;
        if (bc.kind() == BoundaryCondition.Kind.NEUMANN) {
            return areas[f] * bc.value();
        }
        if (leftEnd) {
            return -areas[f] * kNode / rightDistance[0] * (uNode - bc.value());
        }
        return -areas[f] * kNode / leftDistance[cells] * (bc.value() - uNode);
    }

    private void checkLength(String name, double[] a) {
        if (a.length < cells) {
            throw new IllegalArgumentException(name + " has length " + a.length + ", the mesh has " + cells + " cells");
        }
    }
}

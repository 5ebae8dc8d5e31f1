package io.nernst.models.cell;

import io.nernst.models.assembly.JacobianRecorder;

/**
 * The negative current collector of a porous negative electrode, held at phi_s = 0 (the
 * ground): the electronic current -sigma_eff (phi_s,0 - 0)/(dx_0/2) of the half cell enters the
 * first x-cell.
 */
final class GroundedCollector implements NegativeBoundary {
    private final int solidPotential;
    private final double conductance;

    /**
     * @param solidPotential index of phi_s of the first x-cell
     * @param conductance    sigma_eff / (dx_0 / 2) [S/m2]
     */
    GroundedCollector(int solidPotential, double conductance) {
        this.solidPotential = solidPotential;
        this.conductance = conductance;
    }

    @Override
    public int unknowns() {
        return 0;
    }

    @Override
    public void markAlgebraic(boolean[] algebraic) {
    }

    @Override
    public void initialState(double[] y, double electrolytePotential) {
    }

    @Override
    public void residual(double[] y, double temperature, double[] residual) {
        residual[solidPotential] += conductance * y[solidPotential];
    }

    @Override
    public void jacobian(double[] y, double temperature, JacobianRecorder recorder) {
        recorder.add(solidPotential, solidPotential, conductance);
    }

    @Override
    public void energyTerms(double[] y, double temperature, double[] terms) {
        double phi = y[solidPotential];
        terms[2] += conductance * phi * phi;
    }

    @Override
    public void heatJacobian(double[] y, double temperature, int row, double scale, JacobianRecorder recorder) {
        recorder.add(row, solidPotential, scale * 2.0 * conductance * y[solidPotential]);
    }
}

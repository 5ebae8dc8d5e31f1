package io.nernst.models.solidstate;

import io.nernst.models.materials.Constants;
import io.nernst.solvers.dae.DaeSystem;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * A cathode/catholyte interface held at a potential program E(t), as a {@link DaeSystem}: the
 * film state s = r^2 and the cyclable lithium lost L [mol/m2], integrated independently of the
 * closed forms so that tests can check both:
 * <pre>
 *   ds/dt = 2 B(E(t))
 *   dL/dt = nu j_side / F = nu Gamma B(E(t)) / (F sqrt(s))
 * </pre>
 * (see {@link InterphaseGrowth}). At constant E, s is linear in t and L = nu Gamma (r - r_0) / F.
 */
public final class InterphaseHold implements DaeSystem {

    /** The potential program [V vs Li]. */
    @FunctionalInterface
    public interface PotentialProgram {
        double potential(double time);
    }

    private final InterphaseGrowth growth;
    private final PotentialProgram program;
    private final double temperature;
    private final CsrMatrix pattern;

    public InterphaseHold(InterphaseGrowth growth, PotentialProgram program, double temperature) {
        this.growth = growth;
        this.program = program;
        this.temperature = temperature;
        this.pattern = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1, 1}, new int[] {0, 0, 1}, null, 3);
    }

    /** The initial state (r_0^2, 0). */
    public double[] initialState() {
        double r0 = growth.initialResistance();
        return new double[] {r0 * r0, 0.0};
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public boolean isAlgebraic(int component) {
        return false;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        double e = program.potential(t);
        residual[0] = yDot[0] - growth.squareGrowthRate(e, temperature);
        residual[1] = yDot[1] - growth.lithiumPerElectron() * growth.sideCurrentDensity(y[0], e, temperature) / Constants.FARADAY;
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return pattern;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix jacobian) {
        double e = program.potential(t);
        double s = Math.max(y[0], 1e-300);
        double j = growth.sideCurrentDensity(s, e, temperature);
        double[] v = jacobian.values();
        v[pattern.slot(0, 0)] = cj;
        // d/ds of -nu j / F with j = Gamma B s^-1/2: +nu j / (2 F s)
        v[pattern.slot(1, 0)] = growth.lithiumPerElectron() * j / (2.0 * Constants.FARADAY * s);
        v[pattern.slot(1, 1)] = cj;
    }
}

package io.nernst.core.model;

import io.nernst.solvers.dae.DaeSystem;
import java.util.List;

/**
 * A battery-cell model as the simulation loop sees it: an index-1 DAE with one control
 * equation (current, voltage or power), plus named outputs. Models do not step time.
 *
 * <p>The unknown vector includes the terminal current as an algebraic component, so that
 * switching control between experiment steps changes one equation and nothing else.
 * Conventions (physics.md section 0): current positive on discharge, voltage =
 * phi_s(positive collector) - phi_s(negative collector), SI units throughout.
 */
public interface CellModel extends DaeSystem {

    /** Model name, e.g. "DFN". */
    String name();

    /**
     * A fresh initial state: differential components at the model's initial condition,
     * algebraic components at a good guess (the integrator makes them consistent).
     */
    double[] initialState();

    /** Sets the control equation for the following integration; {@code target} in A, V or W. */
    void setControl(Control control, double target);

    /** The control currently imposed. */
    Control control();

    /** Terminal current [A] (positive on discharge) in state y. */
    double current(double[] y);

    /** Terminal voltage [V] in state y. */
    double voltage(double[] y);

    /**
     * Writes dV/dy at state y into {@code gradient} (length {@link #dimension()}): the output
     * derivative of the voltage for impedance and sensitivities.
     *
     * <p>The default differences {@link #voltage} in every component with Richardson-extrapolated
     * central differences (steps h and h/2, h_j = 1e-4 (|y_j| + 1), SI units): the truncation error is
     * O(h^4) and round-off about 1e-12 relative, so the result is exact to about 1e-11 for smooth
     * voltages; components the voltage does not depend on give exactly zero. 4n voltage
     * evaluations, cheap next to one Jacobian. Models may override with the analytic derivative.
     */
    default void voltageGradient(double[] y, double[] gradient) {
        outputGradient(y, gradient, true);
    }

    /** Writes dI/dy at state y into {@code gradient}; the default works as {@link #voltageGradient}. */
    default void currentGradient(double[] y, double[] gradient) {
        outputGradient(y, gradient, false);
    }

    private void outputGradient(double[] y, double[] gradient, boolean voltage) {
        int n = y.length;
        if (gradient.length != n) {
            throw new IllegalArgumentException("gradient has length " + gradient.length + ", state has " + n);
        }
        double[] probe = y.clone();
        for (int j = 0; j < n; j++) {
            double yj = y[j];
            double h = 1e-4 * (Math.abs(yj) + 1.0);
            double[] d = new double[2];
            for (int level = 0; level < 2; level++) {
                double step = level == 0 ? h : 0.5 * h;
                probe[j] = yj + step;
                double up = voltage ? voltage(probe) : current(probe);
                double hUp = probe[j] - yj;
                probe[j] = yj - step;
                double down = voltage ? voltage(probe) : current(probe);
                double hDown = yj - probe[j];
                d[level] = (up - down) / (hUp + hDown);
            }
            probe[j] = yj;
            gradient[j] = (4.0 * d[1] - d[0]) / 3.0;
        }
    }

    /** Nominal capacity [A.h], the basis of C-rates. */
    double nominalCapacity();

    /** Electrode plate area [m2], the basis of current densities such as mA/cm2. */
    double electrodeArea();

    /**
     * Names of the scalar outputs with units, PyBaMM style, e.g. "Voltage [V]",
     * "Negative electrode stoichiometry", "Electrolyte ohmic overpotential [V]".
     * Time, current, voltage and capacity are added by the simulation loop.
     */
    List<String> scalarOutputNames();

    /** Writes the scalar outputs, in {@link #scalarOutputNames()} order. */
    void scalarOutputs(double t, double[] y, double[] yDot, double[] out);

    /** The spatial outputs this model offers. */
    List<FieldOutput> fieldOutputs();

    /** Writes field {@code index} (of {@link #fieldOutputs()}) for state y into {@code out}. */
    void field(int index, double t, double[] y, double[] yDot, double[] out);

    /**
     * The lower end of the cell's safe voltage window [V] (the parameter set's lower cut-off), or
     * NaN when it has none. The simulation stops a step that lacks a lower voltage limit of its
     * own when the voltage falls to this value (docs/reliability.md).
     */
    default double lowerVoltageLimit() {
        return Double.NaN;
    }

    /** The upper end of the cell's safe voltage window [V], or NaN; see {@link #lowerVoltageLimit()}. */
    default double upperVoltageLimit() {
        return Double.NaN;
    }

    /**
     * Checks that state y is physical: called by the simulation on every accepted state before
     * it is recorded. Returns null when it is, else the first violation (quantity, place, value,
     * allowed range). The default only asks every unknown to be finite; models add their ranges
     * (stoichiometry in (0, 1), concentrations above 0, ...).
     */
    default StateViolation checkState(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                return new StateViolation("unknown #" + i + " of " + name(), "", y[i], "a finite number");
            }
        }
        return null;
    }
}

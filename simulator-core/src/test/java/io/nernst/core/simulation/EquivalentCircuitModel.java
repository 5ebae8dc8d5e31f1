package io.nernst.core.simulation;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.List;

/**
 * Test model: an equivalent circuit OCV(soc) - R0 - (R1 || C1), written as the loop expects
 * a cell model to be: an index-1 DAE with the current and the voltage as algebraic unknowns
 * and one control equation.
 *
 * <pre>
 * y = [soc, v1, I, V]
 * soc' = -I / (3600 Q)                 (Q in A.h)
 * v1'  = I / C1 - v1 / (R1 C1)
 * 0    = V - (OCV(soc) - v1 - R0 I)
 * 0    = I - I*  |  V - V*  |  I V - P*   (current, voltage or power control)
 * OCV(soc) = a + b soc + c soc^2   (c = 0 for the closed-form tests)
 * </pre>
 * Closed forms under constant current I from soc0, v1 = 0: soc = soc0 - I t/(3600 Q),
 * v1 = I R1 (1 - exp(-t/(R1 C1))).
 */
final class EquivalentCircuitModel implements CellModel {
    final double capacity;
    final double r0;
    final double r1;
    final double c1;
    final double a;
    final double b;
    final double c;
    final double soc0;
    private Control control = Control.CURRENT;
    private double target;
    private final CsrMatrix pattern;
    private final int[] slots;

    EquivalentCircuitModel(double capacity, double r0, double r1, double c1, double a, double b, double c, double soc0) {
        this.capacity = capacity;
        this.r0 = r0;
        this.r1 = r1;
        this.c1 = c1;
        this.a = a;
        this.b = b;
        this.c = c;
        this.soc0 = soc0;
        int[] rows = {0, 0, 1, 1, 2, 2, 2, 2, 3, 3};
        int[] cols = {0, 2, 1, 2, 0, 1, 2, 3, 2, 3};
        pattern = CsrMatrix.fromTriplets(4, 4, rows, cols, new double[rows.length], rows.length);
        slots = pattern.slotsOf(rows, cols, rows.length);
    }

    double ocv(double soc) {
        return a + soc * (b + c * soc);
    }

    @Override
    public String name() {
        return "ECM";
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public boolean isAlgebraic(int i) {
        return i >= 2;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] f) {
        double soc = y[0];
        double v1 = y[1];
        double i = y[2];
        double v = y[3];
        f[0] = yDot[0] + i / (3600.0 * capacity);
        f[1] = yDot[1] - i / c1 + v1 / (r1 * c1);
        f[2] = v - (ocv(soc) - v1 - r0 * i);
        switch (control) {
            case CURRENT: f[3] = i - target; break;
            case VOLTAGE: f[3] = v - target; break;
            default: f[3] = i * v - target; break;
        }
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
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix j) {
        double[] v = j.values();
        v[slots[0]] = cj;
        v[slots[1]] = 1.0 / (3600.0 * capacity);
        v[slots[2]] = cj + 1.0 / (r1 * c1);
        v[slots[3]] = -1.0 / c1;
        v[slots[4]] = -(b + 2 * c * y[0]);
        v[slots[5]] = 1.0;
        v[slots[6]] = r0;
        v[slots[7]] = 1.0;
        switch (control) {
            case CURRENT: v[slots[8]] = 1.0; v[slots[9]] = 0.0; break;
            case VOLTAGE: v[slots[8]] = 0.0; v[slots[9]] = 1.0; break;
            default: v[slots[8]] = y[3]; v[slots[9]] = y[2]; break;
        }
    }

    @Override
    public double[] initialState() {
        return new double[] {soc0, 0.0, 0.0, ocv(soc0)};
    }

    @Override
    public void setControl(Control control, double target) {
        this.control = control;
        this.target = target;
    }

    @Override
    public Control control() {
        return control;
    }

    @Override
    public double current(double[] y) {
        return y[2];
    }

    @Override
    public double voltage(double[] y) {
        return y[3];
    }

    @Override
    public double nominalCapacity() {
        return capacity;
    }

    @Override
    public double electrodeArea() {
        return 0.1;
    }

    @Override
    public List<String> scalarOutputNames() {
        return List.of("State of charge", "RC voltage [V]", "Voltage [V]");
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
        out[0] = y[0];
        out[1] = y[1];
        out[2] = y[3];
    }

    @Override
    public List<FieldOutput> fieldOutputs() {
        return List.of(new FieldOutput("Branch voltages [V]", "branch", new double[] {0, 1}));
    }

    @Override
    public void field(int index, double t, double[] y, double[] yDot, double[] out) {
        out[0] = ocv(y[0]);
        out[1] = y[1];
    }
}

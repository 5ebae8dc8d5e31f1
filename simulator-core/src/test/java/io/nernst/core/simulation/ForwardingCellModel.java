package io.nernst.core.simulation;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.List;

/** Test helper: a cell model that delegates everything, for tests that break one method. */
class ForwardingCellModel implements CellModel {
    private final CellModel delegate;

    ForwardingCellModel(CellModel delegate) {
        this.delegate = delegate;
    }

    @Override public String name() { return delegate.name(); }
    @Override public int dimension() { return delegate.dimension(); }
    @Override public boolean isAlgebraic(int i) { return delegate.isAlgebraic(i); }
    @Override public void residual(double t, double[] y, double[] yDot, double[] f) { delegate.residual(t, y, yDot, f); }
    @Override public CsrMatrix jacobianPattern() { return delegate.jacobianPattern(); }
    @Override public boolean hasAnalyticJacobian() { return delegate.hasAnalyticJacobian(); }
    @Override public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix j) { delegate.jacobian(t, y, yDot, cj, j); }
    @Override public double[] initialState() { return delegate.initialState(); }
    @Override public void setControl(Control control, double target) { delegate.setControl(control, target); }
    @Override public Control control() { return delegate.control(); }
    @Override public double current(double[] y) { return delegate.current(y); }
    @Override public double voltage(double[] y) { return delegate.voltage(y); }
    @Override public double nominalCapacity() { return delegate.nominalCapacity(); }
    @Override public double electrodeArea() { return delegate.electrodeArea(); }
    @Override public List<String> scalarOutputNames() { return delegate.scalarOutputNames(); }
    @Override public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) { delegate.scalarOutputs(t, y, yDot, out); }
    @Override public List<FieldOutput> fieldOutputs() { return delegate.fieldOutputs(); }
    @Override public void field(int index, double t, double[] y, double[] yDot, double[] out) { delegate.field(index, t, y, yDot, out); }
}

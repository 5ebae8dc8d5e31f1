package io.nernst.core.study;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cell model seen through extra scalar outputs: the minimum and maximum over space of chosen field
 * outputs ({@code "Minimum of Electrolyte concentration [mol.m-3]"}), so that a study can take their
 * extremes over time from the recorded rows without recording whole fields. Everything else is the wrapped
 * model's, unchanged.
 */
final class FieldExtremaModel implements CellModel {

    static final String MIN = "Minimum of ";
    static final String MAX = "Maximum of ";

    private final CellModel model;
    private final int[] fields;
    private final double[][] buffers;
    private final List<String> names;
    private final int own;

    FieldExtremaModel(CellModel model, List<String> fieldNames) {
        this.model = model;
        this.fields = new int[fieldNames.size()];
        this.buffers = new double[fieldNames.size()][];
        List<String> n = new ArrayList<>(model.scalarOutputNames());
        own = n.size();
        List<FieldOutput> outputs = model.fieldOutputs();
        for (int i = 0; i < fieldNames.size(); i++) {
            int f = fieldIndex(model, fieldNames.get(i));
            if (f < 0) {
                throw new IllegalArgumentException("model " + model.name() + " has no field output '" + fieldNames.get(i) + "'");
            }
            fields[i] = f;
            buffers[i] = new double[outputs.get(f).positions().length];
            n.add(MIN + fieldNames.get(i));
            n.add(MAX + fieldNames.get(i));
        }
        this.names = Collections.unmodifiableList(n);
    }

    static int fieldIndex(CellModel model, String name) {
        List<FieldOutput> outputs = model.fieldOutputs();
        for (int f = 0; f < outputs.size(); f++) {
            if (outputs.get(f).name().equals(name)) {
                return f;
            }
        }
        return -1;
    }

    @Override
    public List<String> scalarOutputNames() {
        return names;
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
        model.scalarOutputs(t, y, yDot, out);
        for (int i = 0; i < fields.length; i++) {
            double[] b = buffers[i];
            model.field(fields[i], t, y, yDot, b);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : b) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            out[own + 2 * i] = lo;
            out[own + 2 * i + 1] = hi;
        }
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public double[] initialState() {
        return model.initialState();
    }

    @Override
    public void setControl(Control control, double target) {
        model.setControl(control, target);
    }

    @Override
    public Control control() {
        return model.control();
    }

    @Override
    public double current(double[] y) {
        return model.current(y);
    }

    @Override
    public double voltage(double[] y) {
        return model.voltage(y);
    }

    @Override
    public double nominalCapacity() {
        return model.nominalCapacity();
    }

    @Override
    public double electrodeArea() {
        return model.electrodeArea();
    }

    @Override
    public List<FieldOutput> fieldOutputs() {
        return model.fieldOutputs();
    }

    @Override
    public void field(int index, double t, double[] y, double[] yDot, double[] out) {
        model.field(index, t, y, yDot, out);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public boolean isAlgebraic(int component) {
        return model.isAlgebraic(component);
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        model.residual(t, y, yDot, residual);
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return model.jacobianPattern();
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return model.hasAnalyticJacobian();
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix jacobian) {
        model.jacobian(t, y, yDot, cj, jacobian);
    }
}

package io.nernst.cli;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.FieldOutput;
import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.scenario.MeshSettings;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.List;

/**
 * A catalog for command-line tests: parameter set "ecm-test" and models "ECM" (an
 * OCV + R0 + RC equivalent circuit, OCV = 3.0 + 1.2 soc) and "BROKEN" (the same, with a
 * residual that turns NaN after 100 s, to provoke a solver failure).
 */
final class TestCatalog implements ModelCatalog {

    static ParameterSet set() {
        return ParameterSet.builder("ecm-test")
                .constant("Nominal cell capacity", 2.0, "A.h", Constraint.POSITIVE, "")
                .constant("Series resistance", 0.01, "ohm", Constraint.POSITIVE, "")
                .constant("RC resistance", 0.015, "ohm", Constraint.POSITIVE, "")
                .constant("RC capacitance", 2000, "F", Constraint.POSITIVE, "")
                .constant("Negative electrode thickness", 100e-6, "m", Constraint.POSITIVE, "not used by the circuit")
                .constant("Negative electrode porosity", 0.3, "1", Constraint.FRACTION, "not used by the circuit")
                .constant("Initial state of charge", 1.0, "1", Constraint.UNIT_INTERVAL, "")
                .build();
    }

    @Override
    public ParameterSet parameterSet(String name) {
        if (!name.equals("ecm-test")) {
            throw new io.nernst.core.error.BadInputException("unknown parameter set '" + name + "'; known: ecm-test");
        }
        return set();
    }

    @Override
    public List<String> modelNames() {
        return List.of("ECM", "BROKEN", "BUGGY");
    }

    @Override
    public CellModel create(String modelName, ParameterSet p, MeshSettings mesh) {
        switch (modelName) {
            case "ECM": return new Ecm(p, false);
            case "BROKEN": return new Ecm(p, true);
            case "BUGGY": return new Ecm(p, false) {
                // a programming error inside a model: must surface as an internal error, not a solver failure
                @Override
                public void residual(double t, double[] y, double[] yDot, double[] f) {
                    super.residual(t, y, yDot, f);
                    if (t > 100) {
                        Object missing = null;
                        f[0] += missing.hashCode();
                    }
                }
            };
            default: throw new io.nernst.core.error.BadInputException("unknown model '" + modelName + "'; known: ECM, BROKEN, BUGGY");
        }
    }

    /** y = [soc, v1, I, V]; see the class comment. */
    static class Ecm implements CellModel {
        private final double q;
        private final double r0;
        private final double r1;
        private final double c1;
        private final double soc0;
        private final boolean broken;
        private Control control = Control.CURRENT;
        private double target;
        private final CsrMatrix pattern;

        Ecm(ParameterSet p, boolean broken) {
            q = p.value("Nominal cell capacity");
            r0 = p.value("Series resistance");
            r1 = p.value("RC resistance");
            c1 = p.value("RC capacitance");
            soc0 = p.value("Initial state of charge");
            this.broken = broken;
            int[] rows = {0, 0, 1, 1, 2, 2, 2, 2, 3, 3};
            int[] cols = {0, 2, 1, 2, 0, 1, 2, 3, 2, 3};
            pattern = CsrMatrix.fromTriplets(4, 4, rows, cols, new double[rows.length], rows.length);
        }

        @Override public String name() { return broken ? "BROKEN" : "ECM"; }
        @Override public int dimension() { return 4; }
        @Override public boolean isAlgebraic(int i) { return i >= 2; }

        @Override
        public void residual(double t, double[] y, double[] yDot, double[] f) {
            f[0] = yDot[0] + y[2] / (3600.0 * q);
            f[1] = yDot[1] - y[2] / c1 + y[1] / (r1 * c1);
            f[2] = y[3] - (3.0 + 1.2 * y[0] - y[1] - r0 * y[2]);
            f[3] = control == Control.CURRENT ? y[2] - target : control == Control.VOLTAGE ? y[3] - target : y[2] * y[3] - target;
            if (broken && t > 100) {
                f[0] = Double.NaN;
            }
        }

        @Override public CsrMatrix jacobianPattern() { return pattern; }
        @Override public double[] initialState() { return new double[] {soc0, 0, 0, 3.0 + 1.2 * soc0}; }
        @Override public void setControl(Control c, double value) { control = c; target = value; }
        @Override public Control control() { return control; }
        @Override public double current(double[] y) { return y[2]; }
        @Override public double voltage(double[] y) { return y[3]; }
        @Override public double nominalCapacity() { return q; }
        @Override public double electrodeArea() { return 0.1; }
        @Override public List<String> scalarOutputNames() { return List.of("State of charge"); }
        @Override public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) { out[0] = y[0]; }
        @Override public List<FieldOutput> fieldOutputs() { return List.of(); }
        @Override public void field(int index, double t, double[] y, double[] yDot, double[] out) { }
    }
}

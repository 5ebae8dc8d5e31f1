package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.sparse.CsrMatrix;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Cells read from parameter files evaluate compiled expressions (chen2020: exp/tanh OCPs and
 * power-law electrolyte fits; ecker2015: 10**(...) diffusivities and T-dependent electrolyte
 * fits) in every residual and Jacobian: the bytes allocated by many calls must not grow with
 * the number of calls.
 */
class ParameterFileAllocationTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(6).separatorPoints(3).positivePoints(6)
            .particlePoints(6).build();

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long calls(CellModel model, double[] y, double[] yDot, double[] r, CsrMatrix jac, int n) {
        long before = allocatedBytes();
        double sink = 0;
        for (int k = 0; k < n; k++) {
            model.residual(k, y, yDot, r);
            model.jacobian(k, y, yDot, 1e3, jac);
            sink += r[0];
        }
        long bytes = allocatedBytes() - before;
        assertTrue(Double.isFinite(sink));
        return bytes;
    }

    @Test
    void residualAndJacobianOfFileDefinedCellsAllocateNothingPerCall() {
        for (String set : new String[] {"chen2020", "ecker2015"}) {
            for (String name : ModelRegistry.modelNames()) {
                CellModel model = ModelRegistry.create(name, ModelRegistry.parameterSet(set), SMALL);
                double current = ModelRegistry.parameterSet(set).value("Nominal cell capacity");
                model.setControl(Control.CURRENT, current);
                double[][] s = ModelTestSupport.perturbedState(model, current, 11);
                double[] r = new double[model.dimension()];
                CsrMatrix jac = model.jacobianPattern().withSamePattern();
                calls(model, s[0], s[1], r, jac, 2000);
                long few = calls(model, s[0], s[1], r, jac, 100);
                long many = calls(model, s[0], s[1], r, jac, 10100);
                assertTrue(many - few < 4096, set + " " + name + ": 10000 extra residual+Jacobian calls allocated " + (many - few) + " bytes");
            }
        }
    }
}

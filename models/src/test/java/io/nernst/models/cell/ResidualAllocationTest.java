package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.sparse.CsrMatrix;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Residual and Jacobian are the integrator's hot path: for every assembly of components
 * (porous or planar anode, binary or single-ion electrolyte, isothermal or lumped) the bytes
 * allocated by many calls must not grow with the number of calls.
 */
class ResidualAllocationTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(6).separatorPoints(3).positivePoints(6)
            .particlePoints(6).build();

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long calls(CellModel model, double[] y, double[] yDot, double[] r, CsrMatrix jac, int calls) {
        long before = allocatedBytes();
        double sink = 0.0;
        for (int k = 0; k < calls; k++) {
            model.residual(k, y, yDot, r);
            model.jacobian(k, y, yDot, 10.0, jac);
            sink += r[0] + jac.values()[0];
        }
        long bytes = allocatedBytes() - before;
        assertTrue(Double.isFinite(sink));
        return bytes;
    }

    @Test
    void residualAndJacobianAllocateNothingPerCall() {
        ParameterSet thermal = ThermalModelTest.thermalCell(10.0, ModelRegistry.parameterSet("marquis2019"));
        ParameterSet solid = thermal.with("Electrolyte conductivity", 0.5);
        List<CellModel> models = List.of(
                ModelRegistry.create("SPM", ModelRegistry.parameterSet("marquis2019"), SMALL),
                ModelRegistry.create("SPMe", ModelRegistry.parameterSet("marquis2019"), SMALL),
                ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), SMALL),
                ModelRegistry.create(new ModelChoice("DFN", Map.of("thermal", "lumped")), thermal, SMALL),
                ModelRegistry.create(new ModelChoice("DFN", Map.of("electrolyte", "single-ion", "thermal", "lumped")), solid, SMALL));
        for (CellModel model : models) {
            model.setControl(Control.CURRENT, 24.0);
            double[][] s = ModelTestSupport.perturbedState(model, 24.0, 5);
            double[] r = new double[model.dimension()];
            CsrMatrix jac = model.jacobianPattern().withSamePattern();
            calls(model, s[0], s[1], r, jac, 2000);
            long few = calls(model, s[0], s[1], r, jac, 100);
            long many = calls(model, s[0], s[1], r, jac, 10100);
            assertTrue(many - few < 4096, model.name() + " " + model.scalarOutputNames().size()
                    + " outputs: 10000 extra residual+Jacobian calls allocated " + (many - few) + " bytes");
        }
    }
}

package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The simulation loop records the scalar outputs at every integrator step (and fields at every
 * snapshot), so {@code scalarOutputs}, {@code field} and {@code voltage} must work in the
 * model's own workspaces: the bytes allocated by many calls must not grow with the number of
 * calls (JVM per-thread allocation counter).
 */
class OutputAllocationTest {
    private static final ModelOptions SMALL = ModelOptions.builder().negativePoints(6).separatorPoints(3).positivePoints(6)
            .particlePoints(6).build();

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Bytes allocated by {@code calls} rounds of every output method. */
    private static long outputCalls(CellModel model, double[] y, double[] yDot, double[] out, double[][] fields, int calls) {
        long before = allocatedBytes();
        double sink = 0.0;
        for (int k = 0; k < calls; k++) {
            model.scalarOutputs(k, y, yDot, out);
            sink += out[0] + model.voltage(y) + model.current(y);
            for (int f = 0; f < fields.length; f++) {
                model.field(f, k, y, yDot, fields[f]);
                sink += fields[f][0];
            }
        }
        long bytes = allocatedBytes() - before;
        assertTrue(Double.isFinite(sink), "outputs must be finite");
        return bytes;
    }

    @Test
    void outputsAllocateNothingPerCall() {
        for (String name : ModelRegistry.modelNames()) {
            CellModel model = ModelRegistry.create(name, ModelRegistry.parameterSet("marquis2019"), SMALL);
            model.setControl(Control.CURRENT, 24.0);
            double[][] s = ModelTestSupport.perturbedState(model, 24.0, 7);
            double[] out = new double[model.scalarOutputNames().size()];
            double[][] fields = new double[model.fieldOutputs().size()][];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = new double[model.fieldOutputs().get(f).positions().length];
            }
            // warm up (class loading, lazy initialisation), then compare few calls with many calls
            outputCalls(model, s[0], s[1], out, fields, 2000);
            long few = outputCalls(model, s[0], s[1], out, fields, 100);
            long many = outputCalls(model, s[0], s[1], out, fields, 20100);
            assertTrue(many - few < 4096, name + ": 20000 extra output calls allocated " + (many - few)
                    + " bytes (" + few + " for 100 calls)");
        }
    }
}

package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stepping loop allocates nothing: the bytes allocated by a whole integrate call do not grow with
 * the number of steps (measured with the JVM's per-thread allocation counter).
 */
class AllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static final DaeEvent NEVER = new DaeEvent() {
        @Override
        public double g(double t, double[] y, double[] yDot) {
            return y[0] + 1.0; // HIRES y1 stays positive: no root, but g runs every step
        }

        @Override
        public EventDirection direction() {
            return EventDirection.BOTH;
        }

        @Override
        public boolean terminal() {
            return true;
        }
    };

    private static long[] run(BdfIntegrator integrator, DenseJacobianDae.ExplicitOde ode, double[] y0, double[] yp0,
            StepListener listener) {
        long before = allocatedBytes();
        IntegrationResult r = integrator.integrate(ode, 0.0, y0, yp0, TestSetProblems.HIRES_END, List.of(NEVER), listener);
        return new long[] {allocatedBytes() - before, r.statistics().steps()};
    }

    @Test
    void allocationDoesNotGrowWithSteps() {
        for (boolean analytic : new boolean[] {true, false}) {
            DenseJacobianDae.ExplicitOde ode = TestSetProblems.hires();
            ode.analytic = analytic;
            double[] y0 = TestSetProblems.HIRES_INITIAL;
            double[] yp0 = TestSetProblems.initialDerivative(ode, 0, y0);
            double[] y = new double[8];
            double[] yp = new double[8];
            StepListener listener = out -> out.interpolate(0.5 * (out.previousTime() + out.currentTime()), y, yp);
            BdfIntegrator coarse = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-5).absoluteTolerance(1e-9).build());
            BdfIntegrator fine = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-10).absoluteTolerance(1e-14).build());
            for (int warm = 0; warm < 3; warm++) {
                run(coarse, ode, y0, yp0, listener);
                run(fine, ode, y0, yp0, listener);
            }
            long[] small = run(coarse, ode, y0, yp0, listener);
            long[] large = run(fine, ode, y0, yp0, listener);
            assertTrue(large[1] > small[1] + 1000, "the fine run takes many more steps: " + small[1] + " vs " + large[1]);
            long extraBytes = large[0] - small[0];
            assertTrue(extraBytes < 2048, "allocation grew by " + extraBytes + " bytes for " + (large[1] - small[1])
                    + " extra steps (analytic=" + analytic + "); per run: " + small[0] + " and " + large[0]);
            assertTrue(large[0] < 16384, "one integrate call allocated " + large[0] + " bytes");
        }
    }
}

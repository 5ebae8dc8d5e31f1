package io.nernst.solvers.levelset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nernst.solvers.grid.CartesianGrid2D;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The stepping and geometry operations allocate nothing once their workspaces exist. */
class LevelSetAllocationTest {

    @Test
    void stepsAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        CartesianGrid2D g = CartesianGrid2D.ofSize(32, 32, 1.0, 1.0, true);
        double eps = 0.75 * g.dx();
        double[] phi = LevelSetGeometry.fromSignedDistance(g, (x, y) -> 0.2 - Math.hypot(x - 0.5, y - 0.5), eps, g.newField());
        FaceVelocityField u = new FaceVelocityField(g).fillFromStreamFunction(LevelSetTestFlows::vortexStreamFunction);
        FaceVelocityProvider provider = (t, v) -> v.setScaled(u, 1.0);
        double[] speed = g.fill(g.newField(), (x, y) -> 0.1);
        double[] ux = g.newField();
        double[] uy = g.newField();
        double[] work = g.newField();
        double[] work2 = g.newField();
        double[] height = new double[g.nx()];
        LevelSetTransport transport = new LevelSetTransport(g);
        ConservativeReinitialisation reinitialisation = new ConservativeReinitialisation(g, eps);
        Runnable all = () -> {
            transport.stepConservative(phi, u, 1e-3);
            transport.stepConservative(phi, 0.0, 1e-3, provider);
            transport.stepNormalSpeed(phi, speed, 1e-3);
            LevelSetGeometry.normalVelocity(g, phi, speed, ux, uy);
            transport.stepAdvective(phi, ux, uy, 1e-3);
            transport.stepSingleEquation(phi, ux, uy, 0.1, reinitialisation, 1e-3);
            reinitialisation.reinitialise(phi, 2, 0.0);
            transport.advanceConservative(phi, 0.0, 1e-3, provider, u.maxAdvectiveRate(), 0.8, reinitialisation, 1.0);
            LevelSetGeometry.curvature(g, phi, work);
            LevelSetGeometry.delta(g, phi, work, work2);
            LevelSetGeometry.profileDelta(phi, eps, work);
            LevelSetGeometry.interfaceHeight(g, phi, height);
            LevelSetGeometry.areaAbove(g, phi, 0.5);
        };
        for (int warm = 0; warm < 200; warm++) {
            all.run();
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int repeat = 0; repeat < 20; repeat++) {
            all.run();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(0, allocated, "bytes allocated by 20 rounds of steps");
    }
}

package io.nernst.benchmarks.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;
import io.nernst.solvers.levelset.ConservativeReinitialisation;
import io.nernst.solvers.levelset.FaceVelocityField;
import io.nernst.solvers.levelset.LevelSetGeometry;
import io.nernst.solvers.levelset.LevelSetTransport;
import io.nernst.solvers.levelset.Weno5;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one level-set time step on an n x n grid (divide the score by n^2 for ns per cell): a
 * conservative SSP-RK3 WENO5 advection step (WENO-Z and Jiang-Shu weights), a normal-speed step
 * (advective form with u = n v_n recomputed per stage) and one Olsson-Kreiss reinitialisation pseudo-step
 * (normals frozen + one forward-Euler step). Zalesak's slotted disc in solid-body rotation, eps = 0.75 h.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LevelSetStepBenchmark {

    @Param({"128", "256", "512"})
    public int n;

    private double[] phi;
    private double[] phiNormal;
    private double[] phiReinit;
    private double[] normalSpeed;
    private double[] reversedNormalSpeed;
    private boolean reverse;
    private FaceVelocityField rotation;
    private LevelSetTransport transportZ;
    private LevelSetTransport transportJiangShu;
    private ConservativeReinitialisation reinitialisation;
    private double dt;
    private double normalDt;
    private int probe;

    @Setup(Level.Trial)
    public void setUp() {
        CartesianGrid2D grid = CartesianGrid2D.ofSize(n, n, 1.0, 1.0, false);
        double eps = 0.75 * grid.dx();
        phi = LevelSetGeometry.fromSignedDistance(grid, LevelSetStepBenchmark::slottedDisc, eps, grid.newField());
        phiNormal = phi.clone();
        phiReinit = phi.clone();
        normalSpeed = grid.fill(grid.newField(), (x, y) -> 1e-3);
        reversedNormalSpeed = grid.fill(grid.newField(), (x, y) -> -1e-3);
        rotation = new FaceVelocityField(grid).fillFromStreamFunction(
                (x, y) -> -Math.PI * ((x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5)));
        transportZ = new LevelSetTransport(grid, Weno5.Weights.BORGES_Z);
        transportJiangShu = new LevelSetTransport(grid, Weno5.Weights.JIANG_SHU);
        reinitialisation = new ConservativeReinitialisation(grid, eps);
        dt = LevelSetTransport.maxStableStep(rotation.maxAdvectiveRate(), 0.8);
        normalDt = 0.1 * grid.dx() / 1e-3;
        probe = grid.index(n / 2, 3 * n / 4);
    }

    private static double slottedDisc(double x, double y) {
        double disc = 0.15 - Math.hypot(x - 0.5, y - 0.75);
        double qx = Math.abs(x - 0.5) - 0.025;
        double qy = Math.abs(y - 0.675) - 0.175;
        double slot = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0);
        return Math.min(disc, slot);
    }

    /** One SSP-RK3 step of the conservative flux form, WENO-Z weights. */
    @Benchmark
    public double advectionStepWenoZ() {
        transportZ.stepConservative(phi, rotation, dt);
        return phi[probe];
    }

    /** One SSP-RK3 step of the conservative flux form, Jiang-Shu weights. */
    @Benchmark
    public double advectionStepJiangShu() {
        transportJiangShu.stepConservative(phi, rotation, dt);
        return phi[probe];
    }

    /**
     * One SSP-RK3 step with a normal speed (normals and HJ-WENO derivatives in every stage); the speed
     * alternates in sign so that the disc neither fills nor leaves the domain over the run.
     */
    @Benchmark
    public double normalSpeedStep() {
        reverse = !reverse;
        transportZ.stepNormalSpeed(phiNormal, reverse ? reversedNormalSpeed : normalSpeed, normalDt);
        return phiNormal[probe];
    }

    /** One reinitialisation pseudo-step, including freezing the normals. */
    @Benchmark
    public double reinitialisationStep() {
        reinitialisation.reinitialise(phiReinit, 1, 0.0);
        return phiReinit[probe];
    }
}

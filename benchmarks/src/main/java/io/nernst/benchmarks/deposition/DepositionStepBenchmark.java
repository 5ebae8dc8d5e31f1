package io.nernst.benchmarks.deposition;

import io.nernst.models.deposition.DepositionModel;
import io.nernst.models.deposition.DepositionSettings;
import io.nernst.models.deposition.InitialMorphology;
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
 * One time step of the lithium deposition model (examples/deposition/deposition-256x256.yaml physics: seed 003
 * QCPE@P-DOL, 1 mA/cm2, rough surface) on an N x N grid over a fixed 32 um x 32 um domain, at the
 * interface Courant number 0.4: coupled concentration/potential solve (multigrid-CG), interface
 * motion and reinitialisation. The model is rebuilt before every measurement iteration so the front
 * never approaches the top. Fit the exponent of time against cells with
 * {@link DepositionScalingFit}:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DepositionStepBenchmark -f 1 -wi 3 -i 5 -rf json -rff dep.json
 * java -cp benchmarks/target/benchmarks.jar io.nernst.benchmarks.deposition.DepositionScalingFit dep.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DepositionStepBenchmark {

    /** Cells per side. */
    @Param({"128", "256", "512"})
    public int cells;

    private DepositionModel model;
    private double dt;

    /** Builds the model (including its initial potential solve) and takes two steps to leave the start-up. */
    @Setup(Level.Iteration)
    public void setUp() {
        DepositionSettings s = DepositionSettings.builder().conductivity(0.148).transferenceNumber(0.38)
                .bulkConcentration(1490.0).exchangeCurrentDensity(5.0).width(32e-6).height(32e-6).cellsX(cells)
                .cellsY(cells).surfaceHeight(4e-6).morphology(new InitialMorphology.Rough(0.5e-6, 3e-6, 3))
                .galvanostatic(10.0).duration(3600.0).build();
        model = new DepositionModel(s);
        dt = 0.4 * (32e-6 / cells) / model.maxNormalSpeed();
        model.step(dt);
        model.step(dt);
    }

    /** One time step. */
    @Benchmark
    public double step() {
        model.step(dt);
        return model.electrodePotential();
    }
}

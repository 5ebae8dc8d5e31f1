package io.nernst.benchmarks.dae;

import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.BdfStatistics;
import io.nernst.solvers.dae.DaeSystem;
import io.nernst.solvers.dae.IntegrationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time for one full integration of a test-set problem with {@link BdfIntegrator}.
 *
 * <ul>
 * <li>{@code ROBERTSON_DAE}: ROBER as an index-1 DAE on [0, 1e11], rtol = 1e-8,
 * atol = (1e-16, 1e-22, 1e-10) (below rtol times the final size of each component, so that all
 * three are resolved to ~7 digits).</li>
 * <li>{@code ROBERTSON_IDA}: the configuration of SUNDIALS' idaRoberts_dns example (rtol = 1e-4,
 * atol = (1e-8, 1e-6, 1e-6), [0, 4e10]) for a like-for-like step count with IDA.</li>
 * <li>{@code HIRES}: [0, 321.8122], rtol = 1e-8, atol = 1e-12.</li>
 * </ul>
 * The integrator instance (and so its workspace and the linear solver's analysis) is reused across
 * invocations, as a simulation loop would. The step and Jacobian counts are deterministic; {@link #setup}
 * prints them once per trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BdfTestSetBenchmark {

    /** Benchmarked problem and tolerance set. */
    public enum Problem {
        ROBERTSON_DAE, ROBERTSON_IDA, HIRES
    }

    @Param({"ROBERTSON_DAE", "ROBERTSON_IDA", "HIRES"})
    public Problem problem;

    /** true: analytic Jacobian; false: coloured finite differences. */
    @Param({"true", "false"})
    public boolean analyticJacobian;

    private DaeSystem system;
    private BdfIntegrator integrator;
    private double[] y0;
    private double[] yp0;
    private double tEnd;

    @Setup
    public void setup() {
        switch (problem) {
            case ROBERTSON_DAE:
                system = new TestSetSystems.RobertsonDae(analyticJacobian);
                integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8)
                        .absoluteTolerances(new double[] {1e-16, 1e-22, 1e-10}).build());
                y0 = new double[] {1, 0, 0};
                yp0 = new double[] {-0.04, 0.04, 0};
                tEnd = 1e11;
                break;
            case ROBERTSON_IDA:
                system = new TestSetSystems.RobertsonDae(analyticJacobian);
                integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-4)
                        .absoluteTolerances(new double[] {1e-8, 1e-6, 1e-6}).stepPastEnd(true).build());
                y0 = new double[] {1, 0, 0};
                yp0 = new double[] {-0.04, 0.04, 0};
                tEnd = 4e10;
                break;
            default:
                system = new TestSetSystems.Hires(analyticJacobian);
                integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-12)
                        .build());
                y0 = new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057};
                yp0 = new double[8];
                system.residual(0.0, y0, yp0, yp0); // F(0, y0, 0) = -f(y0)
                for (int i = 0; i < 8; i++) {
                    yp0[i] = -yp0[i];
                }
                tEnd = 321.8122;
                break;
        }
        BdfStatistics s = integrate().statistics();
        System.out.println("# " + problem + (analyticJacobian ? " analytic" : " finite-difference") + " Jacobian: "
                + s + " linear solver " + integrator.linearSolverName());
    }

    /** One full integration from t0 to tEnd. */
    @Benchmark
    public IntegrationResult integrate() {
        return integrator.integrate(system, 0.0, y0, yp0, tEnd, null, null);
    }
}

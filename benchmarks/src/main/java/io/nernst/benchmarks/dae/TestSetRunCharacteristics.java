package io.nernst.benchmarks.dae;

import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.BdfStatistics;
import io.nernst.solvers.dae.DaeSystem;
import io.nernst.solvers.dae.IntegrationResult;
import java.util.Locale;

/**
 * Prints the "run characteristics" of {@link BdfIntegrator} on ROBER and HIRES in the form the
 * Bari "Test Set for IVP Solvers" reports them for its reference solvers (F. Mazzia, C. Magherini
 * and F. Iavernaro, Report 43/2006, release 2.3, University of Bari): scd, mescd, steps, accepted
 * steps, #f, #Jac, #LU, one markdown table row per problem and tolerance.
 *
 * <p>The accuracy measures are those of the test set's driver routine {@code getscd} (file
 * report.f of the test-set software): with e_i = |y_i - ref_i| at the end point,
 * scd = -log10(max_i e_i / |ref_i|) and mescd = -log10(max_i e_i / (atol_i / rtol_i + |ref_i|)).
 * The counters map as in its routine {@code report}: steps = accepted + rejected attempts
 * (for DASSL: iwork(11) + iwork(14) + iwork(15)), #f = residual evaluations (including those of
 * finite-difference Jacobians, none here: the analytic Jacobian is used, as the test-set
 * drivers do for these problems), #Jac = iteration-matrix evaluations, #LU = factorisations.
 *
 * <p>Run with (after {@code ./mvnw -B -q -o -pl benchmarks -am package -DskipTests -DskipBenchmarkSmoke}):
 * {@code java -cp benchmarks/target/benchmarks.jar io.nernst.benchmarks.dae.TestSetRunCharacteristics}.
 * The counts are deterministic; no timing is taken.
 */
public final class TestSetRunCharacteristics {

    /** ROBER reference solution at t = 1e11 (test set, problem ROBER). */
    static final double[] ROBERTSON_REFERENCE = {0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050};

    /** HIRES reference solution at t = 321.8122 (test set, problem HIRES). */
    static final double[] HIRES_REFERENCE = {0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
        0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2,
        0.2850001604814231e-2};

    /** Tolerances of the table: rtol = atol = h0 = each value. */
    static final double[] TOLERANCES = {1e-4, 1e-7, 1e-10};

    private TestSetRunCharacteristics() {
    }

    /** One run's accuracy and work, in the test set's terms. */
    record Row(String problem, double rtol, double atol, double h0, double scd, double mescd, long steps, long accepted,
            long residualEvaluations, long jacobianEvaluations, long factorizations) {
        String markdown() {
            return String.format(Locale.ROOT, "| %s | %.0e | %.0e | %.0e | %.2f | %.2f | %d | %d | %d | %d | %d |",
                    problem, rtol, atol, h0, scd, mescd, steps, accepted, residualEvaluations, jacobianEvaluations,
                    factorizations);
        }
    }

    /**
     * The test set's accuracy measures (report.f, getscd): {scd, mescd}, with the max-norm over all
     * components; an exactly zero error is mapped to the rounding unit 1e-16 as there.
     */
    static double[] significantDigits(double[] y, double[] reference, double rtol, double atol) {
        double relative = 0.0;
        double mixed = 0.0;
        for (int i = 0; i < y.length; i++) {
            double error = Math.abs(reference[i] - y[i]);
            if (Math.abs(reference[i]) >= 1e-200) {
                relative = Math.max(relative, error / Math.abs(reference[i]));
            }
            mixed = Math.max(mixed, error / (atol / rtol + Math.abs(reference[i])));
        }
        return new double[] {-Math.log10(relative == 0.0 ? 1e-16 : relative), -Math.log10(mixed == 0.0 ? 1e-16 : mixed)};
    }

    static Row run(String name, DaeSystem system, double[] y0, double tEnd, double[] reference, double tolerance) {
        int n = y0.length;
        double[] yp0 = new double[n];
        system.residual(0.0, y0, yp0, yp0); // F(0, y0, 0) = -f(y0) for these explicit ODEs
        for (int i = 0; i < n; i++) {
            yp0[i] = -yp0[i];
        }
        BdfSettings settings = BdfSettings.builder().relativeTolerance(tolerance).absoluteTolerance(tolerance)
                .initialStep(tolerance).build();
        IntegrationResult result = new BdfIntegrator(settings).integrate(system, 0.0, y0, yp0, tEnd, null, null);
        if (result.time() != tEnd) {
            throw new IllegalStateException(name + " stopped at t = " + result.time() + " before tEnd = " + tEnd);
        }
        double[] digits = significantDigits(result.y(), reference, tolerance, tolerance);
        BdfStatistics s = result.statistics();
        return new Row(name, tolerance, tolerance, tolerance, digits[0], digits[1], s.steps() + s.rejectedSteps(),
                s.steps(), s.residualEvaluations(), s.jacobianEvaluations(), s.factorizations());
    }

    /** Prints the table rows for ROBER and HIRES at {@link #TOLERANCES}. */
    public static void main(String[] args) {
        System.out.println("| problem | rtol | atol | h0 | scd | mescd | steps | accept | #f | #Jac | #LU |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (double tolerance : TOLERANCES) {
            System.out.println(run("ROBER", new TestSetSystems.RobertsonOde(true), new double[] {1, 0, 0}, 1e11,
                    ROBERTSON_REFERENCE, tolerance).markdown());
        }
        for (double tolerance : TOLERANCES) {
            System.out.println(run("HIRES", new TestSetSystems.Hires(true),
                    new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057}, 321.8122, HIRES_REFERENCE, tolerance).markdown());
        }
    }
}

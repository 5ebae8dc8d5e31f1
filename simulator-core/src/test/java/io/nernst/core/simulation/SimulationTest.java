package io.nernst.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.model.Control;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulation loop against closed forms of an equivalent-circuit model (Q = 2 A.h,
 * R0 = 10 mOhm, R1 = 15 mOhm, C1 = 2000 F so tau = 30 s, OCV = 3.0 + 1.2 soc).
 */
class SimulationTest {

    private static final double Q = 2.0;
    private static final double R0 = 0.01;
    private static final double R1 = 0.015;
    private static final double C1 = 2000.0;
    private static final double TAU = R1 * C1;
    private static final SolverOptions TIGHT = SolverOptions.defaults().withTolerances(1e-8, 1e-10);

    private static EquivalentCircuitModel cell(double soc0) {
        return new EquivalentCircuitModel(Q, R0, R1, C1, 3.0, 1.2, 0.0, soc0);
    }

    /** Voltage under constant current i from soc0 with a relaxed RC branch. */
    private static double ccVoltage(double soc0, double i, double t) {
        return 3.0 + 1.2 * (soc0 - i * t / (3600 * Q)) - i * R1 * (1 - Math.exp(-t / TAU)) - i * R0;
    }

    /** Root of f on [lo, hi] by bisection (f(lo), f(hi) of opposite signs). */
    private static double bisect(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        double flo = f.applyAsDouble(lo);
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            double fm = f.applyAsDouble(mid);
            if ((fm > 0) == (flo > 0)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void constantCurrentDischargeToCutOff() {
        Solution s = new Simulation(cell(1.0), Experiment.builder().steps("Discharge at 1C until 3.5 V").build(), TIGHT).run();
        assertEquals(Solution.Status.COMPLETED, s.status());
        StepSummary step = s.steps().get(0);
        double exact = bisect(t -> ccVoltage(1.0, 2.0, t) - 3.5, 1000, 3000);
        assertEquals(StepEnd.VOLTAGE_LIMIT, step.end());
        assertEquals("voltage limit 3.5 V reached", step.reason());
        assertEquals(exact, step.endTime(), 1e-3, "cut-off time");
        assertEquals(3.5, step.endVoltage(), 1e-7);
        assertEquals(4.2 - 0.02, step.startVoltage(), 1e-12, "start voltage after consistent initialisation has the IR drop");
        // capacity = I t exactly for a constant current (quadrature of a constant)
        assertEquals(2.0 * step.endTime() / 3600, step.capacity(), 1e-12);
        assertEquals(2.0 * step.endTime() / 3600, s.last(Solution.CAPACITY), 1e-12);
        // energy = I * integral of the closed-form voltage
        double t = step.endTime();
        double energy = 2.0 * ((4.2 - 0.02 - 0.03) * t - 1.2 * 2.0 * t * t / (2 * 3600 * Q) + 0.03 * TAU * (1 - Math.exp(-t / TAU))) / 3600;
        assertEquals(energy, step.energy(), 1e-7 * energy);
        assertEquals(energy, s.last(Solution.ENERGY), 1e-7 * energy);
        // every recorded voltage on the closed form
        double[] time = s.column(Solution.TIME);
        double[] v = s.column(Solution.VOLTAGE);
        double worst = 0;
        for (int r = 0; r < s.rows(); r++) {
            worst = Math.max(worst, Math.abs(v[r] - ccVoltage(1.0, 2.0, time[r])));
        }
        assertTrue(worst < 1e-6, "max voltage error " + worst);
        assertTrue(s.rows() > 10);
        assertTrue(s.statistics().steps() > 10);
        assertEquals(s.statistics().steps(), step.integratorSteps());
        double[] soc = s.column("State of charge");
        assertEquals(1.0 - step.capacity() / Q, soc[soc.length - 1], 1e-8);
    }

    @Test
    void outputPeriodGivesAGridWithDenseOutput() {
        Experiment e = Experiment.builder().period(10).steps("Discharge at 1C for 10 minutes").build();
        Solution s = new Simulation(cell(1.0), e, TIGHT).run();
        assertEquals(61, s.rows());
        double[] time = s.column(Solution.TIME);
        double[] v = s.column(Solution.VOLTAGE);
        double[] q = s.column(Solution.CAPACITY);
        for (int r = 0; r < s.rows(); r++) {
            assertEquals(10.0 * r, time[r], 1e-9);
            assertEquals(ccVoltage(1.0, 2.0, time[r]), v[r], 1e-6);
            assertEquals(2.0 * time[r] / 3600, q[r], 1e-12);
        }
        assertEquals(StepEnd.TIME_LIMIT, s.steps().get(0).end());
        assertEquals("time limit 600 s reached", s.steps().get(0).reason());
        assertEquals(600.0, s.steps().get(0).duration(), 1e-9);
        Solution perStep = new Simulation(cell(1.0), Experiment.builder().steps("Discharge at 1C for 10 minutes (60 s period)").build(), TIGHT).run();
        assertEquals(11, perStep.rows());
    }

    /** Constant-voltage hold: the linear 2x2 system x' = A x + g solved with Sylvester's formula. */
    @Test
    void voltageHoldUntilCurrentLimit() {
        double soc0 = 0.5;
        double hold = 3.7;
        double iLimit = 0.1;
        Solution s = new Simulation(cell(soc0), Experiment.builder().steps("Hold at 3.7 V until 100 mA").build(), TIGHT).run();
        StepSummary step = s.steps().get(0);
        assertEquals(StepEnd.CURRENT_LIMIT, step.end(), step.reason());
        assertEquals("current limit 100 mA reached", step.reason());

        double k = 1 / (3600 * Q * R0);
        double a11 = -1.2 * k;
        double a12 = k;
        double a21 = 1.2 / (R0 * C1);
        double a22 = -1 / (R0 * C1) - 1 / (R1 * C1);
        double g1 = -(3.0 - hold) * k;
        double g2 = (3.0 - hold) / (R0 * C1);
        double det = a11 * a22 - a12 * a21;
        double xs1 = -(a22 * g1 - a12 * g2) / det;
        double xs2 = -(-a21 * g1 + a11 * g2) / det;
        double tr = a11 + a22;
        double disc = Math.sqrt(tr * tr - 4 * det);
        double l1 = 0.5 * (tr + disc);
        double l2 = 0.5 * (tr - disc);
        double d1 = soc0 - xs1;
        double d2 = 0 - xs2;
        java.util.function.DoubleFunction<double[]> x = t -> {
            double e1 = Math.exp(l1 * t) / (l1 - l2);
            double e2 = Math.exp(l2 * t) / (l2 - l1);
            // exp(At) = e1 (A - l2 I) + e2 (A - l1 I)
            double m11 = e1 * (a11 - l2) + e2 * (a11 - l1);
            double m12 = (e1 + e2) * a12;
            double m21 = (e1 + e2) * a21;
            double m22 = e1 * (a22 - l2) + e2 * (a22 - l1);
            return new double[] {xs1 + m11 * d1 + m12 * d2, xs2 + m21 * d1 + m22 * d2};
        };
        java.util.function.DoubleUnaryOperator current = t -> {
            double[] xt = x.apply(t);
            return (3.0 + 1.2 * xt[0] - xt[1] - hold) / R0;
        };
        assertEquals(-10.0, current.applyAsDouble(0), 1e-12);
        double exact = bisect(t -> Math.abs(current.applyAsDouble(t)) - iLimit, 0, 20000);
        assertEquals(exact, step.endTime(), 1e-3 * exact, "hold end time");
        assertEquals(-iLimit, step.endCurrent(), 1e-7);
        // charge passed = Q (soc0 - soc(T)), closed form
        double socEnd = x.apply(step.endTime())[0];
        assertEquals(Q * (soc0 - socEnd), step.capacity(), 1e-6 * Math.abs(step.capacity()));
        assertEquals(hold, s.last(Solution.VOLTAGE), 1e-10);
    }

    @Test
    void restUntilVoltageStopsTheRelaxation() {
        // 5 minutes at 1C leaves v1 = 0.03 (1 - e^-10); the rest relaxes v1 = v1e e^(-t/tau) at constant soc
        Experiment e = Experiment.builder().steps("Discharge at 1C for 5 minutes", "Rest until 4.085 V").build();
        Solution s = new Simulation(cell(1.0), e, TIGHT).run();
        StepSummary rest = s.steps().get(1);
        double soc = 1.0 - 2.0 * 300 / (3600 * Q);
        double v1e = 2.0 * R1 * (1 - Math.exp(-300 / TAU));
        double ocv = 3.0 + 1.2 * soc;
        assertEquals(ocv - v1e, rest.startVoltage(), 1e-8);
        double exact = TAU * Math.log(v1e / (ocv - 4.085));
        assertEquals(StepEnd.VOLTAGE_LIMIT, rest.end());
        assertEquals(exact, rest.duration(), 1e-3);
        assertEquals(0.0, rest.capacity(), 1e-15);
    }

    @Test
    void constantPowerEnergyIsPowerTimesTime() {
        Solution s = new Simulation(cell(1.0), Experiment.builder().steps("Discharge at 4 W for 10 minutes").build(), TIGHT).run();
        StepSummary step = s.steps().get(0);
        assertEquals(4.0 * 600 / 3600, step.energy(), 1e-8);
        double[] p = s.column(Solution.POWER);
        for (double v : p) {
            // the algebraic power equation holds to the Newton tolerance, a fraction of rtol * |P|
            assertEquals(4.0, v, 1e-8 * 4.0);
        }
        // charge at constant power is negative power and negative energy
        Solution c = new Simulation(cell(0.2), Experiment.builder().steps("Charge at 4 W for 10 minutes").build(), TIGHT).run();
        assertEquals(-4.0 * 600 / 3600, c.steps().get(0).energy(), 1e-8);
        assertTrue(c.steps().get(0).capacity() < 0);
    }

    @Test
    void stepStartingBeyondItsLimitEndsAtOnce() {
        Experiment e = Experiment.builder().steps("Discharge at 1C until 4.5 V", "Charge at 1C until 3.0 V", "Discharge at 1C for 1 minute").build();
        Solution s = new Simulation(cell(1.0), e, TIGHT).run();
        assertEquals(3, s.steps().size());
        StepSummary first = s.steps().get(0);
        assertEquals(StepEnd.ALREADY_AT_LIMIT, first.end());
        assertEquals(0.0, first.duration());
        assertTrue(first.reason().startsWith("already beyond voltage limit 4.5 V at the start (voltage 4.18 V)"), first.reason());
        assertEquals(StepEnd.ALREADY_AT_LIMIT, s.steps().get(1).end());
        assertEquals(StepEnd.TIME_LIMIT, s.steps().get(2).end());
        assertEquals(Solution.Status.COMPLETED, s.status());
    }

    @Test
    void firstOfDurationAndVoltageLimitEndsTheStep() {
        // charging at 1 A from soc 0.5: V = 3.6 + 1.2 t/7200 + 0.01 + 0.015 (1 - e^-t/30) reaches 3.7 V near t = 450 s
        double exact = bisect(t -> ccVoltage(0.5, -1.0, t) - 3.7, 100, 2000);
        Solution timeFirst = new Simulation(cell(0.5), Experiment.builder().steps("Charge at 1 A until 3.7 V or 5 minutes").build(), TIGHT).run();
        assertEquals(StepEnd.TIME_LIMIT, timeFirst.steps().get(0).end());
        assertEquals(300.0, timeFirst.steps().get(0).duration(), 1e-9);
        Solution voltageFirst = new Simulation(cell(0.5), Experiment.builder().steps("Charge at 1 A for 1 hour or until 3.7 V").build(), TIGHT).run();
        assertEquals(StepEnd.VOLTAGE_LIMIT, voltageFirst.steps().get(0).end());
        assertEquals(exact, voltageFirst.steps().get(0).duration(), 1e-3);
        assertEquals(-1.0 * exact / 3600, voltageFirst.steps().get(0).capacity(), 1e-6);
    }

    @Test
    void holdAlreadyBelowItsCurrentLimit() {
        // at rest, holding the open-circuit voltage gives no current at all
        Solution s = new Simulation(cell(0.5), Experiment.builder().steps("Hold at 3.6 V until 10 mA").build(), TIGHT).run();
        StepSummary step = s.steps().get(0);
        assertEquals(StepEnd.ALREADY_AT_LIMIT, step.end());
        assertTrue(step.reason().startsWith("already below current limit 10 mA at the start"), step.reason());
        Solution c = new Simulation(cell(0.5), Experiment.builder().steps("Hold at 3.6 V until C/100").build(), TIGHT).run();
        assertTrue(c.steps().get(0).reason().startsWith("already below current limit C/100 = 0.02 A"), c.steps().get(0).reason());
    }

    @Test
    void cyclingCarriesTheStateOver() {
        Experiment e = Experiment.builder()
                .block(2, "Charge at 1C until 4.0 V", "Hold at 4.0 V until C/20", "Rest for 5 minutes", "Discharge at 2 A until 3.4 V")
                .build();
        List<Progress> reports = new ArrayList<>();
        Solution s = new Simulation(cell(0.3), e, SolverOptions.defaults()).progress(reports::add).run();
        assertEquals(Solution.Status.COMPLETED, s.status(), s.failure());
        assertEquals(8, s.steps().size());
        StepEnd[] expected = {StepEnd.VOLTAGE_LIMIT, StepEnd.CURRENT_LIMIT, StepEnd.TIME_LIMIT, StepEnd.VOLTAGE_LIMIT};
        double total = 0;
        for (int i = 0; i < 8; i++) {
            StepSummary st = s.steps().get(i);
            assertEquals(expected[i % 4], st.end(), st.reason());
            assertEquals(i / 4, st.cycle());
            if (i > 0) {
                assertEquals(s.steps().get(i - 1).endTime(), st.startTime(), 0.0);
            }
            total += st.capacity();
        }
        assertTrue(s.steps().get(0).capacity() < 0);
        assertTrue(s.steps().get(3).capacity() > 0);
        assertEquals(total, s.last(Solution.CAPACITY), 1e-12);
        // the state is continuous across step boundaries: soc equal on the two rows at each boundary
        double[] time = s.column(Solution.TIME);
        double[] soc = s.column("State of charge");
        double[] step = s.column(Solution.STEP);
        int boundaries = 0;
        for (int r = 1; r < s.rows(); r++) {
            if (step[r] != step[r - 1]) {
                assertEquals(time[r - 1], time[r], 0.0);
                assertEquals(soc[r - 1], soc[r], 0.0);
                boundaries++;
            }
        }
        assertEquals(7, boundaries);
        // soc bookkeeping: Q (soc0 - soc) equals the discharge capacity at every row
        double[] q = s.column(Solution.CAPACITY);
        for (int r = 0; r < s.rows(); r++) {
            assertEquals(Q * (0.3 - soc[r]), q[r], 1e-5);
        }
        // progress reports move forward in time and cover every step
        for (int k = 1; k < reports.size(); k++) {
            assertTrue(reports.get(k).time() >= reports.get(k - 1).time());
        }
        assertEquals(7, reports.get(reports.size() - 1).stepIndex());
        assertEquals(8, reports.get(0).stepCount());
        // what the reports say about each step's length
        for (Progress p : reports) {
            switch (p.stepIndex() % 4) {
                case 0 -> assertExpected(p, 3600.0, true);           // 1C until 4.0 V: nominal capacity at 1C
                case 1 -> assertExpected(p, Double.NaN, false);      // hold until C/20: unknown
                case 2 -> assertExpected(p, 300.0, false);           // rest for 5 minutes: exact
                default -> assertExpected(p, 3600.0 * Q / 2.0, true); // 2 A until 3.4 V
            }
            assertTrue(p.stepElapsed() >= 0 && p.stepElapsed() <= p.stepTimeLimit() + 1e-9, p.toString());
        }
    }

    private static void assertExpected(Progress p, double seconds, boolean estimated) {
        assertEquals(seconds, p.stepExpectedDuration(), 1e-9, p.sentence());
        assertEquals(estimated, p.stepDurationEstimated(), p.sentence());
    }

    @Test
    void expectedStepDurationTakesTheEarlierOfDurationAndNominalCapacityTime() {
        Experiment e = Experiment.builder().steps("Charge at C/3 until 4.3 V or 2 hours", "Discharge at 1C for 2 hours or until 2.0 V",
                "Discharge at 1C for 20 minutes").build();
        List<Progress> reports = new ArrayList<>();
        new Simulation(cell(0.5), e, SolverOptions.defaults()).progress(reports::add).run();
        for (Progress p : reports) {
            switch (p.stepIndex()) {
                case 0 -> assertExpected(p, 7200.0, false);  // C/3 would take 3 h: the 2 h limit comes first
                case 1 -> assertExpected(p, 3600.0, true);   // 1C: about 1 h, before the 2 h limit
                default -> assertExpected(p, 1200.0, false); // no voltage limit: ends on time
            }
        }
        assertEquals(2, reports.get(reports.size() - 1).stepIndex());
    }

    @Test
    void fieldSnapshots() {
        Experiment e = Experiment.builder().steps("Discharge at 1C for 10 minutes", "Rest for 10 minutes").build();
        Solution s = new Simulation(cell(1.0), e, TIGHT).fieldSnapshotsAtStepEnds(true).fieldSnapshotTimes(300, 900).run();
        List<FieldSnapshot> f = s.snapshots();
        assertEquals(4, f.size());
        assertEquals(300.0, f.get(0).time(), 0.0);
        assertEquals(600.0, f.get(1).time(), 1e-9);
        assertEquals(900.0, f.get(2).time(), 0.0);
        assertEquals(1200.0, f.get(3).time(), 1e-9);
        assertEquals(1, f.get(2).stepIndex());
        assertEquals(3.0 + 1.2 * (1 - 300.0 / 3600), f.get(0).values()[0], 1e-7);
        assertEquals(2.0 * R1 * (1 - Math.exp(-300 / TAU)), f.get(0).values()[1], 1e-7);
    }

    /** Wraps the test cell and breaks its residual after t = 100 s. */
    private static final class BrokenCell extends ForwardingCellModel {
        BrokenCell() {
            super(cell(1.0));
        }

        @Override
        public void residual(double t, double[] y, double[] yDot, double[] f) {
            super.residual(t, y, yDot, f);
            if (t > 100) {
                f[0] = Double.NaN;
            }
        }
    }

    @Test
    void solverFailureKeepsWhatWasComputed() {
        Experiment e = Experiment.builder().steps("Discharge at 1C for 1 minute", "Discharge at 1C until 3.0 V", "Rest for 1 hour").build();
        Solution s = new Simulation(new BrokenCell(), e, TIGHT).run();
        assertEquals(Solution.Status.SOLVER_FAILURE, s.status());
        assertTrue(s.failure().startsWith("solver failure at t = "), s.failure());
        assertTrue(s.failure().contains("in step 2 ('Discharge at 1C until 3.0 V')"), s.failure());
        assertEquals(2, s.steps().size(), "the failing step is summarised, later ones are not run");
        assertEquals(StepEnd.SOLVER_FAILURE, s.steps().get(1).end());
        double last = s.last(Solution.TIME);
        assertTrue(last > 60 && last <= 100, "rows kept up to the failure, last at " + last);
        assertEquals(2.0 * last / 3600, s.last(Solution.CAPACITY), 1e-12);
        assertTrue(s.failureCause() != null);
    }

    @Test
    void solverOptionsMapToBdfSettings() {
        SolverOptions o = new SolverOptions(1e-5, 1e-7, 30, 1e-3, "dense");
        var b = Simulation.bdfSettings(o);
        assertEquals(1e-5, b.relativeTolerance());
        assertEquals(1e-7, b.absoluteTolerance());
        assertEquals(30.0, b.maxStep());
        assertEquals(1e-3, b.initialStep());
        assertTrue(b.linearSolver().get() instanceof io.nernst.solvers.linear.DenseLuSolver);
        assertEquals(null, Simulation.bdfSettings(SolverOptions.defaults()).linearSolver(), "default: the integrator chooses");
        assertTrue(Simulation.bdfSettings(o.withLinearSolver("banded")).linearSolver().get() instanceof io.nernst.solvers.linear.BandedLuSolver);
        assertTrue(Simulation.bdfSettings(o.withLinearSolver("sparse")).linearSolver().get() instanceof io.nernst.solvers.linear.SparseLuSolver);
        assertEquals(Control.POWER, io.nernst.core.experiment.ExperimentStep.parse("Discharge at 1 W for 1 s").control());
    }

    @Test
    void aRunThatCannotFitInMemoryIsRefusedWithTheEstimate() {
        // 1 ns output period over a 1C discharge: 3.6e12 rows
        Experiment e = Experiment.builder().period(1e-9).steps("Discharge at 1C until 3.0 V").build();
        io.nernst.core.error.BadInputException x = org.junit.jupiter.api.Assertions.assertThrows(
                io.nernst.core.error.BadInputException.class, () -> new Simulation(cell(1.0), e, SolverOptions.defaults()).run());
        assertTrue(x.getMessage().startsWith("the run would write 3.60e+12 output rows"), x.getMessage());
        assertEquals(3.6e12, ResourceEstimate.of(cell(1.0), e).rows(), 1e9);
    }
}

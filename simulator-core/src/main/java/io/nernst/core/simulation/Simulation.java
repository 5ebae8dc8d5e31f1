package io.nernst.core.simulation;

import io.nernst.core.experiment.Amount;
import io.nernst.core.experiment.Experiment;
import io.nernst.core.experiment.ExperimentStep;
import io.nernst.core.experiment.StepKind;
import io.nernst.core.impedance.ImpedanceSpectrum;
import io.nernst.core.impedance.SmallSignalImpedance;
import io.nernst.core.model.CellModel;
import io.nernst.core.error.SolverFailureException;
import io.nernst.core.model.Control;
import io.nernst.core.model.StateViolation;
import io.nernst.core.model.FieldOutput;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.BdfStatistics;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.DaeIntegrationException;
import io.nernst.solvers.dae.DaeIntegrator;
import io.nernst.solvers.dae.DenseOutput;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.dae.StepListener;
import io.nernst.solvers.linear.LinearSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs an {@link Experiment} on a {@link CellModel} with the BDF integrator, step by step,
 * in the manner of PyBaMM's {@code Simulation} with an {@code Experiment}.
 *
 * <p>For each step: the model's control is set (current, voltage or power; discharge
 * positive, physics.md section 0); the state carried over from the previous step is made
 * consistent under the new control ({@link DaeIntegrator#initialize}); the step's limits
 * become terminal events: a voltage cut-off is crossed falling on discharge and rising on
 * charge (for a rest, towards the limit from where the voltage starts), a hold ends when
 * |I| falls below its current limit, and the duration is the integration end time. A step
 * that starts already beyond one of its limits ends at once, saying so.
 *
 * <p>Outputs are recorded at every accepted integrator step, or on a grid of the output
 * period using the integrator's dense output, plus at the start and end of every step.
 * "Discharge capacity [A.h]" and "Discharge energy [W.h]" are the time integrals of I and
 * I V, computed with 3-point Gauss-Legendre quadrature on the dense output of every
 * accepted step (exact for the polynomial interpolant up to degree 5, i.e. for BDF orders
 * up to 5 when I is a component of y).
 *
 * <p>A solver failure ends the run; everything computed until then stays in the
 * {@link Solution}, which records where the failure happened.
 */
public final class Simulation {

    /** Default step duration when a sentence gives none: 24 hours. */
    public static final double DEFAULT_STEP_DURATION = 24 * 3600.0;

    private static final double[] GAUSS_NODES = {-Math.sqrt(0.6), 0.0, Math.sqrt(0.6)};
    private static final double[] GAUSS_WEIGHTS = {5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0};

    private final CellModel model;
    private final Experiment experiment;
    private final SolverOptions options;
    private boolean snapshotsAtStepEnds;
    private double[] snapshotTimes = new double[0];
    private Progress.Listener progress;
    private Supplier<DaeIntegrator> integrators;

    /**
     * @param model      the cell model (its control is changed by the run)
     * @param experiment the protocol
     * @param options    integrator options
     */
    public Simulation(CellModel model, Experiment experiment, SolverOptions options) {
        this.model = model;
        this.experiment = experiment;
        this.options = options;
    }

    /** Records every field output of the model at the end of every step. */
    public Simulation fieldSnapshotsAtStepEnds(boolean enabled) {
        this.snapshotsAtStepEnds = enabled;
        return this;
    }

    /** Records every field output at these times [s] from the start of the run. */
    public Simulation fieldSnapshotTimes(double... times) {
        double[] t = times.clone();
        Arrays.sort(t);
        this.snapshotTimes = t;
        return this;
    }

    /** Receives progress reports during {@link #run()}. */
    public Simulation progress(Progress.Listener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * The integrator the run uses (one per run); by default the BDF integrator with the settings
     * the {@link SolverOptions} stand for.
     */
    public Simulation integrator(Supplier<DaeIntegrator> factory) {
        this.integrators = factory;
        return this;
    }

    /** The BDF settings these options stand for. */
    static BdfSettings bdfSettings(SolverOptions o) {
        BdfSettings.Builder b = BdfSettings.builder()
                .relativeTolerance(o.relativeTolerance())
                .absoluteTolerance(o.absoluteTolerance());
        if (Double.isFinite(o.maxStep())) {
            b.maxStep(o.maxStep());
        }
        if (!Double.isNaN(o.initialStep())) {
            b.initialStep(o.initialStep());
        }
        Supplier<LinearSolver> linear = LinearSolvers.factory(o.linearSolver());
        if (linear != null) {
            b.linearSolver(linear);
        }
        return b.build();
    }

    /**
     * Runs the whole experiment. Never throws for solver failures: they end the run and are
     * reported in {@link Solution#status()} and {@link Solution#failure()}.
     *
     * @throws io.nernst.core.error.BadInputException when the run's output rows and unknowns cannot fit
     *                                                 in memory ({@link ResourceEstimate})
     */
    public Solution run() {
        // refuse, with the estimate, a run that cannot fit in memory (before allocating anything)
        ResourceEstimate.of(model, experiment).requireFits();
        return new Run().execute();
    }

    /** The state of one run. */
    private final class Run implements StepListener {
        final Solution solution = new Solution(model.name(), model.scalarOutputNames());
        final int n = model.dimension();
        final double[] buffer = new double[n];
        final double[] bufferDot = new double[n];
        final double[] modelOut = new double[model.scalarOutputNames().size()];
        final double[] loop = new double[Solution.LOOP_COLUMNS.size()];
        final double capacityBasis = model.nominalCapacity();
        final double area = model.electrodeArea();
        final List<Experiment.ScheduledStep> schedule = experiment.schedule();
        int nextSnapshot;

        // running integrals, at time integratedTo
        double capacity;
        double energy;
        double integratedTo;

        // the running step
        Experiment.ScheduledStep current;
        double stepStart;
        double stepLimit;
        double expectedDuration;
        boolean durationEstimated;
        double period;
        long nextGridIndex;
        double lastRecorded;
        long acceptedSteps;
        double lastAcceptedTime;

        /** Built at the first EIS step (keeps the block pattern's symbolic analysis for later ones). */
        SmallSignalImpedance impedance;

        DaeIntegrator integrator;

        DaeIntegrator integrator() {
            if (integrator == null) {
                integrator = integrators != null ? integrators.get() : DaeIntegrator.bdf(bdfSettings(options));
            }
            return integrator;
        }

        Solution execute() {
            long wallStart = System.nanoTime();
            DaeIntegrator integrator = integrator();
            double[] y = model.initialState();
            if (y.length != n) {
                throw new IllegalStateException("model " + model.name() + " gave an initial state of length " + y.length + ", dimension is " + n);
            }
            double[] yDot = new double[n];
            double t = 0.0;
            try {
                runSteps(integrator, y, yDot, t);
            } finally {
                // one Jacobian pattern per model, so one linear solver per run
                solution.statistics().linearSolver(integrator.linearSolverName());
                solution.wallTime((System.nanoTime() - wallStart) * 1e-9);
            }
            return solution;
        }

        /** The steps of the schedule in order, until one fails or stops the run. */
        void runSteps(DaeIntegrator integrator, double[] y, double[] yDot, double t) {
            for (Experiment.ScheduledStep scheduled : schedule) {
                current = scheduled;
                ExperimentStep step = scheduled.step();
                if (step.kind() == StepKind.EIS) {
                    if (!takeSpectrum(scheduled, t, y, yDot)) {
                        break;
                    }
                    continue;
                }
                double target = step.target(capacityBasis, area);
                model.setControl(step.control(), target);
                stepStart = t;
                lastRecorded = Double.NEGATIVE_INFINITY;
                acceptedSteps = 0;
                lastAcceptedTime = t;
                nextGridIndex = 1;
                period = Double.isNaN(step.period()) ? experiment.period() : step.period();
                stepLimit = timeLimit(step, target);
                expectDuration(step, target);
                double capacityAtStart = capacity;
                double energyAtStart = energy;
                try {
                    integrator.initialize(model, t, y, yDot);
                    requirePhysical(t, y, "the consistent state at the start of the step");
                } catch (DaeIntegrationException | ArithmeticException | SolverFailureException e) {
                    // only numerical failures and unphysical states; any other exception is a bug and propagates
                    fail(e, t, scheduled, "consistent initialisation", capacityAtStart, energyAtStart, Double.NaN, null, null);
                    return;
                }
                double v0 = model.voltage(y);
                double i0 = model.current(y);
                record(t, y, yDot);
                report(t, y);

                List<DaeEvent> events = new ArrayList<>();
                List<String> eventReasons = new ArrayList<>();
                List<StepEnd> eventKinds = new ArrayList<>();
                String already = buildEvents(step, v0, i0, events, eventReasons, eventKinds);
                if (already != null) {
                    summarise(scheduled, t, t, capacityAtStart, energyAtStart, v0, y, StepEnd.ALREADY_AT_LIMIT, already);
                    continue;
                }
                String beyondSafety = addSafetyEvents(step, v0, i0, events, eventReasons, eventKinds);
                if (beyondSafety != null) {
                    summarise(scheduled, t, t, capacityAtStart, energyAtStart, v0, y, StepEnd.SAFETY_LIMIT, beyondSafety);
                    solution.fail(stopped(t, scheduled, beyondSafety));
                    return;
                }
                IntegrationResult result;
                try {
                    result = integrator.integrate(model, t, y, yDot, t + stepLimit, events, this);
                } catch (DaeIntegrationException e) {
                    add(integrator.statistics());
                    double[] yl = e.lastAcceptedY();
                    double[] ypl = e.lastAcceptedYDot();
                    double tl = e.lastAcceptedTime();
                    boolean physical = model.checkState(yl) == null;
                    if (tl > lastRecorded && physical) {
                        record(tl, yl, ypl);
                    }
                    fail(e, tl, scheduled, "integration", capacityAtStart, energyAtStart, v0, physical ? yl : null, ypl);
                    return;
                } catch (ArithmeticException | SolverFailureException e) {
                    // a singular matrix, a Krylov breakdown, or an accepted state outside its physical
                    // range (never recorded: requirePhysical runs before every row)
                    add(integrator.statistics());
                    fail(e, lastAcceptedTime, scheduled, "integration", capacityAtStart, energyAtStart, v0, null, null);
                    return;
                }
                add(result.statistics());
                t = result.time();
                y = result.y();
                yDot = result.yDot();
                if (integratedTo < t) {
                    // only when the integrator delivered no step reaching t (cannot happen with a
                    // conforming integrator); keep the integrals defined with a trapezoid
                    capacity += 0.5 * (i0 + model.current(y)) * (t - integratedTo) / 3600.0;
                    integratedTo = t;
                }
                if (t > lastRecorded) {
                    record(t, y, yDot);
                }
                if (snapshotsAtStepEnds) {
                    snapshot(t, y, yDot);
                }
                StepEnd end;
                String reason;
                if (result.eventIndex() >= 0) {
                    end = eventKinds.get(result.eventIndex());
                    reason = eventReasons.get(result.eventIndex());
                    if (end == StepEnd.SAFETY_LIMIT) {
                        // the step asked for more than the cell can give inside its safe window: stop the run
                        summarise(scheduled, stepStart, t, capacityAtStart, energyAtStart, v0, y, end, reason);
                        report(t, y);
                        solution.fail(stopped(t, scheduled, reason));
                        return;
                    }
                } else {
                    end = StepEnd.TIME_LIMIT;
                    reason = step.durationIfGiven().isPresent()
                            ? "time limit " + seconds(stepLimit) + " reached"
                            : "time limit " + seconds(stepLimit) + " reached (default: the step gives no duration)";
                }
                summarise(scheduled, stepStart, t, capacityAtStart, energyAtStart, v0, y, end, reason);
                report(t, y);
            }
        }

        /**
         * Throws a {@link SolverFailureException} naming quantity, place and time when state y is
         * outside its physical range ({@link CellModel#checkState}).
         */
        void requirePhysical(double t, double[] y, String what) {
            StateViolation v = model.checkState(y);
            if (v != null) {
                throw new SolverFailureException("unphysical state (" + what + " at t = " + String.format(Locale.ROOT, "%.6g s", t)
                        + "): " + v.describe());
            }
        }

        /** The failure text of a run stopped at a safety limit. */
        String stopped(double t, Experiment.ScheduledStep s, String reason) {
            return "run stopped at t = " + String.format(Locale.ROOT, "%.6g s", t) + " in step " + (s.index() + 1) + " ('"
                    + s.step().sentence() + "'): " + reason;
        }

        /**
         * The parameter set's voltage window as terminal events for a step that lacks a voltage
         * limit of its own in that direction (a voltage-controlled step imposes its voltage and
         * gets none). Returns a reason when the step starts outside the window in such a direction.
         */
        String addSafetyEvents(ExperimentStep step, double v0, double i0, List<DaeEvent> events, List<String> reasons, List<StepEnd> kinds) {
            if (step.control() == Control.VOLTAGE) {
                return null;
            }
            boolean ownLower = false;
            boolean ownUpper = false;
            for (DaeEvent e : events) {
                if (e instanceof VoltageLimit) {
                    ownLower |= ((VoltageLimit) e).direction == EventDirection.DECREASING;
                    ownUpper |= ((VoltageLimit) e).direction == EventDirection.INCREASING;
                }
            }
            double lower = model.lowerVoltageLimit();
            double upper = model.upperVoltageLimit();
            // tolerance of the start test: an event located at a cut-off lies within the event tolerance of
            // it; a step starting on the cut-off and driving the voltage further (discharging) is beyond it
            double tolerance = 1e-6;
            if (!ownLower && Double.isFinite(lower)) {
                if (v0 < lower - tolerance || (v0 <= lower + tolerance && i0 > 0)) {
                    return "the step starts at " + volts(v0) + ", at or below the parameter set's lower voltage cut-off " + volts(lower)
                            + ", and has no voltage limit of its own: the cell cannot carry this step";
                }
                events.add(new VoltageLimit(lower, EventDirection.DECREASING));
                reasons.add("the parameter set's lower voltage cut-off " + volts(lower)
                        + " was reached (safety limit: the step has no lower voltage limit of its own)");
                kinds.add(StepEnd.SAFETY_LIMIT);
            }
            if (!ownUpper && Double.isFinite(upper)) {
                if (v0 > upper + tolerance || (v0 >= upper - tolerance && i0 < 0)) {
                    return "the step starts at " + volts(v0) + ", at or above the parameter set's upper voltage cut-off " + volts(upper)
                            + ", and has no voltage limit of its own: the cell cannot carry this step";
                }
                events.add(new VoltageLimit(upper, EventDirection.INCREASING));
                reasons.add("the parameter set's upper voltage cut-off " + volts(upper)
                        + " was reached (safety limit: the step has no upper voltage limit of its own)");
                kinds.add(StepEnd.SAFETY_LIMIT);
            }
            return null;
        }

        /**
         * An EIS step: the small-signal impedance about the present state (no time passes), under
         * current control at the present current so the state stays consistent. False when it
         * failed (the failure is recorded and the run ends).
         */
        boolean takeSpectrum(Experiment.ScheduledStep scheduled, double t, double[] y, double[] yDot) {
            stepStart = t;
            acceptedSteps = 0;
            double v0 = model.voltage(y);
            double i0 = model.current(y);
            model.setControl(Control.CURRENT, i0);
            try {
                integrator().initialize(model, t, y, yDot);
                if (impedance == null) {
                    impedance = new SmallSignalImpedance(model);
                }
                ImpedanceSpectrum z = impedance.compute(t, y, yDot, scheduled.step().sweep().frequencies());
                solution.addSpectrum(new MeasuredSpectrum(scheduled.index(), scheduled.cycle(), scheduled.step().sentence(),
                        t, model.voltage(y), model.current(y), z));
            } catch (RuntimeException e) {
                fail(e, t, scheduled, "impedance", capacity, energy, v0, y, yDot);
                return false;
            }
            if (solution.rows() == 0 || t > lastRecorded) {
                record(t, y, yDot);
            }
            summarise(scheduled, t, t, capacity, energy, v0, y, StepEnd.SPECTRUM_TAKEN,
                    "spectrum of " + scheduled.step().sweep().frequencies().length + " frequencies taken at "
                            + volts(model.voltage(y)) + ", " + amps(i0));
            return true;
        }

        /** Time limit of a step: its duration, or a default long enough for the step to reach its limits. */
        double timeLimit(ExperimentStep step, double target) {
            if (step.durationIfGiven().isPresent()) {
                return step.duration();
            }
            if (step.control() == Control.CURRENT && target != 0.0) {
                // three nominal charges' worth, so a slow C-rate still reaches its voltage cut-off
                return Math.max(DEFAULT_STEP_DURATION, 3.0 * 3600.0 * capacityBasis / Math.abs(target));
            }
            return DEFAULT_STEP_DURATION;
        }

        /**
         * What the progress reports say about the step's length: its duration when it ends only
         * on time; for a current step with a voltage limit, the time to pass the nominal capacity
         * at its current (3600 Q / |I|, i.e. 3600 / C-rate s) when shorter than its duration, as
         * an estimate; otherwise its duration or NaN when it has none.
         */
        void expectDuration(ExperimentStep step, double target) {
            double duration = step.durationIfGiven().orElse(Double.NaN);
            double nominal = step.control() == Control.CURRENT && target != 0.0 && !step.voltageLimits().isEmpty()
                    ? 3600.0 * capacityBasis / Math.abs(target) : Double.NaN;
            durationEstimated = nominal > 0 && Double.isFinite(nominal) && !(duration <= nominal);
            expectedDuration = durationEstimated ? nominal : duration;
        }

        /**
         * Builds the terminal events of a step; returns a reason when the step starts already
         * beyond one of its limits (then no integration is done).
         */
        String buildEvents(ExperimentStep step, double v0, double i0, List<DaeEvent> events,
                           List<String> reasons, List<StepEnd> kinds) {
            for (double limit : step.voltageLimits()) {
                EventDirection direction;
                boolean beyond;
                if (step.kind() == StepKind.DISCHARGE) {
                    direction = EventDirection.DECREASING;
                    beyond = v0 <= limit;
                } else if (step.kind() == StepKind.CHARGE) {
                    direction = EventDirection.INCREASING;
                    beyond = v0 >= limit;
                } else {
                    // a rest relaxes towards equilibrium: stop when the voltage reaches the limit from where it starts
                    direction = v0 > limit ? EventDirection.DECREASING : EventDirection.INCREASING;
                    beyond = v0 == limit;
                }
                String v = volts(limit);
                if (beyond) {
                    return "already beyond voltage limit " + v + " at the start (voltage " + volts(v0) + ")";
                }
                events.add(new VoltageLimit(limit, direction));
                reasons.add("voltage limit " + v + " reached");
                kinds.add(StepEnd.VOLTAGE_LIMIT);
            }
            for (Amount a : step.currentLimits()) {
                double limit = a.resolve(capacityBasis, area);
                String text = a.kind() == Amount.Kind.CURRENT ? a.text()
                        : a.text() + " = " + amps(limit);
                if (Math.abs(i0) <= limit) {
                    return "already below current limit " + text + " at the start (current "
                            + amps(i0) + ")";
                }
                events.add(new CurrentLimit(limit));
                reasons.add("current limit " + text + " reached");
                kinds.add(StepEnd.CURRENT_LIMIT);
            }
            return null;
        }

        @Override
        public void stepAccepted(DenseOutput d) {
            double t0 = d.previousTime();
            double t1 = d.currentTime();
            // nothing of a step whose end state is unphysical is recorded or integrated
            d.interpolate(t1, buffer, bufferDot);
            requirePhysical(t1, buffer, "accepted integrator step");
            acceptedSteps++;
            lastAcceptedTime = t1;
            if (Double.isNaN(period)) {
                integrate(d, integratedTo, t1);
                d.interpolate(t1, buffer, bufferDot);
                record(t1, buffer, bufferDot);
            } else {
                // grid times stepStart + k * period inside (t0, t1]
                while (true) {
                    double tg = stepStart + nextGridIndex * period;
                    if (tg > t1 || tg >= stepStart + stepLimit) {
                        break;
                    }
                    if (tg > t0) {
                        integrate(d, integratedTo, tg);
                        d.interpolate(tg, buffer, bufferDot);
                        record(tg, buffer, bufferDot);
                    }
                    nextGridIndex++;
                }
                integrate(d, integratedTo, t1);
            }
            while (nextSnapshot < snapshotTimes.length && snapshotTimes[nextSnapshot] <= t1) {
                double ts = snapshotTimes[nextSnapshot++];
                if (ts >= t0) {
                    d.interpolate(ts, buffer, bufferDot);
                    snapshot(ts, buffer, bufferDot);
                }
            }
            if (progress != null) {
                d.interpolate(t1, buffer, null);
                report(t1, buffer);
            }
        }

        /** Adds the integrals of I and I V over [a, b] (inside the dense output's step). */
        void integrate(DenseOutput d, double a, double b) {
            if (b <= a) {
                return;
            }
            double half = 0.5 * (b - a);
            double mid = 0.5 * (a + b);
            double q = 0.0;
            double e = 0.0;
            for (int k = 0; k < 3; k++) {
                d.interpolate(mid + half * GAUSS_NODES[k], buffer, null);
                double i = model.current(buffer);
                q += GAUSS_WEIGHTS[k] * i;
                e += GAUSS_WEIGHTS[k] * i * model.voltage(buffer);
            }
            capacity += half * q / 3600.0;
            energy += half * e / 3600.0;
            integratedTo = b;
        }

        void record(double t, double[] y, double[] yDot) {
            requirePhysical(t, y, "output row");
            double i = model.current(y);
            double v = model.voltage(y);
            loop[0] = t;
            loop[1] = current.cycle();
            loop[2] = current.index();
            loop[3] = i;
            loop[4] = v;
            loop[5] = i * v;
            loop[6] = capacity;
            loop[7] = energy;
            model.scalarOutputs(t, y, yDot, modelOut);
            solution.append(loop, modelOut);
            lastRecorded = t;
        }

        void snapshot(double t, double[] y, double[] yDot) {
            List<FieldOutput> fields = model.fieldOutputs();
            for (int f = 0; f < fields.size(); f++) {
                FieldOutput fo = fields.get(f);
                double[] values = new double[fo.positions().length];
                model.field(f, t, y, yDot, values);
                solution.addSnapshot(new FieldSnapshot(t, current.index(), fo.name(), fo.axisName(), fo.positions().clone(), values));
            }
        }

        void report(double t, double[] y) {
            if (progress != null) {
                progress.progress(new Progress(current.index(), schedule.size(), current.cycle(), current.step().sentence(),
                        t, t - stepStart, stepLimit, expectedDuration, durationEstimated, model.voltage(y), model.current(y),
                        capacity));
            }
        }

        void add(BdfStatistics s) {
            solution.statistics().add(s.steps(), s.rejectedSteps(), s.newtonIterations(), s.residualEvaluations(),
                    s.jacobianEvaluations(), s.factorizations());
        }

        void summarise(Experiment.ScheduledStep s, double start, double end, double capacityAtStart, double energyAtStart,
                       double v0, double[] y, StepEnd kind, String reason) {
            solution.addStep(new StepSummary(s.index(), s.cycle(), s.step().sentence(), start, end,
                    capacity - capacityAtStart, energy - energyAtStart, v0,
                    y == null ? Double.NaN : model.voltage(y), y == null ? Double.NaN : model.current(y),
                    kind, reason, acceptedSteps));
        }

        void fail(Exception e, double t, Experiment.ScheduledStep s, String phase, double capacityAtStart,
                  double energyAtStart, double v0, double[] y, double[] yDot) {
            StringBuilder where = new StringBuilder();
            where.append("solver failure at t = ").append(String.format(Locale.ROOT, "%.6g s", t))
                    .append(" in step ").append(s.index() + 1).append(" ('").append(s.step().sentence()).append("')")
                    .append(" during ").append(phase).append(": ").append(e.getMessage());
            if (e instanceof DaeIntegrationException) {
                DaeIntegrationException d = (DaeIntegrationException) e;
                where.append(String.format(Locale.ROOT, " [step size %.3g s, order %d, weighted residual norm %.3g",
                        d.stepSize(), d.order(), d.weightedResidualNorm()));
                if (!d.worstComponents().isEmpty()) {
                    where.append(", worst components");
                    for (DaeIntegrationException.WorstComponent c : d.worstComponents()) {
                        where.append(String.format(Locale.ROOT, " #%d (%.3g)", c.index(), c.weightedContribution()));
                    }
                }
                where.append(']');
            } else if (!(e instanceof SolverFailureException || e instanceof ArithmeticException)) {
                where.append(" (").append(e.getClass().getSimpleName()).append(')');
            }
            boolean finite = y != null && allFinite(y);
            summarise(s, stepStart, t, capacityAtStart, energyAtStart, v0, finite ? y : null, StepEnd.SOLVER_FAILURE, where.toString());
            solution.fail(where.toString(), e);
        }
    }

    /** An event function met a non-finite voltage or current: name the quantity behind it. */
    private void unphysicalEventState(double t, double[] y) {
        StateViolation v = model.checkState(y);
        throw new SolverFailureException("unphysical state at t = " + String.format(Locale.ROOT, "%.6g s", t)
                + " (integrator step end): " + (v != null ? v.describe() : "the terminal voltage or current is not finite"));
    }

    private static boolean allFinite(double[] y) {
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static String volts(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+$", "") + " V";
    }

    static String amps(double a) {
        return String.format(Locale.ROOT, "%.6g", a).replaceFirst("\\.?0+$", "") + " A";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6g", s).replaceFirst("\\.?0+$", "") + " s";
    }

    /** Voltage cut-off: g = V - limit. */
    private final class VoltageLimit implements DaeEvent {
        final double limit;
        final EventDirection direction;

        VoltageLimit(double limit, EventDirection direction) {
            this.limit = limit;
            this.direction = direction;
        }

        @Override
        public double g(double t, double[] y, double[] yDot) {
            double v = model.voltage(y);
            if (!Double.isFinite(v)) {
                unphysicalEventState(t, y);
            }
            return v - limit;
        }

        @Override
        public EventDirection direction() {
            return direction;
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }

    /** Hold current limit: g = |I| - limit, falling. */
    private final class CurrentLimit implements DaeEvent {
        private final double limit;

        CurrentLimit(double limit) {
            this.limit = limit;
        }

        @Override
        public double g(double t, double[] y, double[] yDot) {
            double i = model.current(y);
            if (!Double.isFinite(i)) {
                unphysicalEventState(t, y);
            }
            return Math.abs(i) - limit;
        }

        @Override
        public EventDirection direction() {
            return EventDirection.DECREASING;
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }
}

package io.nernst.models.deposition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Drives a {@link DepositionModel} in time: chooses the steps, checks the stop conditions, and
 * reports every completed step to a {@link Listener} (the output writers).
 *
 * <h2>Time step</h2>
 * {@code dt = min(C h / v_max, maxStep, 1.5 dt_previous, dt_previous dc_max / dc_previous, time left)},
 * and at most {@code initialStep} for the first step: the interface Courant number {@code C} (front
 * displacement per step in cells, default 0.4) with {@code v_max} the largest normal speed in the
 * band (only when the interface moves); diffusion does not limit the step because transport is
 * implicit. The optional accuracy limit {@code dc_max} ({@code time.maxConcentrationChange}) scales
 * the step by the ratio of the allowed to the last step's largest concentration change in a cell, so
 * the step follows the electrolyte transient (small while a depletion layer forms, large once it is
 * established). The growth factor 1.5 keeps variable-step BDF2 zero-stable (ratio below 1 + sqrt 2).
 * A step whose coupling iteration fails is retried with a quarter of the step, up to four times.
 *
 * <h2>Stop conditions</h2>
 * End time; wall-clock budget (checked after every step and, through the model's deadline, at every
 * coupling sweep inside a step, so a run overruns it by at most one sweep); the deposit reaching the top of the domain (highest point within
 * 1.5 interface widths of the reservoir wall); Sand-type depletion (interfacial concentration below
 * the depletion threshold); and a solver failure that survives the retries. Every stop is clean:
 * the state of the last completed step is reported and the outputs are written.
 */
public final class DepositionRun {

    /** Why a run ended. */
    public enum StopReason {
        /** The requested duration was simulated. */
        END_TIME,
        /** The wall-clock budget was used up. */
        WALL_TIME,
        /** The deposit reached the top of the domain. */
        TOP_REACHED,
        /** The interfacial concentration fell below the depletion threshold (Sand's time). */
        DEPLETION,
        /** A step failed even with reduced step sizes. */
        SOLVER_FAILURE
    }

    /** Receives the state after every completed step (and once at t = 0). */
    public interface Listener {
        /**
         * @param model       the model (read only)
         * @param observables its observables
         */
        void stepCompleted(DepositionModel model, DepositionObservables observables);

        /** Called once when the run stops, with the reason and the last state. */
        default void finished(DepositionModel model, Result result) {
        }
    }

    /**
     * Outcome of a run.
     *
     * @param reason      why it stopped
     * @param message     human-readable detail
     * @param series      observables at t = 0 and after every step
     * @param steps       steps taken
     * @param wallSeconds wall-clock time [s]
     */
    public record Result(StopReason reason, String message, List<DepositionObservables> series, int steps,
                         double wallSeconds) {
        /** The last observables. */
        public DepositionObservables last() {
            return series.get(series.size() - 1);
        }
    }

    private static final int MAX_RETRIES = 4;

    private DepositionRun() {
    }

    /** Runs a new model from the settings. */
    public static Result run(DepositionSettings settings, Listener listener) {
        requireFitsInMemory(settings);
        return run(new DepositionModel(settings), listener);
    }

    /**
     * Planning figure of memory per grid cell [bytes]: the model's 26 cell fields, the multigrid
     * hierarchy (4/3 of six fields), the five-point operators (5 entries of value and index, twice)
     * and the level-set transport's work arrays: about 60 doubles.
     */
    public static final long BYTES_PER_CELL = 60 * 8;

    /**
     * Refuses, with the estimate, a grid whose fields cannot fit in 80 % of the Java heap (a
     * 4096 x 4096 grid needs about 8 GB), before anything is allocated.
     */
    static void requireFitsInMemory(DepositionSettings s) {
        double bytes = (double) s.cellsX() * s.cellsY() * BYTES_PER_CELL;
        double budget = 0.8 * Runtime.getRuntime().maxMemory();
        if (bytes > budget) {
            throw new io.nernst.core.error.BadInputException(String.format(java.util.Locale.ROOT,
                    "domain.cellsX x domain.cellsY = %d x %d cells need about %.3g GB of memory; this Java heap allows %.3g GB "
                            + "(80 %% of %.3g GB): use fewer cells (or raise the heap with JAVA_TOOL_OPTIONS=-Xmx...)",
                    s.cellsX(), s.cellsY(), bytes / 1e9, budget / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
        }
    }

    /**
     * Runs a model until a stop condition holds.
     *
     * @param model    a freshly constructed model (or one to continue)
     * @param listener receives every completed step; may be null
     * @return the result
     */
    public static Result run(DepositionModel model, Listener listener) {
        DepositionSettings s = model.settings();
        long start = System.nanoTime();
        if (Double.isFinite(s.wallTimeBudget())) {
            // Beyond ~292 years nanoTime arithmetic would overflow; such budgets are unlimited anyway.
            double nanos = Math.min(s.wallTimeBudget() * 1e9, 9e18);
            model.setDeadline(start + (long) nanos);
        }
        List<DepositionObservables> series = new ArrayList<>();
        DepositionObservables obs = model.observables();
        series.add(obs);
        if (listener != null) {
            listener.stepCompleted(model, obs);
        }
        double h = Math.min(model.grid().dx(), model.grid().dy());
        double topLimit = s.height() - 1.5 * s.interfaceWidth() - s.surfaceHeight();
        double previous = Double.NaN;
        StopReason reason;
        String message;
        int steps = 0;
        while (true) {
            double left = s.duration() - model.time();
            if (left <= 1e-9 * s.duration()) {
                reason = StopReason.END_TIME;
                message = "simulated " + model.time() + " s";
                break;
            }
            double v = model.maxNormalSpeed();
            // A frozen interface (moveInterface = false) has no Courant limit.
            double dt = v > 0 && s.moveInterface() ? s.courantNumber() * h / v : s.maxTimeStep();
            dt = Math.min(dt, s.maxTimeStep());
            if (Double.isNaN(previous)) {
                dt = Math.min(dt, s.initialTimeStep());
            } else {
                dt = Math.min(dt, 1.5 * previous);
                double change = model.lastConcentrationChange();
                if (Double.isFinite(s.maxConcentrationChange()) && change > 0.0) {
                    dt = Math.min(dt, previous * s.maxConcentrationChange() / change);
                }
            }
            if (dt >= left || left - dt < 1e-6 * dt) {
                dt = left;
            }
            DepositionSolverException failure = null;
            WallTimeExceededException outOfTime = null;
            for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
                try {
                    model.step(dt);
                    failure = null;
                    break;
                } catch (DepositionSolverException e) {
                    failure = e;
                    dt *= 0.25;
                } catch (WallTimeExceededException e) {
                    outOfTime = e;
                    break;
                }
            }
            if (outOfTime != null) {
                reason = StopReason.WALL_TIME;
                message = "wall-time budget of " + s.wallTimeBudget() + " s used up during the step from t = "
                        + model.time() + " s; the outputs hold the last completed step";
                break;
            }
            if (failure != null) {
                reason = StopReason.SOLVER_FAILURE;
                message = failure.getMessage();
                break;
            }
            previous = dt;
            steps++;
            obs = model.observables();
            series.add(obs);
            if (listener != null) {
                listener.stepCompleted(model, obs);
            }
            if (obs.maxHeight() >= topLimit) {
                reason = StopReason.TOP_REACHED;
                message = "the deposit reached " + (obs.maxHeight() + s.surfaceHeight()) + " m of the " + s.height()
                        + " m domain at t = " + obs.time() + " s";
                break;
            }
            if (obs.minSurfaceConcentration() <= s.depletionConcentration()) {
                reason = StopReason.DEPLETION;
                message = "interfacial concentration " + obs.minSurfaceConcentration() + " mol/m^3 fell below "
                        + s.depletionConcentration() + " mol/m^3 at t = " + obs.time() + " s (Sand's time)";
                break;
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            if (wall >= s.wallTimeBudget()) {
                reason = StopReason.WALL_TIME;
                message = "wall-time budget of " + s.wallTimeBudget() + " s used up at t = " + obs.time() + " s";
                break;
            }
        }
        Result result = new Result(reason, message, Collections.unmodifiableList(series), steps,
                (System.nanoTime() - start) * 1e-9);
        if (listener != null) {
            listener.finished(model, result);
        }
        return result;
    }
}

package io.nernst.core.simulation;

/** Why an experiment step ended. */
public enum StepEnd {
    /** A voltage cut-off was crossed. */
    VOLTAGE_LIMIT,
    /** The current magnitude fell below a hold's limit. */
    CURRENT_LIMIT,
    /** The step's duration (or the default duration) elapsed. */
    TIME_LIMIT,
    /** The step started already beyond one of its limits and was skipped. */
    ALREADY_AT_LIMIT,
    /**
     * The parameter set's voltage window (a safety limit on a step lacking its own limit in that
     * direction) was reached or the step started outside it; the run stops (exit 3).
     */
    SAFETY_LIMIT,
    /** The integrator failed or a state left its physical range; the run stops. */
    SOLVER_FAILURE,
    /** An EIS step took its spectrum (no time passes). */
    SPECTRUM_TAKEN
}

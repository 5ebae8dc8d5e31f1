package io.nernst.core.error;

/**
 * What kind of failure ended a command, and so its exit status. Every command (runs,
 * deposition, later studies and analysis) maps its failures through this one table, so the
 * same kind of problem always gives the same status (docs/reliability.md).
 */
public enum ErrorKind {
    /** A bug: an exception nobody classified. Exit 1, "please report", stack trace under --debug. */
    INTERNAL_ERROR(1, "internal error"),
    /**
     * The input was rejected before (or while) setting up the run: usage, unreadable or invalid
     * scenario, unknown name, a value outside its physical range, a request that would not fit in
     * memory or on disk. Exit 2, nothing written.
     */
    BAD_INPUT(2, "bad input"),
    /**
     * The run started but could not be completed: the integrator failed, a state left its
     * physical range, the cell crossed the parameter set's safety voltage window. Exit 3; the
     * outputs up to the failure are written as one complete set.
     */
    SOLVER_FAILURE(3, "solver failure"),
    /** The outputs could not be written. Exit 4; an earlier complete output set is left in place. */
    OUTPUT_FAILURE(4, "output failure");

    private final int exitStatus;
    private final String label;

    ErrorKind(int exitStatus, String label) {
        this.exitStatus = exitStatus;
        this.label = label;
    }

    /** The process exit status of this kind. */
    public int exitStatus() {
        return exitStatus;
    }

    /** A short human label, e.g. "bad input". */
    public String label() {
        return label;
    }
}

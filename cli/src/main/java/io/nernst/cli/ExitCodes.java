package io.nernst.cli;

/**
 * Exit codes of the {@code nernst} command: the statuses of {@link io.nernst.core.error.ErrorKind}
 * (one table shared by every command), plus 0 for a completed run.
 */
public final class ExitCodes {
    /** The run completed (every step ended at one of its limits). */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): run again with --debug and report the stack trace. */
    public static final int INTERNAL_ERROR = io.nernst.core.error.ErrorKind.INTERNAL_ERROR.exitStatus();
    /**
     * Bad input: command-line usage, unreadable or invalid scenario, unknown parameter,
     * model or unit, value outside its allowed range, malformed experiment step.
     */
    public static final int BAD_INPUT = io.nernst.core.error.ErrorKind.BAD_INPUT.exitStatus();
    /** The solver failed during the run; the outputs computed until then were written. */
    public static final int SOLVER_FAILURE = io.nernst.core.error.ErrorKind.SOLVER_FAILURE.exitStatus();
    /** The outputs could not be written. */
    public static final int OUTPUT_ERROR = io.nernst.core.error.ErrorKind.OUTPUT_FAILURE.exitStatus();

    private ExitCodes() {
    }
}

package io.nernst.cli;

/** Exit codes of the {@code nernst} command. */
public final class ExitCodes {
    /** The run completed (every step ended at one of its limits). */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): run again with --debug and report the stack trace. */
    public static final int INTERNAL_ERROR = 1;
    /**
     * Bad input: command-line usage, unreadable or invalid scenario, unknown parameter,
     * model or unit, value outside its allowed range, malformed experiment step.
     */
    public static final int BAD_INPUT = 2;
    /** The solver failed during the run; the outputs computed until then were written. */
    public static final int SOLVER_FAILURE = 3;
    /** The outputs could not be written. */
    public static final int OUTPUT_ERROR = 4;

    private ExitCodes() {
    }
}

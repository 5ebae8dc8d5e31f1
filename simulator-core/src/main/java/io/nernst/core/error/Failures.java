package io.nernst.core.error;

import io.nernst.core.parameters.ParameterException;
import java.io.PrintWriter;

/**
 * The one mapping from a throwable to an {@link ErrorKind} and a message for the user, shared by
 * every command. Only the project's own exception types count as input, solver or output
 * failures; any other exception (a NullPointerException in a model, an IllegalStateException in
 * a solver, an IllegalArgumentException a caller did not expect) is an internal error: exit 1
 * with a request to report it, never disguised as bad input or a solver failure.
 */
public final class Failures {

    /** Where to report bugs. */
    public static final String REPORT_HINT = "this is a bug in nernst; please report it with the output of the same command run with --debug";

    private Failures() {
    }

    /** The kind of {@code e}. */
    public static ErrorKind kindOf(Throwable e) {
        if (e instanceof NernstError) {
            return ((NernstError) e).kind();
        }
        if (e instanceof ParameterException) {
            // io.nernst.core.parameters predates this hierarchy; its exception is input by definition
            return ErrorKind.BAD_INPUT;
        }
        if (e instanceof OutOfMemoryError) {
            // the up-front estimates should have refused the request; say what to change
            return ErrorKind.BAD_INPUT;
        }
        return ErrorKind.INTERNAL_ERROR;
    }

    /** The one-line message for the user (without the "nernst: " prefix). */
    public static String message(Throwable e) {
        ErrorKind kind = kindOf(e);
        if (e instanceof OutOfMemoryError) {
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            return "out of memory (the Java heap is limited to " + maxMb + " MB): the request is larger than this machine "
                    + "can hold; use a coarser mesh or grid, a longer output period or fewer repeats, or raise the heap "
                    + "with JAVA_TOOL_OPTIONS=-Xmx...";
        }
        if (kind == ErrorKind.INTERNAL_ERROR) {
            return "internal error: " + e + " (" + REPORT_HINT + ")";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? kind.label() : m;
    }

    /**
     * Prints {@code "nernst: <message>"} (and the stack trace when {@code debug}) and returns the
     * exit status of {@code e}'s kind.
     */
    public static int report(Throwable e, PrintWriter stderr, boolean debug) {
        stderr.println("nernst: " + message(e));
        if (debug) {
            e.printStackTrace(stderr);
        }
        stderr.flush();
        return kindOf(e).exitStatus();
    }
}

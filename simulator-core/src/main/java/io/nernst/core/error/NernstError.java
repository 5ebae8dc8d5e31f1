package io.nernst.core.error;

/**
 * An exception that knows its {@link ErrorKind}. Implemented by the project's exceptions
 * ({@link BadInputException} and its subclasses, {@link SolverFailureException},
 * {@link OutputFailureException}); anything else reaching a command is an internal error.
 */
public interface NernstError {
    /** The kind of failure, and so the exit status. */
    ErrorKind kind();
}

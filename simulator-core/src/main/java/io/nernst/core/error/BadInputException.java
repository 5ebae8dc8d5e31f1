package io.nernst.core.error;

/**
 * Input rejected: the message names the key (or file and line), the value and what is allowed.
 * An {@link IllegalArgumentException} so that library callers may keep catching that.
 */
public class BadInputException extends IllegalArgumentException implements NernstError {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final ErrorKind kind() {
        return ErrorKind.BAD_INPUT;
    }
}

package io.nernst.core.error;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The outputs could not be written; the message names the path and the reason. */
public class OutputFailureException extends UncheckedIOException implements NernstError {
    private static final long serialVersionUID = 1L;

    public OutputFailureException(String message, IOException cause) {
        super(message, cause);
    }

    @Override
    public final ErrorKind kind() {
        return ErrorKind.OUTPUT_FAILURE;
    }
}

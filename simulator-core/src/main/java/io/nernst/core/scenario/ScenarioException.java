package io.nernst.core.scenario;

/**
 * A scenario file was rejected: unreadable YAML (with file and line), an unknown key (with
 * the closest known one), or a value of the wrong type (with key, value and what is allowed).
 */
public class ScenarioException extends io.nernst.core.error.BadInputException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}

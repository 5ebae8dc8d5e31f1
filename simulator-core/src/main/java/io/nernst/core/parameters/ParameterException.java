package io.nernst.core.parameters;

/** A parameter name or value was rejected; the message names the key, the value and what is allowed. */
public class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ParameterException(String message) {
        super(message);
    }
}

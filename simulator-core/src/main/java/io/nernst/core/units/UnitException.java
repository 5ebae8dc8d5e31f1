package io.nernst.core.units;

/**
 * A quantity or unit string was rejected: unknown unit, malformed number or exponent,
 * or a dimension that does not match what the receiver expects. The message names the
 * offending text and what is allowed.
 */
public class UnitException extends io.nernst.core.error.BadInputException {
    private static final long serialVersionUID = 1L;

    public UnitException(String message) {
        super(message);
    }
}

package io.nernst.core.parameters;

/**
 * A malformed expression or an unknown name in one. The message names where the expression
 * came from (file and key), quotes it, and puts a caret under the offending token.
 */
public final class ExpressionException extends ParameterException {
    private static final long serialVersionUID = 1L;
    private final int position;

    ExpressionException(String where, String text, int position, String problem) {
        super(where + ": " + problem + "\n    " + text + "\n    " + " ".repeat(Math.max(0, position)) + "^");
        this.position = position;
    }

    /** Index of the offending character in the expression text. */
    public int position() {
        return position;
    }
}

package io.nernst.solvers.linear;

/** Thrown when a matrix is structurally or numerically singular; names where it was found. */
public class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int index;

    /**
     * @param message description including the row or column
     * @param index   the row or column (in the caller's original numbering) where singularity was found
     */
    public SingularMatrixException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** Row or column (original numbering) at which the factorisation broke down. */
    public int index() {
        return index;
    }
}

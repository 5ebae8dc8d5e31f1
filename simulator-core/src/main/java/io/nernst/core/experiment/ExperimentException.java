package io.nernst.core.experiment;

/**
 * An experiment step sentence was rejected. The message shows the sentence with a caret
 * under the offending word and says what was expected there, e.g.
 * <pre>
 * malformed experiment step: expected 'at' after 'Discharge', found 'to'
 *   Discharge to 3 V
 *             ^^
 * </pre>
 */
public class ExperimentException extends io.nernst.core.error.BadInputException {
    private static final long serialVersionUID = 1L;

    private final String sentence;
    private final int position;
    private final int length;
    private final String problem;

    /**
     * @param sentence the full step sentence
     * @param position index of the offending word in the sentence (0-based)
     * @param length   length of the offending word (at least 1 caret is drawn)
     * @param problem  what went wrong and what was expected
     */
    public ExperimentException(String sentence, int position, int length, String problem) {
        super(format(sentence, position, length, problem));
        this.sentence = sentence;
        this.position = position;
        this.length = length;
        this.problem = problem;
    }

    private static String format(String sentence, int position, int length, String problem) {
        int carets = Math.max(1, length);
        return "malformed experiment step: " + problem + "\n  " + sentence + "\n  "
                + " ".repeat(Math.max(0, position)) + "^".repeat(carets);
    }

    /** The rejected sentence. */
    public String sentence() {
        return sentence;
    }

    /** 0-based index of the offending word. */
    public int position() {
        return position;
    }

    /** Length of the offending word. */
    public int length() {
        return length;
    }

    /** The problem without the sentence and caret lines. */
    public String problem() {
        return problem;
    }
}

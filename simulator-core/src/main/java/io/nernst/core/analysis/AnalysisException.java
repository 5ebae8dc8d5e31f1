package io.nernst.core.analysis;

/**
 * Bad input to an analysis (a circuit string that does not parse, too few points, frequencies
 * not monotone, missing columns): the message says what and where. For a circuit string the
 * message repeats the string with a caret under the offending position.
 */
public final class AnalysisException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    /** A message about {@code text} at {@code position} (caret under it). */
    public static AnalysisException at(String text, int position, int length, String problem) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < position; i++) {
            caret.append(' ');
        }
        for (int i = 0; i < Math.max(1, length); i++) {
            caret.append('^');
        }
        return new AnalysisException(problem + "\n  " + text + "\n  " + caret);
    }
}

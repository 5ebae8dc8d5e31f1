package io.nernst.core.study;

import java.math.BigDecimal;

/** Number formatting shared by the study's texts and tables. */
final class StudyNumbers {

    private StudyNumbers() {
    }

    /** The shortest text that reads back as exactly this double, without exponent for ordinary magnitudes. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.contains("E")) {
            double a = Math.abs(v);
            if (a >= 1e-4 && a < 1e7) {
                return new BigDecimal(s).toPlainString();
            }
        }
        return s;
    }
}

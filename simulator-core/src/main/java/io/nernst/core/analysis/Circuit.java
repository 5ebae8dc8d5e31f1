package io.nernst.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An equivalent circuit parsed from a string such as {@code R0-p(R1,CPE1)-p(R2,CPE2)-W1}:
 * elements in series are joined by '-', {@code p(a,b,...)} puts its arguments in parallel.
 * Elements (name = type + label, e.g. R0, CPE1, Ws2):
 * <ul>
 * <li>{@code R} resistance [ohm]: Z = R;</li>
 * <li>{@code C} capacitance [F]: Z = 1/(i w C);</li>
 * <li>{@code L} inductance [H]: Z = i w L;</li>
 * <li>{@code CPE} constant-phase element: Z = 1/(Q (i w)^alpha), Q [F s^(alpha-1)], 0 &lt; alpha &lt;= 1;</li>
 * <li>{@code W} semi-infinite Warburg: Z = sigma w^(-1/2) (1 - i), sigma [ohm s^-1/2];</li>
 * <li>{@code Ws} finite-length, transmissive: Z = R tanh(sqrt(i w tau))/sqrt(i w tau);</li>
 * <li>{@code Wo} finite-length, reflective: Z = R coth(sqrt(i w tau))/sqrt(i w tau)
 * (physics.md section 9).</li>
 * </ul>
 * Parameters are listed in the order the elements appear, named {@code R0}, {@code C1},
 * {@code L1}, {@code CPE1_Q}, {@code CPE1_alpha}, {@code W1_sigma}, {@code Ws1_R}, {@code Ws1_tau}.
 * Immutable.
 */
public final class Circuit {
    /** Named templates. */
    public static final String SEED_001_TEMPLATE = "R0-p(R1,CPE1)-p(R2,CPE2)-W1";

    private final String text;
    private final Node root;
    private final List<String> parameterNames;
    private final List<Kind> parameterKinds;

    /** What a parameter is: its physical meaning decides its transform (log for positive, logit for alpha). */
    public enum Kind { POSITIVE, EXPONENT }

    private Circuit(String text, Node root, List<String> names, List<Kind> kinds) {
        this.text = text;
        this.root = root;
        this.parameterNames = Collections.unmodifiableList(names);
        this.parameterKinds = Collections.unmodifiableList(kinds);
    }

    /**
     * Parses a circuit string, or a template name ("seed001": R_SE + (R_cathode/SE || CPE) +
     * (R_anode/SE || CPE) + Warburg, the circuit of seed 001 tables S2-S4).
     *
     * @throws AnalysisException with a caret under the offending position
     */
    public static Circuit parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AnalysisException("empty circuit string; expected e.g. 'R0-p(R1,CPE1)-W1'");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("seed001")) {
            t = SEED_001_TEMPLATE;
        }
        Parser p = new Parser(t);
        Node root = p.series();
        if (p.pos < t.length()) {
            char c = t.charAt(p.pos);
            throw AnalysisException.at(t, p.pos, 1, c == ')' ? "unbalanced ')'" : c == ','
                    ? "',' outside p(...)" : "expected '-' between elements, found '" + c + "'");
        }
        List<String> names = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        root.collect(names, kinds);
        return new Circuit(t, root, names, kinds);
    }

    /** The circuit string as parsed. */
    public String text() {
        return text;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public List<Kind> parameterKinds() {
        return parameterKinds;
    }

    public int parameterCount() {
        return parameterNames.size();
    }

    /** Writes Z(2 pi f) = {re, im} for the parameters (in {@link #parameterNames()} order) into {@code out}. */
    public void impedance(double frequency, double[] parameters, double[] out) {
        if (parameters.length != parameterNames.size()) {
            throw new IllegalArgumentException("circuit " + text + " has " + parameterNames.size() + " parameters, got "
                    + parameters.length);
        }
        double w = 2 * Math.PI * frequency;
        int[] cursor = {0};
        root.impedance(w, parameters, cursor, out);
    }

    @Override
    public String toString() {
        return text;
    }

    // ---------------------------------------------------------------- tree

    private interface Node {
        void collect(List<String> names, List<Kind> kinds);

        void impedance(double w, double[] p, int[] cursor, double[] out);
    }

    /** Series and parallel groups: parameters collected from their parts in order. */
    private abstract static class Composite implements Node {
        final List<Node> parts;

        Composite(List<Node> parts) {
            this.parts = parts;
        }

        @Override
        public void collect(List<String> names, List<Kind> kinds) {
            for (Node n : parts) {
                n.collect(names, kinds);
            }
        }
    }

    private static final class Series extends Composite {
        Series(List<Node> parts) {
            super(parts);
        }

        @Override
        public void impedance(double w, double[] p, int[] cursor, double[] out) {
            double re = 0;
            double im = 0;
            double[] z = new double[2];
            for (Node n : parts) {
                n.impedance(w, p, cursor, z);
                re += z[0];
                im += z[1];
            }
            out[0] = re;
            out[1] = im;
        }
    }

    private static final class Parallel extends Composite {
        Parallel(List<Node> parts) {
            super(parts);
        }

        @Override
        public void impedance(double w, double[] p, int[] cursor, double[] out) {
            double yr = 0;
            double yi = 0;
            double[] z = new double[2];
            for (Node n : parts) {
                n.impedance(w, p, cursor, z);
                double d = z[0] * z[0] + z[1] * z[1];
                yr += z[0] / d;
                yi -= z[1] / d;
            }
            double d = yr * yr + yi * yi;
            out[0] = yr / d;
            out[1] = -yi / d;
        }
    }

    private static final class Element implements Node {
        final String type;
        final String name;

        Element(String type, String name) {
            this.type = type;
            this.name = name;
        }

        @Override
        public void collect(List<String> names, List<Kind> kinds) {
            switch (type) {
                case "R", "C", "L" -> {
                    names.add(name);
                    kinds.add(Kind.POSITIVE);
                }
                case "CPE" -> {
                    names.add(name + "_Q");
                    kinds.add(Kind.POSITIVE);
                    names.add(name + "_alpha");
                    kinds.add(Kind.EXPONENT);
                }
                case "W" -> {
                    names.add(name + "_sigma");
                    kinds.add(Kind.POSITIVE);
                }
                default -> { // Ws, Wo
                    names.add(name + "_R");
                    kinds.add(Kind.POSITIVE);
                    names.add(name + "_tau");
                    kinds.add(Kind.POSITIVE);
                }
            }
        }

        @Override
        public void impedance(double w, double[] p, int[] cursor, double[] out) {
            switch (type) {
                case "R" -> {
                    out[0] = p[cursor[0]++];
                    out[1] = 0;
                }
                case "C" -> {
                    out[0] = 0;
                    out[1] = -1.0 / (w * p[cursor[0]++]);
                }
                case "L" -> {
                    out[0] = 0;
                    out[1] = w * p[cursor[0]++];
                }
                case "CPE" -> {
                    double q = p[cursor[0]++];
                    double alpha = p[cursor[0]++];
                    // 1/(Q (i w)^alpha) = w^-alpha / Q * (cos(alpha pi/2) - i sin(alpha pi/2))
                    double m = Math.pow(w, -alpha) / q;
                    out[0] = m * Math.cos(alpha * Math.PI / 2);
                    out[1] = -m * Math.sin(alpha * Math.PI / 2);
                }
                case "W" -> {
                    double sigma = p[cursor[0]++];
                    double m = sigma / Math.sqrt(w);
                    out[0] = m;
                    out[1] = -m;
                }
                default -> {
                    double r = p[cursor[0]++];
                    double tau = p[cursor[0]++];
                    // s = sqrt(i w tau) = a (1 + i), a = sqrt(w tau / 2)
                    double a = Math.sqrt(w * tau / 2);
                    double[] th = Complex.tanh(a, a);
                    if (type.equals("Wo")) {
                        th = Complex.divide(1, 0, th[0], th[1]);
                    }
                    double[] q = Complex.divide(th[0], th[1], a, a);
                    out[0] = r * q[0];
                    out[1] = r * q[1];
                }
            }
        }
    }

    // ---------------------------------------------------------------- parser

    private static final class Parser {
        final String s;
        int pos;
        final Set<String> seen = new HashSet<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        Node series() {
            List<Node> parts = new ArrayList<>();
            parts.add(term());
            skipSpaces();
            while (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
                parts.add(term());
                skipSpaces();
            }
            return parts.size() == 1 ? parts.get(0) : new Series(parts);
        }

        Node term() {
            skipSpaces();
            if (pos >= s.length()) {
                throw AnalysisException.at(s, pos, 1, "expected an element (R, C, L, CPE, W, Ws, Wo) or p(...), found the end");
            }
            int start = pos;
            if (s.startsWith("p(", pos)) {
                pos += 2;
                List<Node> parts = new ArrayList<>();
                parts.add(series());
                skipSpaces();
                while (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    parts.add(series());
                    skipSpaces();
                }
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw AnalysisException.at(s, Math.min(pos, s.length()), 1, "expected ',' or ')' to close the p( opened at "
                            + "position " + start);
                }
                pos++;
                if (parts.size() < 2) {
                    throw AnalysisException.at(s, start, pos - start, "p(...) needs at least two branches");
                }
                return new Parallel(parts);
            }
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String type = s.substring(start, pos);
            int labelStart = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String label = s.substring(labelStart, pos);
            if (type.isEmpty()) {
                throw AnalysisException.at(s, start, 1, "expected an element (R, C, L, CPE, W, Ws, Wo) or p(...), found '"
                        + s.charAt(start) + "'");
            }
            // Letters run into the label (e.g. "Rct"): take the longest known type prefix.
            String known = null;
            for (String k : new String[] {"CPE", "Ws", "Wo", "R", "C", "L", "W"}) {
                if (type.startsWith(k)) {
                    known = k;
                    break;
                }
            }
            if (known == null) {
                throw AnalysisException.at(s, start, pos - start, "unknown element '" + s.substring(start, pos)
                        + "'; known: R, C, L, CPE, W, Ws, Wo (followed by a label, e.g. R1, CPE2)");
            }
            String name = s.substring(start, pos);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw AnalysisException.at(s, start, pos - start, "element name '" + name + "' is used twice");
            }
            return new Element(known, name);
        }
    }
}

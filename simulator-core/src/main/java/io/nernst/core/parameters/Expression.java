package io.nernst.core.parameters;

import io.nernst.core.text.NameSuggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A material function written as text, e.g. {@code "4.4875 - 0.8090*x - 0.0428*tanh(18.5138*(x - 0.5542))"},
 * compiled once into a tree of small final node classes that evaluates the value and the exact
 * derivative with respect to the state variable (forward-mode differentiation: each node
 * returns its derivative from its children's values and derivatives).
 *
 * <p>Syntax (Python's, which BPX files use): numbers ({@code 1.5}, {@code 2e-3}), the state
 * variable (its name is given at compile time: {@code x} for a stoichiometry, {@code c} for a
 * concentration in mol/m3), {@code T} (temperature [K]), named constants (built in:
 * {@code pi}, {@code F} [C/mol], {@code R} [J/(mol K)]; more from the parameter file),
 * {@code + - * /}, powers {@code **} or {@code ^} (right-associative, binding tighter than a
 * leading minus: {@code -x**2 = -(x**2)}), parentheses and the functions
 * {@code exp log log10 sqrt tanh cosh sinh abs} and {@code min max} (two arguments).
 * Sub-expressions without variables are folded into constants at compile time.
 *
 * <p>Why our own parser: the Java expression libraries (exp4j, EvalEx, JEP, Commons JEXL)
 * evaluate values only - none differentiates, which the Newton Jacobian needs - and they
 * allocate per evaluation (exp4j a new operand stack, EvalEx BigDecimals), which the residual
 * loop must not. The tree needs no workspace, so one compiled expression is safe to share
 * between threads and allocates nothing per call.
 */
public final class Expression implements MaterialFunction {

    /** Gas constant [J/(mol K)] and Faraday constant [C/mol], CODATA 2018 exact. */
    private static final Map<String, Double> BUILT_IN = Map.of("pi", Math.PI, "F", 96485.33212, "R", 8.314462618);
    private static final List<String> FUNCTIONS = List.of("exp", "log", "log10", "sqrt", "tanh", "cosh", "sinh", "abs", "min", "max");

    private final String text;
    private final String variable;
    private final Node root;

    private Expression(String text, String variable, Node root) {
        this.text = text;
        this.variable = variable;
        this.root = root;
    }

    /**
     * Compiles an expression.
     *
     * @param text      the expression
     * @param variable  name of the state variable ("x" or "c"); {@code T} is always the temperature
     * @param constants further named constants (may be empty)
     * @param where     where the text comes from, for messages ("chen2020.yaml: Negative electrode OCP")
     * @throws ExpressionException with a caret under the bad token, naming unknown variables
     */
    public static Expression compile(String text, String variable, Map<String, Double> constants, String where) {
        Parser p = new Parser(text == null ? "" : text, variable, constants == null ? Map.of() : constants, where);
        Node root = optimise(p.parse());
        return new Expression(p.text, variable, root);
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** Name of the state variable. */
    public String variable() {
        return variable;
    }

    @Override
    public double value(double x, double temperature) {
        return root.v(x, temperature);
    }

    @Override
    public double derivative(double x, double temperature) {
        return root.dx ? root.d(x, temperature) : 0.0;
    }

    @Override
    public boolean independentOfState() {
        return !root.dx;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * tanh through one exponential, 1 - 2/(e^(2u) + 1), saturated beyond |u| = 20: absolute
     * error below 5e-16 and several times faster than {@link Math#tanh} on JDK 17 (the same
     * formula as the models' built-in OCP fits, so file and code give the same numbers).
     */
    static double tanh(double u) {
        if (u > 20.0) {
            return 1.0;
        }
        if (u < -20.0) {
            return -1.0;
        }
        return 1.0 - 2.0 / (Math.exp(2.0 * u) + 1.0);
    }

    // ---------------------------------------------------------------- nodes

    /** A node: value v and derivative d with respect to the state variable; dx = depends on it. */
    private abstract static class Node {
        final boolean dx;
        final boolean constant;

        Node(boolean dx, boolean constant) {
            this.dx = dx;
            this.constant = constant;
        }

        abstract double v(double x, double t);

        abstract double d(double x, double t);
    }

    private static final class Const extends Node {
        final double c;

        Const(double c) {
            super(false, true);
            this.c = c;
        }

        @Override
        double v(double x, double t) {
            return c;
        }

        @Override
        double d(double x, double t) {
            return 0.0;
        }
    }

    private static final class StateVar extends Node {
        StateVar() {
            super(true, false);
        }

        @Override
        double v(double x, double t) {
            return x;
        }

        @Override
        double d(double x, double t) {
            return 1.0;
        }
    }

    private static final class TemperatureVar extends Node {
        TemperatureVar() {
            super(false, false);
        }

        @Override
        double v(double x, double t) {
            return t;
        }

        @Override
        double d(double x, double t) {
            return 0.0;
        }
    }

    private abstract static class Binary extends Node {
        final Node a;
        final Node b;

        Binary(Node a, Node b) {
            super(a.dx || b.dx, a.constant && b.constant);
            this.a = a;
            this.b = b;
        }
    }

    private static final class Add extends Binary {
        Add(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return a.v(x, t) + b.v(x, t);
        }

        @Override
        double d(double x, double t) {
            return (a.dx ? a.d(x, t) : 0.0) + (b.dx ? b.d(x, t) : 0.0);
        }
    }

    private static final class Sub extends Binary {
        Sub(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return a.v(x, t) - b.v(x, t);
        }

        @Override
        double d(double x, double t) {
            return (a.dx ? a.d(x, t) : 0.0) - (b.dx ? b.d(x, t) : 0.0);
        }
    }

    private static final class Mul extends Binary {
        Mul(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return a.v(x, t) * b.v(x, t);
        }

        @Override
        double d(double x, double t) {
            if (!a.dx) {
                return a.v(x, t) * b.d(x, t);
            }
            if (!b.dx) {
                return a.d(x, t) * b.v(x, t);
            }
            return a.d(x, t) * b.v(x, t) + a.v(x, t) * b.d(x, t);
        }
    }

    private static final class Div extends Binary {
        Div(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return a.v(x, t) / b.v(x, t);
        }

        @Override
        double d(double x, double t) {
            double bv = b.v(x, t);
            if (!b.dx) {
                return a.d(x, t) / bv;
            }
            double da = a.dx ? a.d(x, t) : 0.0;
            return (da * bv - a.v(x, t) * b.d(x, t)) / (bv * bv);
        }
    }

    private static final class Neg extends Node {
        final Node a;

        Neg(Node a) {
            super(a.dx, a.constant);
            this.a = a;
        }

        @Override
        double v(double x, double t) {
            return -a.v(x, t);
        }

        @Override
        double d(double x, double t) {
            return -a.d(x, t);
        }
    }

    /** a ** p with a constant exponent p. */
    private static final class PowConst extends Node {
        final Node a;
        final double p;

        PowConst(Node a, double p) {
            super(a.dx, a.constant);
            this.a = a;
            this.p = p;
        }

        private static double pow(double base, double p) {
            if (p == 2.0) {
                return base * base;
            }
            if (p == 3.0) {
                return base * base * base;
            }
            if (p == 0.5) {
                return Math.sqrt(base);
            }
            if (p == 1.5) {
                return base * Math.sqrt(base);
            }
            if (p == 1.0) {
                return base;
            }
            return Math.pow(base, p);
        }

        @Override
        double v(double x, double t) {
            return pow(a.v(x, t), p);
        }

        @Override
        double d(double x, double t) {
            double av = a.v(x, t);
            double dp = p == 2.0 ? 2.0 * av : p == 1.0 ? 1.0 : p == 0.5 ? 0.5 / Math.sqrt(av)
                    : p == 1.5 ? 1.5 * Math.sqrt(av) : p == 3.0 ? 3.0 * av * av : p * pow(av, p - 1.0);
            return dp * a.d(x, t);
        }
    }

    /** a ** b with a variable exponent: d = a^b (b' ln a + b a'/a). */
    private static final class Pow extends Binary {
        Pow(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return Math.pow(a.v(x, t), b.v(x, t));
        }

        @Override
        double d(double x, double t) {
            double av = a.v(x, t);
            double bv = b.v(x, t);
            double r = Math.pow(av, bv);
            double s = 0.0;
            if (b.dx) {
                s += b.d(x, t) * Math.log(av);
            }
            if (a.dx) {
                s += bv * a.d(x, t) / av;
            }
            return r * s;
        }
    }

    private static final class Min extends Binary {
        Min(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return Math.min(a.v(x, t), b.v(x, t));
        }

        @Override
        double d(double x, double t) {
            return a.v(x, t) <= b.v(x, t) ? a.d(x, t) : b.d(x, t);
        }
    }

    private static final class Max extends Binary {
        Max(Node a, Node b) {
            super(a, b);
        }

        @Override
        double v(double x, double t) {
            return Math.max(a.v(x, t), b.v(x, t));
        }

        @Override
        double d(double x, double t) {
            return a.v(x, t) >= b.v(x, t) ? a.d(x, t) : b.d(x, t);
        }
    }

    private enum Fn { EXP, LOG, LOG10, SQRT, TANH, COSH, SINH, ABS }

    private static final class Call extends Node {
        final Fn fn;
        final Node a;

        Call(Fn fn, Node a) {
            super(a.dx, a.constant);
            this.fn = fn;
            this.a = a;
        }

        @Override
        double v(double x, double t) {
            double u = a.v(x, t);
            switch (fn) {
                case EXP: return Math.exp(u);
                case LOG: return Math.log(u);
                case LOG10: return Math.log10(u);
                case SQRT: return Math.sqrt(u);
                case TANH: return tanh(u);
                case COSH: return Math.cosh(u);
                case SINH: return Math.sinh(u);
                default: return Math.abs(u);
            }
        }

        @Override
        double d(double x, double t) {
            double u = a.v(x, t);
            double du = a.d(x, t);
            switch (fn) {
                case EXP: return Math.exp(u) * du;
                case LOG: return du / u;
                case LOG10: return du / (u * 2.302585092994046);
                case SQRT: return 0.5 * du / Math.sqrt(u);
                case TANH: {
                    double th = tanh(u);
                    return (1.0 - th * th) * du;
                }
                case COSH: return Math.sinh(u) * du;
                case SINH: return Math.cosh(u) * du;
                default: return Math.signum(u) * du;
            }
        }
    }

    /** p x + q: an affine function of the state variable (folded from +, -, *, / with constants). */
    private static final class Affine extends Node {
        final double p;
        final double q;

        Affine(double p, double q) {
            super(true, false);
            this.p = p;
            this.q = q;
        }

        @Override
        double v(double x, double t) {
            return p * x + q;
        }

        @Override
        double d(double x, double t) {
            return p;
        }
    }

    /**
     * k f(p x + q): the terms of OCP and diffusivity fits (k tanh((x - c)/w), k exp(-b x)) as one
     * node, so that a fit is a flat sum of these instead of a deep tree of virtual calls.
     */
    private static final class ScaledAffineCall extends Node {
        final double k;
        final Fn fn;
        final double p;
        final double q;

        ScaledAffineCall(double k, Fn fn, double p, double q) {
            super(true, false);
            this.k = k;
            this.fn = fn;
            this.p = p;
            this.q = q;
        }

        @Override
        double v(double x, double t) {
            double u = p * x + q;
            switch (fn) {
                case TANH: return k * tanh(u);
                case EXP: return k * Math.exp(u);
                case LOG: return k * Math.log(u);
                case LOG10: return k * Math.log10(u);
                case SQRT: return k * Math.sqrt(u);
                case COSH: return k * Math.cosh(u);
                case SINH: return k * Math.sinh(u);
                default: return k * Math.abs(u);
            }
        }

        @Override
        double d(double x, double t) {
            double u = p * x + q;
            double kp = k * p;
            switch (fn) {
                case TANH: {
                    double th = tanh(u);
                    return kp * (1.0 - th * th);
                }
                case EXP: return kp * Math.exp(u);
                case LOG: return kp / u;
                case LOG10: return kp / (u * 2.302585092994046);
                case SQRT: return 0.5 * kp / Math.sqrt(u);
                case COSH: return kp * Math.sinh(u);
                case SINH: return kp * Math.cosh(u);
                default: return kp * Math.signum(u);
            }
        }
    }

    /** c + sum of terms (a flattened chain of + and -; subtracted terms are negated at compile time). */
    private static final class Sum extends Node {
        final double c;
        final Node[] terms;

        Sum(double c, Node[] terms, boolean dx) {
            super(dx, false);
            this.c = c;
            this.terms = terms;
        }

        @Override
        double v(double x, double t) {
            double s = c;
            for (Node n : terms) {
                s += n.v(x, t);
            }
            return s;
        }

        @Override
        double d(double x, double t) {
            double s = 0.0;
            for (Node n : terms) {
                if (n.dx) {
                    s += n.d(x, t);
                }
            }
            return s;
        }
    }

    /** The affine form {p, q} of a node without T, or null. */
    private static double[] affine(Node n) {
        if (n instanceof Const k) {
            return new double[] {0.0, k.c};
        }
        if (n instanceof StateVar) {
            return new double[] {1.0, 0.0};
        }
        if (n instanceof Affine a) {
            return new double[] {a.p, a.q};
        }
        if (n instanceof Neg g) {
            double[] a = affine(g.a);
            return a == null ? null : new double[] {-a[0], -a[1]};
        }
        if (n instanceof Add || n instanceof Sub) {
            Binary b = (Binary) n;
            double[] l = affine(b.a);
            double[] r = affine(b.b);
            if (l == null || r == null) {
                return null;
            }
            double sign = n instanceof Add ? 1.0 : -1.0;
            return new double[] {l[0] + sign * r[0], l[1] + sign * r[1]};
        }
        if (n instanceof Mul m) {
            double[] l = affine(m.a);
            double[] r = affine(m.b);
            if (l == null || r == null) {
                return null;
            }
            if (l[0] == 0.0) {
                return new double[] {l[1] * r[0], l[1] * r[1]};
            }
            if (r[0] == 0.0) {
                return new double[] {r[1] * l[0], r[1] * l[1]};
            }
            return null;
        }
        if (n instanceof Div dv && dv.b instanceof Const k) {
            double[] l = affine(dv.a);
            return l == null ? null : new double[] {l[0] / k.c, l[1] / k.c};
        }
        return null;
    }

    /**
     * Rewrites a compiled tree into the fused forms (affine arguments, scaled calls, flat
     * sums). Reassociates sums and folds affine constants, which changes results only at the
     * level of round-off (1e-16 relative).
     */
    private static Node optimise(Node n) {
        if (n instanceof Const || n instanceof StateVar || n instanceof TemperatureVar || n instanceof Affine) {
            return n;
        }
        double[] aff = affine(n);
        if (aff != null && aff[0] != 0.0) {
            return new Affine(aff[0], aff[1]);
        }
        if (n instanceof Add || n instanceof Sub) {
            List<Node> terms = new ArrayList<>();
            double[] c = {0.0};
            flatten(n, 1.0, terms, c);
            boolean dx = false;
            for (Node t : terms) {
                dx |= t.dx;
            }
            return new Sum(c[0], terms.toArray(new Node[0]), dx);
        }
        if (n instanceof Mul m) {
            Node a = optimise(m.a);
            Node b = optimise(m.b);
            if (a instanceof Const k && b instanceof ScaledAffineCall s) {
                return new ScaledAffineCall(k.c * s.k, s.fn, s.p, s.q);
            }
            if (b instanceof Const k && a instanceof ScaledAffineCall s) {
                return new ScaledAffineCall(k.c * s.k, s.fn, s.p, s.q);
            }
            return new Mul(a, b);
        }
        if (n instanceof Call call) {
            Node a = optimise(call.a);
            if (a instanceof Affine af) {
                return new ScaledAffineCall(1.0, call.fn, af.p, af.q);
            }
            return new Call(call.fn, a);
        }
        if (n instanceof Neg g) {
            Node a = optimise(g.a);
            if (a instanceof ScaledAffineCall s) {
                return new ScaledAffineCall(-s.k, s.fn, s.p, s.q);
            }
            return new Neg(a);
        }
        if (n instanceof Div dv) {
            return new Div(optimise(dv.a), optimise(dv.b));
        }
        if (n instanceof PowConst pc) {
            return new PowConst(optimise(pc.a), pc.p);
        }
        if (n instanceof Pow pw) {
            return new Pow(optimise(pw.a), optimise(pw.b));
        }
        if (n instanceof Min mn) {
            return new Min(optimise(mn.a), optimise(mn.b));
        }
        if (n instanceof Max mx) {
            return new Max(optimise(mx.a), optimise(mx.b));
        }
        return n;
    }

    private static void flatten(Node n, double sign, List<Node> terms, double[] constant) {
        if (n instanceof Add a) {
            flatten(a.a, sign, terms, constant);
            flatten(a.b, sign, terms, constant);
        } else if (n instanceof Sub s) {
            flatten(s.a, sign, terms, constant);
            flatten(s.b, -sign, terms, constant);
        } else if (n instanceof Const k) {
            constant[0] += sign * k.c;
        } else {
            Node o = optimise(n);
            if (sign < 0) {
                o = o instanceof ScaledAffineCall s ? new ScaledAffineCall(-s.k, s.fn, s.p, s.q)
                        : o instanceof Affine af ? new Affine(-af.p, -af.q) : new Neg(o);
            }
            terms.add(o);
        }
    }

    // ---------------------------------------------------------------- parser

    /** Recursive descent over the text; positions feed the caret of error messages. */
    private static final class Parser {
        final String text;
        final String variable;
        final Map<String, Double> constants;
        final String where;
        int pos;

        Parser(String text, String variable, Map<String, Double> constants, String where) {
            this.text = text.strip();
            this.variable = variable;
            this.constants = constants;
            this.where = where;
        }

        Node parse() {
            if (text.isEmpty()) {
                throw error(0, "empty expression");
            }
            Node n = additive();
            skipSpaces();
            if (pos < text.length()) {
                char ch = text.charAt(pos);
                throw error(pos, ch == ')' ? "unbalanced ')'" : "unexpected '" + ch + "' (an operator is missing?)");
            }
            return n;
        }

        private Node additive() {
            Node n = multiplicative();
            while (true) {
                skipSpaces();
                if (peek('+')) {
                    pos++;
                    n = fold(new Add(n, multiplicative()));
                } else if (peek('-')) {
                    pos++;
                    n = fold(new Sub(n, multiplicative()));
                } else {
                    return n;
                }
            }
        }

        private Node multiplicative() {
            Node n = unary();
            while (true) {
                skipSpaces();
                if (peek('*') && !text.startsWith("**", pos)) {
                    pos++;
                    n = fold(new Mul(n, unary()));
                } else if (peek('/')) {
                    pos++;
                    n = fold(new Div(n, unary()));
                } else {
                    return n;
                }
            }
        }

        private Node unary() {
            skipSpaces();
            if (peek('-')) {
                pos++;
                return fold(new Neg(unary()));
            }
            if (peek('+')) {
                pos++;
                return unary();
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            skipSpaces();
            boolean star = text.startsWith("**", pos);
            if (star || peek('^')) {
                pos += star ? 2 : 1;
                Node exponent = unary();
                if (exponent.constant) {
                    return fold(new PowConst(base, exponent.v(0, 0)));
                }
                return fold(new Pow(base, exponent));
            }
            return base;
        }

        private Node primary() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error(pos, "unexpected end of expression: a number, a name or '(' is missing");
            }
            char ch = text.charAt(pos);
            if (ch == '(') {
                int open = pos;
                pos++;
                Node n = additive();
                skipSpaces();
                if (!peek(')')) {
                    throw error(pos >= text.length() ? open : pos, pos >= text.length() ? "'(' is never closed" : "expected ')'");
                }
                pos++;
                return n;
            }
            if (Character.isDigit(ch) || ch == '.') {
                return number();
            }
            if (Character.isLetter(ch) || ch == '_') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                        || text.charAt(pos) == '.')) {
                    pos++;
                }
                String name = text.substring(start, pos);
                skipSpaces();
                if (peek('(')) {
                    return call(name, start);
                }
                if (name.equals(variable)) {
                    return new StateVar();
                }
                if (name.equals("T")) {
                    return new TemperatureVar();
                }
                Double c = constants.get(name);
                if (c == null) {
                    c = BUILT_IN.get(name);
                }
                if (c != null) {
                    return new Const(c);
                }
                TreeSet<String> known = new TreeSet<>(constants.keySet());
                known.addAll(BUILT_IN.keySet());
                List<String> all = new ArrayList<>(known);
                all.add(variable);
                all.add("T");
                String best = NameSuggestions.closest(name, all);
                throw error(start, "unknown variable '" + name + "'; allowed: " + variable + " (the state variable), T (temperature [K])"
                        + (known.isEmpty() ? "" : ", constants " + String.join(", ", known))
                        + (best == null ? "" : "; did you mean '" + best + "'?"));
            }
            throw error(pos, "unexpected '" + ch + "'");
        }

        private Node call(String name, int start) {
            String key = name.startsWith("math.") || name.startsWith("np.") ? name.substring(name.indexOf('.') + 1) : name;
            if (!FUNCTIONS.contains(key)) {
                String best = NameSuggestions.closest(key, FUNCTIONS);
                throw error(start, "unknown function '" + name + "'; allowed: " + String.join(", ", FUNCTIONS)
                        + (best == null ? "" : "; did you mean '" + best + "'?"));
            }
            int open = pos;
            pos++; // '('
            List<Node> args = new ArrayList<>();
            skipSpaces();
            if (!peek(')')) {
                while (true) {
                    args.add(additive());
                    skipSpaces();
                    if (peek(',')) {
                        pos++;
                        continue;
                    }
                    if (peek(')')) {
                        break;
                    }
                    throw error(pos >= text.length() ? open : pos, pos >= text.length() ? "'(' is never closed" : "expected ',' or ')'");
                }
            }
            pos++; // ')'
            int arity = key.equals("min") || key.equals("max") ? 2 : 1;
            if (args.size() != arity) {
                throw error(start, key + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + args.size());
            }
            switch (key) {
                case "min": return fold(new Min(args.get(0), args.get(1)));
                case "max": return fold(new Max(args.get(0), args.get(1)));
                default: return fold(new Call(Fn.valueOf(key.toUpperCase(Locale.ROOT)), args.get(0)));
            }
        }

        private Node number() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                    pos = mark;
                } else {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                }
            }
            String s = text.substring(start, pos);
            try {
                return new Const(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                throw error(start, "malformed number '" + s + "'");
            }
        }

        /** Replaces a node without variables by its value. */
        private static Node fold(Node n) {
            return n.constant && !(n instanceof Const) ? new Const(n.v(0.0, 0.0)) : n;
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private ExpressionException error(int at, String problem) {
            return new ExpressionException(where, text, Math.min(at, text.length()), problem);
        }
    }

    /** The built-in constants (name to value), for documentation and messages. */
    public static Map<String, Double> builtInConstants() {
        return new LinkedHashMap<>(BUILT_IN);
    }
}

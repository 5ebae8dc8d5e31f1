package io.nernst.core.units;

import io.nernst.core.text.NameSuggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A unit of measurement: a dimension, a scale to SI and (only for degrees Celsius) an
 * offset, so that {@code si = value * scale + offset}. Parsed from the grammar below.
 *
 * <p>The scale is kept as {@code mantissa * 10^exponent} with the SI prefixes in the
 * exponent, and powers of ten are applied by an exact division or multiplication, so that
 * "60 um" converts to exactly the double nearest 6e-5 (60 * 1e-6 would not).
 *
 * <h2>Unit grammar</h2>
 * <pre>
 * unit     := "" | "1" | "-" | product
 * product  := factor { separator factor | "/" factor }
 * separator:= "." | "*" | "·" | " "           (multiplication)
 * factor   := symbol [exponent] | "(" product ")" [exponent]
 * exponent := ["^"] ["+" | "-"] digits [".5"] (e.g. m2, cm-2, s^-1, (m3.mol-1)^1.5)
 * symbol   := [prefix] prefixable | word
 * </pre>
 * A "/" divides only the single factor right after it, read left to right
 * ({@code J/mol/K} = J.mol-1.K-1; write {@code J/(mol.K)} for the same with parentheses).
 * Thus {@code m2/s} and {@code m2.s-1} are the same unit, as are {@code mA/cm2} and
 * {@code mA cm-2}.
 *
 * <p>Prefixable symbols: m, g, s, A, K, mol, V, W, J, C (coulomb), S (siemens), F (farad),
 * ohm (or Ω), Pa, N, Hz, L (litre); prefixes p n u µ m c d k M G. Plain words and
 * compounds: h, min, hour(s), minute(s), second(s), sec, day(s), Ah, mAh, Wh, mWh, kWh,
 * M and mM (molar, mol/L), % (0.01), ppm. Temperatures in degrees Celsius ({@code degC}, {@code °C}) are affine
 * and must stand alone.
 */
public final class Unit {

    /** SI prefixes; "u" and "µ" both mean micro. */
    private static final Map<String, Integer> PREFIXES = new LinkedHashMap<>();
    /** Symbols that accept a prefix. */
    private static final Map<String, Unit> PREFIXABLE = new LinkedHashMap<>();
    /** Symbols and words that do not (matched first, so "min", "mol", "Pa" are never split). */
    private static final Map<String, Unit> WORDS = new LinkedHashMap<>();
    /** Word units matched case-insensitively (hour, Minutes, ...). */
    private static final Map<String, Unit> CASE_FREE_WORDS = new LinkedHashMap<>();

    /** The dimensionless unit with scale 1. */
    public static final Unit ONE = new Unit("1", Dimension.NONE, 1.0, 0, 0.0);

    static {
        PREFIXES.put("p", -12);
        PREFIXES.put("n", -9);
        PREFIXES.put("u", -6);
        PREFIXES.put("µ", -6);
        PREFIXES.put("μ", -6); // Greek small mu, which keyboards also produce
        PREFIXES.put("m", -3);
        PREFIXES.put("c", -2);
        PREFIXES.put("d", -1);
        PREFIXES.put("k", 3);
        PREFIXES.put("M", 6);
        PREFIXES.put("G", 9);

        Dimension volt = Dimension.VOLTAGE;
        prefixable("m", Dimension.LENGTH, 1, 0);
        prefixable("g", Dimension.MASS, 1, -3);
        prefixable("s", Dimension.TIME, 1, 0);
        prefixable("A", Dimension.CURRENT, 1, 0);
        prefixable("K", Dimension.TEMPERATURE, 1, 0);
        prefixable("mol", Dimension.AMOUNT, 1, 0);
        prefixable("V", volt, 1, 0);
        prefixable("W", Dimension.POWER, 1, 0);
        prefixable("J", Dimension.ENERGY, 1, 0);
        prefixable("C", Dimension.CHARGE, 1, 0);
        prefixable("S", Dimension.CURRENT.divide(volt), 1, 0);
        prefixable("F", Dimension.CHARGE.divide(volt), 1, 0);
        prefixable("ohm", volt.divide(Dimension.CURRENT), 1, 0);
        prefixable("Ohm", volt.divide(Dimension.CURRENT), 1, 0);
        prefixable("Ω", volt.divide(Dimension.CURRENT), 1, 0);
        prefixable("Pa", Dimension.of(-1, 1, -2, 0, 0, 0), 1, 0);
        prefixable("N", Dimension.of(1, 1, -2, 0, 0, 0), 1, 0);
        prefixable("Hz", Dimension.TIME.power(-1), 1, 0);
        prefixable("L", Dimension.LENGTH.power(3), 1, -3);

        word("h", Dimension.TIME, 3600, 0);
        word("min", Dimension.TIME, 60, 0);
        word("Ah", Dimension.CHARGE, 3600, 0);
        word("mAh", Dimension.CHARGE, 3600, -3);
        word("Wh", Dimension.ENERGY, 3600, 0);
        word("mWh", Dimension.ENERGY, 3600, -3);
        word("kWh", Dimension.ENERGY, 3600, 3);
        // molar, mol/L (only with the milli prefix, to keep "M" = mega elsewhere unambiguous)
        word("M", Dimension.AMOUNT.divide(Dimension.LENGTH.power(3)), 1, 3);
        word("mM", Dimension.AMOUNT.divide(Dimension.LENGTH.power(3)), 1, 0);
        word("%", Dimension.NONE, 1, -2);
        word("ppm", Dimension.NONE, 1, -6);
        caseFree("second", Dimension.TIME, 1, 0);
        caseFree("seconds", Dimension.TIME, 1, 0);
        caseFree("sec", Dimension.TIME, 1, 0);
        caseFree("minute", Dimension.TIME, 60, 0);
        caseFree("minutes", Dimension.TIME, 60, 0);
        caseFree("hour", Dimension.TIME, 3600, 0);
        caseFree("hours", Dimension.TIME, 3600, 0);
        caseFree("hr", Dimension.TIME, 3600, 0);
        caseFree("day", Dimension.TIME, 86400, 0);
        caseFree("days", Dimension.TIME, 86400, 0);
    }

    /** Symbols that are degrees Celsius (affine: K = degC + 273.15). */
    private static final String[] CELSIUS = {"degC", "°C", "℃", "celsius", "Celsius", "deg C"};

    private static void prefixable(String symbol, Dimension d, double mantissa, int exponent) {
        PREFIXABLE.put(symbol, new Unit(symbol, d, mantissa, exponent, 0));
    }

    private static void word(String symbol, Dimension d, double mantissa, int exponent) {
        WORDS.put(symbol, new Unit(symbol, d, mantissa, exponent, 0));
    }

    private static void caseFree(String symbol, Dimension d, double mantissa, int exponent) {
        CASE_FREE_WORDS.put(symbol, new Unit(symbol, d, mantissa, exponent, 0));
    }

    private final String text;
    private final Dimension dimension;
    private final double mantissa;
    private final int exponent;
    private final double offset;

    private Unit(String text, Dimension dimension, double mantissa, int exponent, double offset) {
        this.text = text;
        this.dimension = dimension;
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.offset = offset;
    }

    /** 1e0 .. 1e22, all exact doubles. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1.0;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10.0;
        }
    }

    /** x * 10^e with one rounding for |e| <= 22. */
    static double timesPowerOfTen(double x, int e) {
        if (e == 0) {
            return x;
        }
        if (e > 0 && e < POWERS_OF_TEN.length) {
            return x * POWERS_OF_TEN[e];
        }
        if (e < 0 && -e < POWERS_OF_TEN.length) {
            return x / POWERS_OF_TEN[-e];
        }
        return x * Math.pow(10, e);
    }

    /** The text this unit was parsed from (or its symbol). */
    public String text() {
        return text;
    }

    /** The dimension. */
    public Dimension dimension() {
        return dimension;
    }

    /** Factor to SI: si = value * scale + offset. */
    public double scale() {
        return timesPowerOfTen(mantissa, exponent);
    }

    /** Offset to SI (non-zero only for degrees Celsius). */
    public double offset() {
        return offset;
    }

    /** Converts a value in this unit to SI. */
    public double toSi(double value) {
        return timesPowerOfTen(value * mantissa, exponent) + offset;
    }

    /** Converts an SI value to this unit. */
    public double fromSi(double siValue) {
        return timesPowerOfTen((siValue - offset) / mantissa, -exponent);
    }

    /**
     * Converts a value from this unit into {@code other} directly (not through SI when
     * neither is affine), so that e.g. 2400 mAh is exactly 2.4 A.h.
     *
     * @throws UnitException when the dimensions differ
     */
    public double convert(double value, Unit other) {
        if (!dimension.equals(other.dimension)) {
            throw new UnitException("cannot convert " + text + " (" + dimension.describe() + ") into " + other.text
                    + " (" + other.dimension.describe() + ")");
        }
        if (offset != 0 || other.offset != 0) {
            return other.fromSi(toSi(value));
        }
        double m = mantissa == other.mantissa ? value : value * (mantissa / other.mantissa);
        return timesPowerOfTen(m, exponent - other.exponent);
    }

    /**
     * The known symbol or word a misspelt unit is probably meant to be ("hourz" -> "hours"),
     * or null when none is within one edit (two for words of five letters or more).
     */
    static String closestSymbol(String symbol) {
        List<String> candidates = new ArrayList<>();
        candidates.addAll(WORDS.keySet());
        candidates.addAll(PREFIXABLE.keySet());
        candidates.addAll(CASE_FREE_WORDS.keySet());
        candidates.add("degC");
        String best = NameSuggestions.closest(symbol, candidates);
        if (best == null) {
            return null;
        }
        int distance = NameSuggestions.editDistance(symbol.toLowerCase(Locale.ROOT), best.toLowerCase(Locale.ROOT));
        return distance <= (symbol.length() >= 5 ? 2 : 1) && distance < symbol.length() ? best : null;
    }

    /** A human-readable list of what the grammar accepts, for error messages. */
    public static String allowedUnits() {
        return "prefixable symbols " + String.join(" ", PREFIXABLE.keySet())
                + " with prefixes " + String.join(" ", PREFIXES.keySet())
                + "; also " + String.join(" ", WORDS.keySet()) + " "
                + String.join(" ", CASE_FREE_WORDS.keySet())
                + " degC; combine with '.', '*', ' ' or '/', powers as m2, cm-2 or s^-1";
    }

    /**
     * Parses a unit expression (see the class documentation).
     *
     * @throws UnitException naming the unknown symbol or malformed part and listing what is allowed
     */
    public static Unit parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equals("1") || trimmed.equals("-")) {
            return ONE;
        }
        for (String c : CELSIUS) {
            if (trimmed.equals(c)) {
                return new Unit(trimmed, Dimension.TEMPERATURE, 1.0, 0, 273.15);
            }
        }
        Parser p = new Parser(trimmed);
        Unit u = p.product();
        if (p.pos < trimmed.length()) {
            throw p.error("unexpected '" + trimmed.charAt(p.pos) + "'");
        }
        return new Unit(trimmed, u.dimension, u.mantissa, u.exponent, 0);
    }

    /** Recursive-descent parser over the grammar in the class documentation. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Unit product() {
            Unit result = factor();
            while (true) {
                int save = pos;
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) == ')') {
                    pos = save;
                    return result;
                }
                char c = s.charAt(pos);
                if (c == '/') {
                    pos++;
                    skipSpaces();
                    Unit f = factor();
                    result = combine(result, f, -1);
                } else if (c == '.' || c == '*' || c == '·') {
                    pos++;
                    skipSpaces();
                    result = combine(result, factor(), 1);
                } else if (pos > save) {
                    // whitespace acts as multiplication: "mA cm-2"
                    result = combine(result, factor(), 1);
                } else {
                    throw error("unexpected '" + c + "'");
                }
            }
        }

        private static Unit combine(Unit a, Unit b, int sign) {
            double m = sign > 0 ? a.mantissa * b.mantissa : a.mantissa / b.mantissa;
            return new Unit("", a.dimension.multiply(b.dimension.power(sign)), m, a.exponent + sign * b.exponent, 0);
        }

        Unit factor() {
            Unit base;
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                skipSpaces();
                base = product();
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw error("missing ')'");
                }
                pos++;
            } else {
                int start = pos;
                while (pos < s.length() && isSymbolChar(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error(pos < s.length() ? "expected a unit symbol at '" + s.charAt(pos) + "'" : "expected a unit symbol at the end");
                }
                base = symbol(s.substring(start, pos));
            }
            int start = pos;
            int twicePower = twiceExponent();
            if (twicePower == 2) {
                return base;
            }
            Dimension d;
            try {
                d = base.dimension.halfPower(twicePower);
            } catch (UnitException e) {
                pos = start;
                throw error(e.getMessage());
            }
            // the power of ten may become a half (mm^1.5 = 10^-4.5 m^1.5): keep the whole part exact
            int twiceTen = base.exponent * twicePower;
            int tenExponent = Math.floorDiv(twiceTen, 2);
            double mantissa = Math.pow(base.mantissa, twicePower / 2.0);
            if (twiceTen % 2 != 0) {
                mantissa *= Math.sqrt(10.0);
            }
            return new Unit("", d, mantissa, tenExponent, 0);
        }

        /** Twice the exponent after a factor: 2 when there is none, 3 for "^1.5". */
        private int twiceExponent() {
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '^') {
                pos++;
            }
            int signPos = pos;
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                pos++;
            }
            int digitStart = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (digitStart == pos) {
                if (pos > start) {
                    throw error("expected a whole or half exponent after '" + s.substring(start, pos) + "'");
                }
                return 2;
            }
            if (pos - digitStart > 2) {
                // found by the fuzz test: "m^9999999999" overflowed the integer parse
                throw error("exponent '" + s.substring(digitStart, pos) + "' is too large; allowed: -99 to 99");
            }
            int twice = 2 * Integer.parseInt(s.substring(digitStart, pos));
            // ".5" after the digits is a half power; a '.' before a letter is a multiplication
            if (pos + 1 < s.length() && s.charAt(pos) == '.' && Character.isDigit(s.charAt(pos + 1))) {
                if (s.charAt(pos + 1) == '5' && (pos + 2 >= s.length() || !Character.isDigit(s.charAt(pos + 2)))) {
                    twice += 1;
                    pos += 2;
                } else if (s.charAt(pos + 1) == '0' && (pos + 2 >= s.length() || !Character.isDigit(s.charAt(pos + 2)))) {
                    pos += 2;
                } else {
                    throw error("exponents are whole or half numbers (2, -1, 1.5)");
                }
            }
            return signPos < s.length() && s.charAt(signPos) == '-' ? -twice : twice;
        }

        private static boolean isSymbolChar(char c) {
            return Character.isLetter(c) || c == '%' || c == 'Ω' || c == 'µ' || c == '°';
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        Unit symbol(String sym) {
            for (String c : CELSIUS) {
                if (sym.equals(c)) {
                    throw new UnitException("'" + sym + "' in '" + s + "': degrees Celsius are affine and must stand alone; use K inside compound units");
                }
            }
            Unit u = WORDS.get(sym);
            if (u != null) {
                return u;
            }
            u = PREFIXABLE.get(sym);
            if (u != null) {
                return u;
            }
            u = CASE_FREE_WORDS.get(sym.toLowerCase(Locale.ROOT));
            if (u != null) {
                return u;
            }
            for (Map.Entry<String, Integer> prefix : PREFIXES.entrySet()) {
                if (sym.length() > prefix.getKey().length() && sym.startsWith(prefix.getKey())) {
                    Unit b = PREFIXABLE.get(sym.substring(prefix.getKey().length()));
                    if (b != null) {
                        return new Unit(sym, b.dimension, b.mantissa, prefix.getValue() + b.exponent, 0);
                    }
                }
            }
            String in = sym.equals(s) ? "" : " in '" + s + "'";
            String hint = closestSymbol(sym);
            throw new UnitException("unknown unit '" + sym + "'" + in
                    + (hint == null ? "; allowed: " : "; did you mean '" + hint + "'? Allowed: ") + allowedUnits());
        }

        UnitException error(String what) {
            return new UnitException("malformed unit '" + s + "' at position " + (pos + 1) + ": " + what
                    + "; allowed: " + allowedUnits());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

package io.nernst.core.units;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical dimension as exponents of the six SI base units the engine uses: metre,
 * kilogram, second, ampere, kelvin and mole. Exponents are integers or halves: Butler-Volmer
 * rate constants carry (m3.mol-1)^1.5 (Marquis et al. 2019, i0 = m sqrt(ce cs (cmax - cs))).
 * Immutable.
 *
 * <p>{@link #toString()} writes the dimension in the engine's SI unit grammar, e.g.
 * {@code m2.s-1} for a diffusivity, {@code m2.kg.s-3.A-1} for a voltage.
 */
public final class Dimension {

    /** Base-unit symbols in exponent order. */
    private static final String[] BASE_SYMBOLS = {"m", "kg", "s", "A", "K", "mol"};

    /** A pure number. */
    public static final Dimension NONE = new Dimension(new int[6]);
    /** Metre. */
    public static final Dimension LENGTH = base(0);
    /** Kilogram. */
    public static final Dimension MASS = base(1);
    /** Second. */
    public static final Dimension TIME = base(2);
    /** Ampere. */
    public static final Dimension CURRENT = base(3);
    /** Kelvin. */
    public static final Dimension TEMPERATURE = base(4);
    /** Mole. */
    public static final Dimension AMOUNT = base(5);
    /** Volt = kg m2 s-3 A-1. */
    public static final Dimension VOLTAGE = of(2, 1, -3, -1, 0, 0);
    /** Watt = kg m2 s-3. */
    public static final Dimension POWER = of(2, 1, -3, 0, 0, 0);
    /** Ampere per square metre. */
    public static final Dimension CURRENT_DENSITY = CURRENT.divide(LENGTH.power(2));
    /** Watt per square metre. */
    public static final Dimension POWER_DENSITY = POWER.divide(LENGTH.power(2));
    /** Coulomb = A s (also the dimension of A.h). */
    public static final Dimension CHARGE = CURRENT.multiply(TIME);
    /** Joule = kg m2 s-2 (also the dimension of W.h). */
    public static final Dimension ENERGY = of(2, 1, -2, 0, 0, 0);

    /** Names of common dimensions, for error messages. */
    private static final Map<Dimension, String> NAMES = new LinkedHashMap<>();
    /** A typical unit of each named dimension, for examples in error messages ("60 um"). */
    private static final Map<Dimension, String> EXAMPLE_UNITS = new LinkedHashMap<>();

    static {
        define(NONE, "dimensionless", null);
        define(LENGTH, "length", "um");
        define(MASS, "mass", "g");
        define(TIME, "time", "s");
        define(CURRENT, "current", "A");
        define(TEMPERATURE, "temperature", "K");
        define(AMOUNT, "amount of substance", "mol");
        define(VOLTAGE, "voltage", "V");
        define(POWER, "power", "W");
        define(CURRENT_DENSITY, "current density", "A/m2");
        define(POWER_DENSITY, "power density", "W/m2");
        define(CHARGE, "charge", "A.h");
        define(ENERGY, "energy", "W.h");
        define(LENGTH.power(2), "area", "m2");
        define(LENGTH.power(3), "volume", "m3");
        define(AMOUNT.divide(LENGTH.power(3)), "concentration", "mol/m3");
        define(LENGTH.power(2).divide(TIME), "diffusivity", "m2/s");
        define(of(-3, -1, 3, 2, 0, 0), "conductivity", "S/m");
        define(VOLTAGE.divide(CURRENT), "resistance", "ohm");
        define(of(-2, -1, 3, 2, 0, 0), "conductance", "S/m2");
        define(LENGTH.power(-1), "inverse length", "m-1");
        define(TIME.power(-1), "frequency", "Hz");
    }

    /** Registers a dimension's name and, where there is one, the unit its error messages use as an example. */
    private static void define(Dimension dimension, String name, String exampleUnit) {
        NAMES.put(dimension, name);
        if (exampleUnit != null) {
            EXAMPLE_UNITS.put(dimension, exampleUnit);
        }
    }

    /** Twice the exponent of each base unit, so that half powers are exact. */
    private final int[] twiceExponents;

    private Dimension(int[] twiceExponents) {
        this.twiceExponents = twiceExponents;
    }

    private static Dimension base(int index) {
        int[] e = new int[6];
        e[index] = 2;
        return new Dimension(e);
    }

    /** A dimension from exponents of m, kg, s, A, K, mol. */
    public static Dimension of(int metre, int kilogram, int second, int ampere, int kelvin, int mole) {
        return new Dimension(new int[] {2 * metre, 2 * kilogram, 2 * second, 2 * ampere, 2 * kelvin, 2 * mole});
    }

    /** The product of two dimensions. */
    public Dimension multiply(Dimension other) {
        int[] e = new int[6];
        for (int i = 0; i < 6; i++) {
            e[i] = twiceExponents[i] + other.twiceExponents[i];
        }
        return new Dimension(e);
    }

    /** The quotient of two dimensions. */
    public Dimension divide(Dimension other) {
        return multiply(other.power(-1));
    }

    /** This dimension raised to an integer power. */
    public Dimension power(int n) {
        int[] e = new int[6];
        for (int i = 0; i < 6; i++) {
            e[i] = twiceExponents[i] * n;
        }
        return new Dimension(e);
    }

    /**
     * This dimension raised to the power {@code twicePower / 2} (a half-integer power such as
     * 1.5 is {@code 3}).
     *
     * @throws UnitException when a resulting exponent would be a quarter
     */
    public Dimension halfPower(int twicePower) {
        int[] e = new int[6];
        for (int i = 0; i < 6; i++) {
            int product = twiceExponents[i] * twicePower;
            if (product % 2 != 0) {
                throw new UnitException("the power " + (twicePower / 2.0) + " of " + this
                        + " gives an exponent that is not a whole or half number");
            }
            e[i] = product / 2;
        }
        return new Dimension(e);
    }

    /** True for a pure number. */
    public boolean isDimensionless() {
        return equals(NONE);
    }

    /**
     * A readable description, e.g. "current density (A.m-2)" or "m3.s-1" when the
     * dimension has no common name.
     */
    public String describe() {
        String name = NAMES.get(this);
        String si = toString();
        if (name == null) {
            return si;
        }
        return isDimensionless() ? name : name + " (" + si + ")";
    }

    /** The common name ("length", "concentration"...), or null when the dimension has none. */
    public String commonName() {
        return NAMES.get(this);
    }

    /**
     * The description with its article, for sentences such as "'60 mA' is a current (A)":
     * "a length (m)", "an amount of substance (mol)", "a dimensionless number", or
     * "a quantity in m3.s-1" when the dimension has no common name.
     */
    public String withArticle() {
        if (isDimensionless()) {
            return "a dimensionless number";
        }
        String name = NAMES.get(this);
        if (name == null) {
            return "a quantity in " + this;
        }
        String d = describe();
        return ("aeiou".indexOf(d.charAt(0)) >= 0 ? "an " : "a ") + d;
    }

    /**
     * A typical unit of this dimension for examples in messages ("um" for a length, "mol/m3"
     * for a concentration); the SI form ({@link #toString()}) when the dimension has no common
     * name; the empty string when dimensionless.
     */
    public String exampleUnit() {
        if (isDimensionless()) {
            return "";
        }
        String u = EXAMPLE_UNITS.get(this);
        return u == null ? toString() : u;
    }

    /** SI base-unit form, e.g. "m2.s-1" or "m2.5.A.mol-1.5"; "1" when dimensionless. */
    @Override
    public String toString() {
        // positive powers first, then negative ones: "A.m-2", "m2.s-1", "m2.kg.s-3.A-1"
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            int i = k % 6;
            boolean positivePass = k < 6;
            int twice = twiceExponents[i];
            if (twice != 0 && (twice > 0) == positivePass) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(BASE_SYMBOLS[i]);
                if (twice % 2 != 0) {
                    sb.append(twice / 2.0);
                } else if (twice != 2) {
                    sb.append(twice / 2);
                }
            }
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension && Arrays.equals(twiceExponents, ((Dimension) o).twiceExponents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(twiceExponents);
    }
}

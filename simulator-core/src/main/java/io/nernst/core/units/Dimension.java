package io.nernst.core.units;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical dimension as integer exponents of the six SI base units the engine uses:
 * metre, kilogram, second, ampere, kelvin and mole. Immutable.
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

    static {
        NAMES.put(NONE, "dimensionless");
        NAMES.put(LENGTH, "length");
        NAMES.put(MASS, "mass");
        NAMES.put(TIME, "time");
        NAMES.put(CURRENT, "current");
        NAMES.put(TEMPERATURE, "temperature");
        NAMES.put(AMOUNT, "amount of substance");
        NAMES.put(VOLTAGE, "voltage");
        NAMES.put(POWER, "power");
        NAMES.put(CURRENT_DENSITY, "current density");
        NAMES.put(POWER_DENSITY, "power density");
        NAMES.put(CHARGE, "charge");
        NAMES.put(ENERGY, "energy");
        NAMES.put(LENGTH.power(2), "area");
        NAMES.put(LENGTH.power(3), "volume");
        NAMES.put(AMOUNT.divide(LENGTH.power(3)), "concentration");
        NAMES.put(LENGTH.power(2).divide(TIME), "diffusivity");
        NAMES.put(of(-3, -1, 3, 2, 0, 0), "conductivity");
        NAMES.put(VOLTAGE.divide(CURRENT), "resistance");
        NAMES.put(of(-2, -1, 3, 2, 0, 0), "conductance");
        NAMES.put(LENGTH.power(-1), "inverse length");
        NAMES.put(TIME.power(-1), "frequency");
    }

    private final int[] exponents;

    private Dimension(int[] exponents) {
        this.exponents = exponents;
    }

    private static Dimension base(int index) {
        int[] e = new int[6];
        e[index] = 1;
        return new Dimension(e);
    }

    /** A dimension from exponents of m, kg, s, A, K, mol. */
    public static Dimension of(int metre, int kilogram, int second, int ampere, int kelvin, int mole) {
        return new Dimension(new int[] {metre, kilogram, second, ampere, kelvin, mole});
    }

    /** The product of two dimensions. */
    public Dimension multiply(Dimension other) {
        int[] e = new int[6];
        for (int i = 0; i < 6; i++) {
            e[i] = exponents[i] + other.exponents[i];
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
            e[i] = exponents[i] * n;
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

    /** SI base-unit form, e.g. "m2.s-1"; "1" when dimensionless. */
    @Override
    public String toString() {
        // positive powers first, then negative ones: "A.m-2", "m2.s-1", "m2.kg.s-3.A-1"
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            int i = k % 6;
            boolean positivePass = k < 6;
            if (exponents[i] != 0 && (exponents[i] > 0) == positivePass) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(BASE_SYMBOLS[i]);
                if (exponents[i] != 1) {
                    sb.append(exponents[i]);
                }
            }
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension && Arrays.equals(exponents, ((Dimension) o).exponents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exponents);
    }
}

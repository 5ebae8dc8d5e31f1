package io.nernst.core.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with a unit, as written at the engine's edges ("60 um", "1 mA/cm2", "25 degC"),
 * held as its SI value and dimension. Immutable.
 *
 * <p>Text form: {@code number [unit]} where the number is a decimal with optional exponent
 * ({@code 1e-14}, {@code .5}, {@code -3}) and the unit follows the {@link Unit} grammar; a
 * space between number and unit is optional ("4.1V").
 *
 * @param siValue   the value in SI base units
 * @param dimension its dimension
 * @param text      the text it was parsed from
 */
public record Quantity(double siValue, Dimension dimension, String text) {

    private static final Pattern NUMBER = Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    /**
     * Parses "number [unit]".
     *
     * @throws UnitException when the text does not start with a number or the unit is unknown
     */
    public static Quantity parse(String text) {
        if (text == null) {
            throw new UnitException("expected a quantity such as '60 um', got nothing");
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new UnitException("expected a quantity such as '60 um' or '1 mA/cm2', got '" + text + "' (no leading number)");
        }
        double number = Double.parseDouble(m.group(1));
        if (!Double.isFinite(number)) {
            throw new UnitException("'" + text + "' is not a finite number");
        }
        Unit unit = Unit.parse(text.substring(m.end()));
        return new Quantity(unit.toSi(number), unit.dimension(), text.trim());
    }

    /**
     * The unit part of a quantity string ("um" for "60 um"), trimmed; empty for a bare number.
     *
     * @throws UnitException when the text does not start with a number
     */
    public static String unitText(String text) {
        Matcher m = text == null ? null : NUMBER.matcher(text);
        if (m == null || !m.find()) {
            throw new UnitException("expected a quantity such as '60 um' or '1 mA/cm2', got '" + text + "' (no leading number)");
        }
        return text.substring(m.end()).trim();
    }

    /**
     * The leading number of a quantity string (60 for "60 um").
     *
     * @throws UnitException when the text does not start with a number
     */
    public static double number(String text) {
        Matcher m = text == null ? null : NUMBER.matcher(text);
        if (m == null || !m.find()) {
            throw new UnitException("expected a quantity such as '60 um' or '1 mA/cm2', got '" + text + "' (no leading number)");
        }
        return Double.parseDouble(m.group(1));
    }

    /** True when the text starts with a number (possibly followed by a unit). */
    public static boolean startsWithNumber(String text) {
        return text != null && NUMBER.matcher(text).find();
    }

    /**
     * The value expressed in {@code unit}.
     *
     * @throws UnitException when the dimensions differ
     */
    public double in(Unit unit) {
        requireDimension(unit.dimension(), unit.text());
        return unit.fromSi(siValue);
    }

    /**
     * The SI value, after checking the dimension.
     *
     * @param expected what the receiver needs
     * @param what     name of the receiver for the message (a parameter or setting name)
     * @throws UnitException naming the text, its dimension and the expected one
     */
    public double siValue(Dimension expected, String what) {
        requireDimension(expected, what);
        return siValue;
    }

    private void requireDimension(Dimension expected, String what) {
        if (dimension.equals(expected)) {
            return;
        }
        if (!expected.isDimensionless() && unitText(text).isEmpty()) {
            throw Units.missingUnit(what, text, expected, null);
        }
        throw new UnitException("'" + text + "' is " + dimension.withArticle() + " but " + what
                + " needs " + expected.withArticle());
    }
}

package io.nernst.core.units;

/**
 * Entry points for converting user-facing quantity strings into the engine's units.
 * Units appear only at the edges (physics.md section 0): scenario files, the command line,
 * experiment sentences and plots.
 */
public final class Units {

    private Units() {
    }

    /**
     * Converts a quantity string into the given unit, typically a parameter's SI unit from
     * {@code ParameterSet.unit(name)} ("m", "m2.s-1", "m2/s", "A.h", "K"...).
     * A bare number (no unit) is accepted only when {@code targetUnit} is dimensionless
     * (porosities, transference numbers, stoichiometries...): for anything else the unit must
     * be written, so that "60" is never silently taken as 60 m.
     *
     * @param text       e.g. "60 um", "1.48 mS/cm", "25 degC", or "0.3" for a dimensionless target
     * @param targetUnit unit of the result
     * @param what       name of the receiving parameter or setting, for messages, e.g.
     *                   "parameter 'Negative electrode thickness'"
     * @return the value in {@code targetUnit}
     * @throws UnitException on unknown units, malformed text, a missing unit or a dimension
     *                       mismatch; the message names {@code what}, the text and what is allowed
     */
    public static double convert(String text, String targetUnit, String what) {
        return convert(text, targetUnit, what, Double.NaN);
    }

    /**
     * As {@link #convert(String, String, String)}; {@code typicalValue} (in {@code targetUnit},
     * e.g. the parameter's present value, NaN if none) picks the example unit of the
     * missing-unit message (see {@link #missingUnit(String, String, Dimension, String, double)}).
     */
    public static double convert(String text, String targetUnit, String what, double typicalValue) {
        Unit target;
        try {
            target = Unit.parse(targetUnit);
        } catch (UnitException e) {
            throw new UnitException("the unit '" + targetUnit + "' declared for " + what + " is not understood: " + e.getMessage());
        }
        String trimmed = text == null ? "" : text.trim();
        double number;
        Unit from;
        try {
            Quantity.parse(trimmed); // validates the number and the unit, with the messages of Quantity
            number = Quantity.number(trimmed);
            from = Unit.parse(Quantity.unitText(trimmed));
        } catch (UnitException e) {
            throw new UnitException(what + " = '" + trimmed + "': " + e.getMessage());
        }
        if (Quantity.unitText(trimmed).isEmpty()) {
            if (!target.dimension().isDimensionless()) {
                throw missingUnit(what, trimmed, target.dimension(), targetUnit, target.toSi(typicalValue));
            }
            return Unit.ONE.convert(number, target);
        }
        if (!from.dimension().equals(target.dimension())) {
            throw new UnitException("'" + trimmed + "' is " + from.dimension().withArticle() + " but " + what
                    + " needs " + target.dimension().withArticle()
                    + (target.dimension().isDimensionless() || targetUnit.trim().equals(target.dimension().toString())
                    ? "" : ", in " + targetUnit));
        }
        return from.convert(number, target);
    }

    /**
     * The error for a bare number where a unit is needed: "parameter 'Positive electrode
     * thickness' = '60' needs a unit: a length such as '60 um'".
     *
     * @param what         the receiver, for the message
     * @param text         the bare number as written
     * @param expected     the dimension the receiver needs (not dimensionless)
     * @param declaredUnit the receiver's own unit (may be null): named in the example when the
     *                     dimension has no common name
     */
    public static UnitException missingUnit(String what, String text, Dimension expected, String declaredUnit) {
        return missingUnit(what, text, expected, declaredUnit, Double.NaN);
    }

    /**
     * As {@link #missingUnit(String, String, Dimension, String)}, with the example unit chosen
     * so that the number written comes closest (by ratio) to {@code typicalSiValue}, e.g. the
     * parameter's present value: '60' suggests '60 um' for a 100 um thickness, '6e-5' suggests
     * '6e-5 m'.
     *
     * @param typicalSiValue a typical SI value of the receiver, or NaN when none is known
     */
    public static UnitException missingUnit(String what, String text, Dimension expected, String declaredUnit,
                                            double typicalSiValue) {
        return new UnitException(what + " = '" + text + "' needs a unit: "
                + example(expected, text, declaredUnit, typicalSiValue));
    }

    /**
     * "a length such as '60 um'", "a concentration such as '1000 mol/m3'", or for a dimension
     * without a common name "a quantity in A.m-2.(m3.mol-1)^1.5 such as '2e-5 A.m-2.(m3.mol-1)^1.5'".
     */
    static String example(Dimension expected, String number, String declaredUnit, double typicalSiValue) {
        String name = expected.commonName();
        boolean declared = declaredUnit != null && !declaredUnit.isBlank();
        if (name == null) {
            String unit = declared ? declaredUnit.trim() : expected.toString();
            return "a quantity in " + unit + " such as '" + number + " " + unit + "'";
        }
        String unit = expected.exampleUnit();
        if (typicalSiValue > 0 && Double.isFinite(typicalSiValue)) {
            if (declared) {
                unit = closerUnit(number, unit, declaredUnit.trim(), typicalSiValue);
            }
            if (expected.equals(Dimension.TEMPERATURE)) {
                // "25" for an ambient temperature of 298.15 K means 25 degC
                unit = closerUnit(number, unit, "degC", typicalSiValue);
            }
        }
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " such as '" + number + " " + unit + "'";
    }

    /** Of two units, the one in which {@code number} lies closer (by ratio) to {@code typicalSiValue}. */
    private static String closerUnit(String number, String first, String second, double typicalSiValue) {
        try {
            double value = Math.abs(Quantity.number(number));
            if (!(value > 0)) {
                return first;
            }
            double a = Math.abs(Math.log(Unit.parse(first).toSi(value) / typicalSiValue));
            double b = Math.abs(Math.log(Unit.parse(second).toSi(value) / typicalSiValue));
            if (Double.isNaN(a)) {
                return second;
            }
            return b < a ? second : first;
        } catch (UnitException e) {
            return first;
        }
    }

    /** The SI value of a quantity string, checking its dimension. */
    public static double si(String text, Dimension expected, String what) {
        return Quantity.parse(text).siValue(expected, what);
    }

}

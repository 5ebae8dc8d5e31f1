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
     * A bare number (no unit) is taken to be already in {@code targetUnit}.
     *
     * @param text       e.g. "60 um", "1.48 mS/cm", "25 degC"
     * @param targetUnit unit of the result
     * @param what       name of the receiving parameter or setting, for messages
     * @return the value in {@code targetUnit}
     * @throws UnitException on unknown units, malformed text or a dimension mismatch;
     *                       the message names {@code what}, the text and both dimensions
     */
    public static double convert(String text, String targetUnit, String what) {
        Unit target;
        try {
            target = Unit.parse(targetUnit);
        } catch (UnitException e) {
            throw new UnitException("the unit '" + targetUnit + "' declared for " + what + " is not understood: " + e.getMessage());
        }
        String trimmed = text == null ? "" : text.trim();
        Quantity.parse(trimmed); // validates the number and the unit, with the messages of Quantity
        double number = Quantity.number(trimmed);
        Unit from = Unit.parse(Quantity.unitText(trimmed));
        if (from == Unit.ONE) {
            // a bare number: already in the target unit
            return number;
        }
        if (!from.dimension().equals(target.dimension())) {
            throw new UnitException("'" + trimmed + "' is a " + from.dimension().describe() + " but " + what
                    + " needs a " + target.dimension().describe()
                    + (targetUnit.trim().equals(target.dimension().toString()) ? "" : ", in " + targetUnit));
        }
        return from.convert(number, target);
    }

    /** The SI value of a quantity string, checking its dimension. */
    public static double si(String text, Dimension expected, String what) {
        return Quantity.parse(text).siValue(expected, what);
    }

}

package io.nernst.core.scenario;

import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.units.Quantity;
import io.nernst.core.units.UnitException;
import io.nernst.core.units.Units;
import java.util.Map;

/**
 * Applies parameter overrides written with units ("Negative electrode thickness" = "60 um")
 * to a {@link ParameterSet}: each value is converted into the parameter's own unit
 * ({@link ParameterSet#unit}) and checked against its constraint ({@link ParameterSet#with}).
 * A parameter whose unit is not dimensionless needs an explicit unit ("60" is rejected, not
 * taken as 60 m); dimensionless ones (porosity, transference number, stoichiometry...) take
 * plain numbers.
 */
public final class ParameterOverrides {

    private ParameterOverrides() {
    }

    /**
     * Returns the set with every override applied, in order.
     *
     * @throws ParameterException for an unknown name (suggesting the closest) or a value
     *                            outside the parameter's constraint
     * @throws UnitException      for an unknown unit, a missing unit or a dimension that does not match
     */
    public static ParameterSet apply(ParameterSet set, Map<String, String> overrides) {
        ParameterSet result = set;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String name = e.getKey().trim();
            if (!result.contains(name)) {
                throw result.unknown(name);
            }
            // the messages of convert name the parameter, the value and what is allowed
            ParameterSet.Parameter present = result.parameter(name);
            double value = Units.convert(e.getValue(), result.unit(name), "parameter '" + name + "'",
                    present.isFunction() ? Double.NaN : present.value());
            ParameterSet.Parameter p = result.parameter(name);
            if (!p.constraint().accepts(value)) {
                String unit = result.unit(name);
                boolean bare = Quantity.unitText(e.getValue().trim()).isEmpty();
                String si = bare || unit.isEmpty() || unit.equals("1") || unit.equals("-") ? ""
                        : " (" + value + " " + unit + ")";
                throw new ParameterException("parameter '" + name + "' = '" + e.getValue().trim() + "'" + si
                        + " is not allowed: expected " + p.constraint().description());
            }
            result = result.with(name, value);
        }
        return result;
    }
}

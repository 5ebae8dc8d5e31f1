package io.nernst.models.thermal;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The cell as one thermal mass (lumped model; Bernardi, Pawlikowski and Newman, J.
 * Electrochem. Soc. 132 (1985) 5; PyBaMM's "lumped" thermal option): uniform temperature T with
 * rho c_p V dT/dt = Q - h A_ext (T - T_amb). The names are BPX's cell thermal block (density,
 * specific heat capacity, volume, external surface area, heat-transfer coefficient).
 *
 * @param density                 rho [kg/m3]
 * @param specificHeatCapacity    c_p [J/(kg K)]
 * @param volume                  V [m3]
 * @param externalSurfaceArea     A_ext [m2]
 * @param heatTransferCoefficient h [W/(m2 K)] (0 = adiabatic)
 * @param initialTemperature      T(0) [K]
 * @param ambientTemperature      T_amb [K]
 */
public record LumpedThermalProperties(double density, double specificHeatCapacity, double volume,
                                      double externalSurfaceArea, double heatTransferCoefficient,
                                      double initialTemperature, double ambientTemperature) {

    public LumpedThermalProperties {
        positive(CELL_DENSITY, density);
        positive(CELL_SPECIFIC_HEAT_CAPACITY, specificHeatCapacity);
        positive(CELL_VOLUME, volume);
        positive(CELL_EXTERNAL_SURFACE_AREA, externalSurfaceArea);
        if (!(heatTransferCoefficient >= 0) || !Double.isFinite(heatTransferCoefficient)) {
            throw new ParameterException("parameter '" + HEAT_TRANSFER_COEFFICIENT + "' = " + heatTransferCoefficient
                    + " is not allowed: expected a finite value >= 0 W.m-2.K-1 (0 = adiabatic)");
        }
        positive(INITIAL_TEMPERATURE, initialTemperature);
        positive(AMBIENT_TEMPERATURE, ambientTemperature);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new ParameterException("parameter '" + name + "' = " + v + " is not allowed: expected a finite value > 0");
        }
    }

    /** The lumped model's parameters, every missing one named in one message. */
    public static LumpedThermalProperties read(ParameterSet p) {
        List<String> needed = List.of(CELL_DENSITY, CELL_SPECIFIC_HEAT_CAPACITY, CELL_VOLUME, CELL_EXTERNAL_SURFACE_AREA,
                HEAT_TRANSFER_COEFFICIENT, electrode(NEGATIVE, OCP_ENTROPIC_CHANGE), electrode(POSITIVE, OCP_ENTROPIC_CHANGE));
        List<String> missing = new ArrayList<>();
        for (String n : needed) {
            if (!p.contains(n)) {
                missing.add("'" + n + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new ParameterException("model.thermal = 'lumped' needs the parameters " + String.join(", ", missing)
                    + ", which parameter set '" + p.name() + "' lacks; add them (BPX cell thermal block and"
                    + " entropic change coefficients) or use thermal: isothermal");
        }
        return new LumpedThermalProperties(p.value(CELL_DENSITY), p.value(CELL_SPECIFIC_HEAT_CAPACITY), p.value(CELL_VOLUME),
                p.value(CELL_EXTERNAL_SURFACE_AREA), p.value(HEAT_TRANSFER_COEFFICIENT), p.value(INITIAL_TEMPERATURE),
                p.value(AMBIENT_TEMPERATURE));
    }

    /** rho c_p V [J/K]. */
    public double heatCapacity() {
        return density * specificHeatCapacity * volume;
    }

    /** h A_ext [W/K]. */
    public double coolingConductance() {
        return heatTransferCoefficient * externalSurfaceArea;
    }
}

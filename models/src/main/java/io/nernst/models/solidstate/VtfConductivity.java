package io.nernst.models.solidstate;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * Vogel-Tammann-Fulcher conductivity of a polymer electrolyte, sigma(T) = A T^(-1/2)
 * exp(-B / (T - T0)) (physics.md section 1; solid-state.md sections 2.8 and 4.4), for PEO-LiTFSI
 * (seed 002) and other amorphous polymers above their glass transition. Anchored here by a
 * reference value: sigma(T) = sigma_ref sqrt(T_ref/T) exp(B/(T_ref - T0) - B/(T - T0)). The
 * state argument (concentration) is ignored.
 */
public final class VtfConductivity implements DifferentiableFunction {
    private final double referenceConductivity;
    private final double referenceTemperature;
    private final double pseudoActivation;
    private final double vogelTemperature;

    /**
     * @param referenceConductivity sigma at T_ref [S/m]
     * @param referenceTemperature  T_ref [K]
     * @param pseudoActivation      B [K]
     * @param vogelTemperature      T0 [K], below every temperature used
     */
    public VtfConductivity(double referenceConductivity, double referenceTemperature, double pseudoActivation,
                           double vogelTemperature) {
        if (!(referenceConductivity > 0) || !(pseudoActivation > 0) || !(referenceTemperature > vogelTemperature)
                || !(vogelTemperature >= 0)) {
            throw new IllegalArgumentException("VTF needs sigma_ref > 0, B > 0 and T_ref > T0 >= 0, got " + referenceConductivity
                    + " S/m, " + pseudoActivation + " K, " + referenceTemperature + " K, " + vogelTemperature + " K");
        }
        this.referenceConductivity = referenceConductivity;
        this.referenceTemperature = referenceTemperature;
        this.pseudoActivation = pseudoActivation;
        this.vogelTemperature = vogelTemperature;
    }

    @Override
    public double value(double x, double temperature) {
        if (!(temperature > vogelTemperature)) {
            throw new IllegalArgumentException("temperature " + temperature + " K is at or below the VTF temperature T0 = "
                    + vogelTemperature + " K");
        }
        return referenceConductivity * Math.sqrt(referenceTemperature / temperature)
                * Math.exp(pseudoActivation / (referenceTemperature - vogelTemperature) - pseudoActivation / (temperature - vogelTemperature));
    }

    @Override
    public double derivative(double x, double temperature) {
        return 0.0;
    }

    @Override
    public boolean independentOfState() {
        return true;
    }

    /** d sigma / dT [S/(m K)]. */
    public double temperatureDerivative(double temperature) {
        double dt = temperature - vogelTemperature;
        return value(0.0, temperature) * (-0.5 / temperature + pseudoActivation / (dt * dt));
    }
}

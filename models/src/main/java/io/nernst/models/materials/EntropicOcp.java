package io.nernst.models.materials;

/**
 * An open-circuit potential with its temperature dependence through the entropic change:
 * U(sto, T) = U_ref(sto, T) + (T - T_ref) dU/dT(sto) (first-order expansion about the
 * reference temperature; Thomas and Newman, J. Power Sources 119-121 (2003) 844; the same form
 * as PyBaMM and BPX). At T = T_ref it is U_ref exactly.
 */
public final class EntropicOcp implements DifferentiableFunction {
    private final DifferentiableFunction reference;
    private final DifferentiableFunction entropicChange;
    private final double referenceTemperature;

    private EntropicOcp(DifferentiableFunction reference, DifferentiableFunction entropicChange, double referenceTemperature) {
        this.reference = reference;
        this.entropicChange = entropicChange;
        this.referenceTemperature = referenceTemperature;
    }

    /**
     * @param reference            U_ref(sto, T) [V]
     * @param entropicChange       dU/dT(sto) [V/K]
     * @param referenceTemperature T_ref [K]
     */
    public static EntropicOcp of(DifferentiableFunction reference, DifferentiableFunction entropicChange, double referenceTemperature) {
        return new EntropicOcp(reference, entropicChange, referenceTemperature);
    }

    @Override
    public double value(double stoichiometry, double temperature) {
        return reference.value(stoichiometry, temperature)
                + (temperature - referenceTemperature) * entropicChange.value(stoichiometry, temperature);
    }

    @Override
    public double derivative(double stoichiometry, double temperature) {
        return reference.derivative(stoichiometry, temperature)
                + (temperature - referenceTemperature) * entropicChange.derivative(stoichiometry, temperature);
    }

    /** dU/dT(sto) [V/K], the entropic coefficient of the reversible heat. */
    public DifferentiableFunction entropicChange() {
        return entropicChange;
    }

    /** dU/dT at (sto, T) [V/K]; zero for a potential without an entropic change. */
    public static double entropicChange(DifferentiableFunction ocp, double stoichiometry, double temperature) {
        return ocp instanceof EntropicOcp e ? e.entropicChange.value(stoichiometry, temperature) : 0.0;
    }

    /** d(dU/dT)/d(sto) at (sto, T) [V/K]; zero for a potential without an entropic change. */
    public static double entropicChangeDerivative(DifferentiableFunction ocp, double stoichiometry, double temperature) {
        return ocp instanceof EntropicOcp e ? e.entropicChange.derivative(stoichiometry, temperature) : 0.0;
    }
}

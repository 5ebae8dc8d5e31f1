package io.nernst.models.materials;

import io.nernst.core.parameters.MaterialFunction;

/**
 * A {@link MaterialFunction} that also knows its derivative with respect to the state
 * variable, so that models can assemble analytic Jacobians. Functions supplied by users as
 * plain {@link MaterialFunction}s are adapted by {@link #of} with a central difference.
 * Implementations must be pure and allocation-free.
 */
public interface DifferentiableFunction extends MaterialFunction {

    /** d value / d x at (x, T), in the unit of the value per unit of x. */
    double derivative(double x, double temperature);

    /**
     * True when the value does not depend on x (it may depend on T). Discretisations use this
     * to evaluate the function once per call instead of once per face.
     */
    default boolean independentOfState() {
        return false;
    }

    /**
     * The function itself when it is differentiable, otherwise a wrapper differentiating it by
     * central differences with step 1e-6 (|x| + 1e-3 scale) - accurate to about 1e-10
     * relative for smooth functions, which is ample for a Newton Jacobian.
     */
    static DifferentiableFunction of(MaterialFunction function) {
        if (function instanceof DifferentiableFunction d) {
            return d;
        }
        return new DifferentiableFunction() {
            @Override
            public double value(double x, double temperature) {
                return function.value(x, temperature);
            }

            @Override
            public double derivative(double x, double temperature) {
                double h = 1e-6 * (Math.abs(x) + 1e-3);
                return (function.value(x + h, temperature) - function.value(x - h, temperature)) / (2 * h);
            }
        };
    }

    /** A constant (derivative zero). */
    static DifferentiableFunction constant(double value) {
        return new DifferentiableFunction() {
            @Override
            public double value(double x, double temperature) {
                return value;
            }

            @Override
            public double derivative(double x, double temperature) {
                return 0.0;
            }

            @Override
            public boolean independentOfState() {
                return true;
            }
        };
    }

    /**
     * Multiplies by the Arrhenius factor exp(Ea/R (1/Tref - 1/T)) (physics.md section 1),
     * keeping the derivative.
     */
    @Override
    default DifferentiableFunction withArrhenius(double activationEnergy, double referenceTemperature) {
        DifferentiableFunction base = this;
        return new DifferentiableFunction() {
            @Override
            public double value(double x, double temperature) {
                return base.value(x, temperature) * Constants.arrhenius(activationEnergy, referenceTemperature, temperature);
            }

            @Override
            public double derivative(double x, double temperature) {
                return base.derivative(x, temperature) * Constants.arrhenius(activationEnergy, referenceTemperature, temperature);
            }

            @Override
            public boolean independentOfState() {
                return base.independentOfState();
            }
        };
    }
}

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
    @Override
    double derivative(double x, double temperature);

    /**
     * The function itself when it is a DifferentiableFunction, otherwise a wrapper using the
     * function's own {@link MaterialFunction#derivative}: exact for the expressions and tables
     * of parameter files, a central difference (step 1e-6 (|x| + 1e-3), about 1e-10 relative)
     * for plain lambdas.
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
                return function.derivative(x, temperature);
            }

            @Override
            public boolean independentOfState() {
                return function.independentOfState();
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

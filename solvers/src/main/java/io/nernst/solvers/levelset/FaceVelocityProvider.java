package io.nernst.solvers.levelset;

/**
 * A time-dependent face velocity, evaluated at the stage times of an explicit Runge-Kutta step.
 */
@FunctionalInterface
public interface FaceVelocityProvider {

    /**
     * Writes the face velocity at time {@code t} into {@code velocity} (same grid as the stepper).
     * Must not allocate if the caller's stepping is to stay allocation-free.
     *
     * @param t        time [s]
     * @param velocity output field
     */
    void velocityAt(double t, FaceVelocityField velocity);
}

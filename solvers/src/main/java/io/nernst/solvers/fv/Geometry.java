package io.nernst.solvers.fv;

/**
 * Coordinate system of a one-dimensional mesh: the metric that turns face positions into
 * cell volumes and face areas. Volumes and areas are per unit of the transverse measure
 * (per m2 of cross-section for Cartesian, per radian and metre of height for cylindrical,
 * per steradian for spherical), so that a two-point flux times an area, summed over the
 * faces of a cell and divided by its volume, is the divergence of the flux.
 */
public enum Geometry {
    /** Slab: volume b - a, area 1. */
    CARTESIAN {
        @Override
        public double volume(double a, double b) {
            return b - a;
        }

        @Override
        public double area(double r) {
            return 1.0;
        }
    },
    /** Cylinder: volume (b^2 - a^2)/2, area r (per radian). */
    CYLINDRICAL {
        @Override
        public double volume(double a, double b) {
            return 0.5 * (b - a) * (b + a);
        }

        @Override
        public double area(double r) {
            return r;
        }
    },
    /** Sphere: volume (b^3 - a^3)/3, area r^2 (per steradian). */
    SPHERICAL {
        @Override
        public double volume(double a, double b) {
            // (b^3 - a^3)/3 factored to avoid cancellation for thin shells far from the centre.
            return (b - a) * (b * b + a * b + a * a) / 3.0;
        }

        @Override
        public double area(double r) {
            return r * r;
        }
    };

    /** Volume of the cell between coordinates a < b. */
    public abstract double volume(double a, double b);

    /** Area of the face at coordinate r. */
    public abstract double area(double r);
}

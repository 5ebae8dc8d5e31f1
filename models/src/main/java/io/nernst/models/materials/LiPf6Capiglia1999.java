package io.nernst.models.materials;

/**
 * Transport properties of LiPF6 in EC:DMC (Capiglia et al., J. Power Sources 81 (1999) 859;
 * Dualfoil fits, as printed in the COMSOL reference README of Marquis et al. 2019), with c
 * in mol/m3, at the reference temperature 298.15 K. Temperature dependence is added with
 * {@link DifferentiableFunction#withArrhenius} (activation energies 37040 J/mol for the
 * diffusivity and 34700 J/mol for the conductivity, as in PyBaMM's Marquis2019 set).
 */
public final class LiPf6Capiglia1999 {
    /** Activation energy of the diffusivity [J/mol]. */
    public static final double DIFFUSIVITY_ACTIVATION_ENERGY = 37040.0;
    /** Activation energy of the conductivity [J/mol]. */
    public static final double CONDUCTIVITY_ACTIVATION_ENERGY = 34700.0;

    private LiPf6Capiglia1999() {
    }

    /** D_e(c) = 5.34e-10 exp(-0.65 c / 1000) [m2/s]. */
    public static DifferentiableFunction diffusivity() {
        return new DifferentiableFunction() {
            @Override
            public double value(double c, double temperature) {
                return 5.34e-10 * Math.exp(-0.65e-3 * c);
            }

            @Override
            public double derivative(double c, double temperature) {
                return -0.65e-3 * 5.34e-10 * Math.exp(-0.65e-3 * c);
            }
        };
    }

    /** kappa(c) = 0.0911 + 1.9101 m - 1.052 m^2 + 0.1554 m^3 with m = c / 1000 [S/m]. */
    public static DifferentiableFunction conductivity() {
        return new DifferentiableFunction() {
            @Override
            public double value(double c, double temperature) {
                double m = 1e-3 * c;
                return 0.0911 + m * (1.9101 + m * (-1.052 + m * 0.1554));
            }

            @Override
            public double derivative(double c, double temperature) {
                double m = 1e-3 * c;
                return 1e-3 * (1.9101 + m * (-2.104 + m * 0.4662));
            }
        };
    }
}

package io.nernst.models.deposition;

/**
 * The scalar observables of a deposition state (one row of the time series).
 *
 * @param time                     simulated time [s]
 * @param maxHeight                highest point of the interface (0.5 contour) above the initial base level [m]
 * @param meanHeight               column-averaged interface height above the initial base level [m]
 * @param heightStandardDeviation  standard deviation of the column heights [m] (roughness)
 * @param tipVelocity              normal speed at the highest point [m/s], positive when growing
 * @param currentAmplification     max |j| on the interface / interface-averaged |j| [-]
 * @param minSurfaceConcentration  lowest salt concentration on the interface [mol/m^3]
 * @param electrodePotential       phi_s against the reservoir [V]
 * @param depositedVolume          lithium volume per unit depth gained since t = 0 [m^2], from the level set
 * @param faradayVolume            (M/rho) Q / F for the charge passed per unit depth [m^2]
 * @param totalCurrent             interfacial current per unit depth [A/m] of the converged solve that drove
 *                                 the last step (galvanostatic: the applied current), negative when plating
 * @param couplingIterations       block Gauss-Seidel iterations of the last step
 */
public record DepositionObservables(double time, double maxHeight, double meanHeight, double heightStandardDeviation,
                                    double tipVelocity, double currentAmplification, double minSurfaceConcentration,
                                    double electrodePotential, double depositedVolume, double faradayVolume,
                                    double totalCurrent, int couplingIterations) {

    /** Column headers of the time-series CSV, with units. */
    public static final String[] CSV_HEADER = {"Time [s]", "Max height [m]", "Mean height [m]", "Height std [m]",
        "Tip velocity [m/s]", "Current amplification [-]", "Min surface concentration [mol/m3]", "Electrode potential [V]",
        "Deposited volume [m2]", "Faraday volume [m2]", "Total current [A/m]", "Coupling iterations"};

    /** The values in {@link #CSV_HEADER} order. */
    public double[] csvValues() {
        return new double[]{time, maxHeight, meanHeight, heightStandardDeviation, tipVelocity, currentAmplification,
            minSurfaceConcentration, electrodePotential, depositedVolume, faradayVolume, totalCurrent, couplingIterations};
    }
}

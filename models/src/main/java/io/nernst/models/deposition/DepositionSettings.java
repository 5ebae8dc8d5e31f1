package io.nernst.models.deposition;

import java.util.Objects;

/**
 * Every input of a lithium deposition run, in SI units, validated when built. Keys in error
 * messages are the scenario-file keys ({@code electrolyte.conductivity}, ...), so a message
 * points at the line to fix. Build with {@link #builder()}; defaults are listed on each setter
 * and their sources in {@code docs/deposition.md}.
 */
public final class DepositionSettings {

    /** Faraday constant [C/mol] (CODATA 2018 exact). */
    public static final double FARADAY = 96485.33212;
    /** Gas constant [J/(mol K)] (CODATA 2018 exact). */
    public static final double GAS_CONSTANT = 8.314462618;

    /** How the electrode is driven. */
    public enum ControlMode {
        /** Fixed plating current density; the electrode potential is solved for. */
        GALVANOSTATIC,
        /** Fixed electrode potential against the reservoir electrolyte. */
        POTENTIOSTATIC
    }

    /** Time discretisation of the concentration equation. */
    public enum TimeScheme {
        /** First order, L-stable. */
        BACKWARD_EULER,
        /** Variable-step second-order backward differentiation (first step backward Euler). */
        BDF2
    }

    // electrolyte
    private final double conductivity;
    private final double diffusivity;
    private final double transferenceNumber;
    private final double bulkConcentration;
    private final double referenceConcentration;
    private final double temperature;
    // kinetics
    private final double exchangeCurrentDensity;
    private final double anodicTransferCoefficient;
    private final double cathodicTransferCoefficient;
    // lithium
    private final double molarMass;
    private final double density;
    // domain
    private final double width;
    private final double height;
    private final int cellsX;
    private final int cellsY;
    private final double surfaceHeight;
    private final double interfaceWidth;
    private final InitialMorphology morphology;
    // control
    private final ControlMode controlMode;
    private final double currentDensity;
    private final double electrodePotential;
    // time
    private final double duration;
    private final double courantNumber;
    private final double maxTimeStep;
    private final double wallTimeBudget;
    private final double initialTimeStep;
    private final double maxConcentrationChange;
    private final double depletionConcentration;
    // numerics
    private final double phaseFloor;
    private final int reinitialisationSteps;
    private final double linearTolerance;
    private final double couplingTolerance;
    private final int maxCouplingIterations;
    private final TimeScheme timeScheme;
    private final double snapshotInterval;
    private final boolean moveInterface;
    /** The builder's raw inputs (NaN = defaulted), so that toBuilder() keeps derived values derived. */
    private final double[] rawDerivedInputs;

    private DepositionSettings(Builder b) {
        rawDerivedInputs = new double[]{b.diffusivity, b.referenceConcentration, b.interfaceWidth, b.maxTimeStep,
                b.depletionConcentration};
        conductivity = b.conductivity;
        transferenceNumber = b.transferenceNumber;
        bulkConcentration = b.bulkConcentration;
        temperature = b.temperature;
        diffusivity = Double.isNaN(b.diffusivity) ? nernstEinsteinDiffusivity(b.conductivity, b.transferenceNumber,
                b.bulkConcentration, b.temperature) : b.diffusivity;
        referenceConcentration = Double.isNaN(b.referenceConcentration) ? b.bulkConcentration : b.referenceConcentration;
        exchangeCurrentDensity = b.exchangeCurrentDensity;
        anodicTransferCoefficient = b.anodicTransferCoefficient;
        cathodicTransferCoefficient = b.cathodicTransferCoefficient;
        molarMass = b.molarMass;
        density = b.density;
        width = b.width;
        height = b.height;
        cellsX = b.cellsX;
        cellsY = b.cellsY;
        surfaceHeight = b.surfaceHeight;
        double h = Math.max(b.width / b.cellsX, b.height / b.cellsY);
        interfaceWidth = Double.isNaN(b.interfaceWidth) ? 4.0 * h : b.interfaceWidth;
        morphology = b.morphology;
        controlMode = b.controlMode;
        currentDensity = b.currentDensity;
        electrodePotential = b.electrodePotential;
        duration = b.duration;
        courantNumber = b.courantNumber;
        maxTimeStep = Double.isNaN(b.maxTimeStep) ? b.duration / 20.0 : b.maxTimeStep;
        wallTimeBudget = b.wallTimeBudget;
        initialTimeStep = b.initialTimeStep;
        maxConcentrationChange = b.maxConcentrationChange;
        depletionConcentration = Double.isNaN(b.depletionConcentration) ? 1e-3 * b.bulkConcentration
                : b.depletionConcentration;
        phaseFloor = b.phaseFloor;
        reinitialisationSteps = b.reinitialisationSteps;
        linearTolerance = b.linearTolerance;
        couplingTolerance = b.couplingTolerance;
        maxCouplingIterations = b.maxCouplingIterations;
        timeScheme = b.timeScheme;
        snapshotInterval = b.snapshotInterval;
        moveInterface = b.moveInterface;
    }

    /**
     * Salt diffusivity of a dilute binary 1:1 electrolyte from its conductivity (Nernst-Einstein):
     * {@code kappa = F^2 c (D+ + D-) / (R T)}, {@code t+ = D+ / (D+ + D-)}, and the salt diffusivity
     * {@code D = 2 D+ D- / (D+ + D-) = 2 t+ (1 - t+) (D+ + D-)} (Newman and Thomas-Alyea,
     * Electrochemical Systems, 3rd ed., eq. 11.21 and 14.1). Seed 003's COMSOL model likewise
     * derives mobilities from the diffusivities by Nernst-Einstein.
     */
    public static double nernstEinsteinDiffusivity(double conductivity, double transferenceNumber, double concentration,
                                                   double temperature) {
        double sum = conductivity * GAS_CONSTANT * temperature / (FARADAY * FARADAY * concentration);
        return 2.0 * transferenceNumber * (1.0 - transferenceNumber) * sum;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this object's inputs. Values that were derived (diffusivity from the
     * conductivity, reference concentration, interface width, maximum step, depletion threshold)
     * stay derived, so changing e.g. the conductivity re-derives the diffusivity.
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.conductivity = conductivity;
        b.diffusivity = rawDerivedInputs[0];
        b.transferenceNumber = transferenceNumber;
        b.bulkConcentration = bulkConcentration;
        b.referenceConcentration = rawDerivedInputs[1];
        b.temperature = temperature;
        b.exchangeCurrentDensity = exchangeCurrentDensity;
        b.anodicTransferCoefficient = anodicTransferCoefficient;
        b.cathodicTransferCoefficient = cathodicTransferCoefficient;
        b.molarMass = molarMass;
        b.density = density;
        b.width = width;
        b.height = height;
        b.cellsX = cellsX;
        b.cellsY = cellsY;
        b.surfaceHeight = surfaceHeight;
        b.interfaceWidth = rawDerivedInputs[2];
        b.morphology = morphology;
        b.controlMode = controlMode;
        b.currentDensity = currentDensity;
        b.electrodePotential = electrodePotential;
        b.duration = duration;
        b.courantNumber = courantNumber;
        b.maxTimeStep = rawDerivedInputs[3];
        b.wallTimeBudget = wallTimeBudget;
        b.initialTimeStep = initialTimeStep;
        b.maxConcentrationChange = maxConcentrationChange;
        b.depletionConcentration = rawDerivedInputs[4];
        b.phaseFloor = phaseFloor;
        b.reinitialisationSteps = reinitialisationSteps;
        b.linearTolerance = linearTolerance;
        b.couplingTolerance = couplingTolerance;
        b.maxCouplingIterations = maxCouplingIterations;
        b.timeScheme = timeScheme;
        b.snapshotInterval = snapshotInterval;
        b.moveInterface = moveInterface;
        return b;
    }

    /** Electrolyte ionic conductivity kappa [S/m]. */
    public double conductivity() {
        return conductivity;
    }

    /** Salt diffusivity D [m^2/s] (given, or from {@link #nernstEinsteinDiffusivity}). */
    public double diffusivity() {
        return diffusivity;
    }

    /** Li+ transference number t+ [-]. */
    public double transferenceNumber() {
        return transferenceNumber;
    }

    /** Bulk (reservoir) salt concentration c0 [mol/m^3]. */
    public double bulkConcentration() {
        return bulkConcentration;
    }

    /** Reference concentration c_ref of the kinetics [mol/m^3]. */
    public double referenceConcentration() {
        return referenceConcentration;
    }

    /** Temperature T [K]. */
    public double temperature() {
        return temperature;
    }

    /** Exchange current density i0 [A/m^2]. */
    public double exchangeCurrentDensity() {
        return exchangeCurrentDensity;
    }

    /** Anodic transfer coefficient (seed 003: 1.5). */
    public double anodicTransferCoefficient() {
        return anodicTransferCoefficient;
    }

    /** Cathodic transfer coefficient (seed 003: 0.5). */
    public double cathodicTransferCoefficient() {
        return cathodicTransferCoefficient;
    }

    /** Molar mass of lithium [kg/mol]. */
    public double molarMass() {
        return molarMass;
    }

    /** Density of lithium [kg/m^3]. */
    public double density() {
        return density;
    }

    /** Molar volume of lithium M/rho [m^3/mol]. */
    public double molarVolume() {
        return molarMass / density;
    }

    /** Domain width along the electrode [m] (periodic). */
    public double width() {
        return width;
    }

    /** Domain height [m]: the reservoir sits at the top wall. */
    public double height() {
        return height;
    }

    /** Cells along x. */
    public int cellsX() {
        return cellsX;
    }

    /** Cells along y. */
    public int cellsY() {
        return cellsY;
    }

    /** Initial base level of the lithium surface above the bottom wall [m]. */
    public double surfaceHeight() {
        return surfaceHeight;
    }

    /**
     * Interface width [m]: the distance over which Phi rises from 0.12 to 0.88, equal to
     * {@code 4 eps} for the profile {@code Phi = 1/(1 + exp(-d/eps))}; default four cells (eps = h):
     * the WENO5 normal-speed transport moves a profile of two cells (eps = h/2) at only 96.4 % of the
     * prescribed speed, one of four cells at 99.6 % (docs/deposition.md), so Faraday's law holds to
     * better than 1 % only from about four cells on.
     */
    public double interfaceWidth() {
        return interfaceWidth;
    }

    /** Level-set thickness parameter eps = interfaceWidth / 4 [m]. */
    public double interfaceThickness() {
        return interfaceWidth / 4.0;
    }

    /** Initial morphology. */
    public InitialMorphology morphology() {
        return morphology;
    }

    /** Galvanostatic or potentiostatic. */
    public ControlMode controlMode() {
        return controlMode;
    }

    /** Plating current density (positive) [A/m^2], galvanostatic mode. */
    public double currentDensity() {
        return currentDensity;
    }

    /** Electrode potential against the reservoir [V] (negative plates), potentiostatic mode. */
    public double electrodePotential() {
        return electrodePotential;
    }

    /** Simulated time [s]. */
    public double duration() {
        return duration;
    }

    /** Largest front displacement per step in cells. */
    public double courantNumber() {
        return courantNumber;
    }

    /** Largest time step [s] (accuracy of the transients). */
    public double maxTimeStep() {
        return maxTimeStep;
    }

    /** Wall-clock budget [s]; the run stops cleanly when it is used up. */
    public double wallTimeBudget() {
        return wallTimeBudget;
    }

    /** Largest first time step [s]; infinite (the default) leaves the first step to the other limits. */
    public double initialTimeStep() {
        return initialTimeStep;
    }

    /**
     * Largest change of the concentration in any cell per step [mol/m^3] that the step-size rule aims
     * for (accuracy control of the electrolyte transient); infinite (the default) switches it off.
     */
    public double maxConcentrationChange() {
        return maxConcentrationChange;
    }

    /** The run stops (Sand-type depletion) when the surface concentration falls below this [mol/m^3]. */
    public double depletionConcentration() {
        return depletionConcentration;
    }

    /** Floor of the diffuse-interface weight inside the lithium (keeps the operators regular). */
    public double phaseFloor() {
        return phaseFloor;
    }

    /** Reinitialisation pseudo-steps after each time step. */
    public int reinitialisationSteps() {
        return reinitialisationSteps;
    }

    /** Relative residual tolerance of each multigrid-CG solve. */
    public double linearTolerance() {
        return linearTolerance;
    }

    /** Tolerance of the concentration-potential coupling iteration (relative change of c, volts for phi). */
    public double couplingTolerance() {
        return couplingTolerance;
    }

    /** Iteration limit of the concentration-potential coupling. */
    public int maxCouplingIterations() {
        return maxCouplingIterations;
    }

    /** Time scheme of the concentration equation. */
    public TimeScheme timeScheme() {
        return timeScheme;
    }

    /** Interval between PNG snapshots [s]; 0 for none (the final morphology is always written). */
    public double snapshotInterval() {
        return snapshotInterval;
    }

    /**
     * Whether the interface moves (default true). Frozen, the model is a fixed-geometry
     * electrochemical cell: the check against closed forms that assume a stationary electrode
     * (Sand's time), whose front motion would otherwise add a relative salt-balance correction of
     * order {@code (M/rho) c0 / (1 - t+)} (2 % at 1 mol/L).
     */
    public boolean moveInterface() {
        return moveInterface;
    }

    /** Six significant digits, no float noise, for messages. */
    static String round(double v) {
        if (!Double.isFinite(v) || v == 0.0) {
            return Double.toString(v);
        }
        return Double.toString(java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).doubleValue());
    }

    static void requirePositive(String key, double value, String unit) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new io.nernst.core.error.BadInputException(key + " = " + value + " " + unit + " is not allowed; allowed: finite and > 0 "
                    + unit);
        }
    }

    static void requireAtLeast(String key, double value, double min, String unit) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new io.nernst.core.error.BadInputException(key + " = " + value + " " + unit + " is not allowed; allowed: finite and >= "
                    + min + " " + unit);
        }
    }

    /** For limits whose default is "unlimited" (+infinity): any value > 0, infinity included. */
    static void requirePositiveOrInfinite(String key, double value, String unit) {
        if (!(value > 0.0)) {
            throw new io.nernst.core.error.BadInputException(key + " = " + value + " " + unit + " is not allowed; allowed: > 0 " + unit);
        }
    }

    /** Integer counts; reason (may be empty) is appended to the message, e.g. " (why)". */
    static void requireCountAtLeast(String key, int value, int min, String reason) {
        if (value < min) {
            throw new io.nernst.core.error.BadInputException(key + " = " + value + " is not allowed; allowed: >= " + min + reason);
        }
    }

    /** value in (lo, hi] (hi included), with the physical reason in the message. */
    static void requireRange(String key, double value, double lo, double hi, String unit, String reason) {
        if (!(value > lo && value <= hi)) {
            throw new io.nernst.core.error.BadInputException(key + " = " + value + " " + unit + " is not allowed; allowed: (" + lo + ", "
                    + hi + "] " + unit + " (" + reason + ")");
        }
    }

    static void requireOpenRange(String key, double value, double lo, double hi, String unit) {
        if (!(value > lo && value < hi)) {
            throw new io.nernst.core.error.BadInputException(key + " = " + value + " " + unit + " is not allowed; allowed: (" + lo + ", "
                    + hi + ") " + unit);
        }
    }

    /** Most snapshots a run may write (each three PNG images). */
    public static final int MAX_SNAPSHOTS = 10_000;

    /** Fluent builder; {@link #build()} validates every value. */
    public static final class Builder {
        private double conductivity = 0.148;
        private double diffusivity = Double.NaN;
        private double transferenceNumber = 0.38;
        private double bulkConcentration = 1490.0;
        private double referenceConcentration = Double.NaN;
        private double temperature = 298.15;
        private double exchangeCurrentDensity = 5.0;
        private double anodicTransferCoefficient = 1.5;
        private double cathodicTransferCoefficient = 0.5;
        private double molarMass = 6.941e-3;
        private double density = 534.0;
        private double width = 16e-6;
        private double height = 40e-6;
        private int cellsX = 64;
        private int cellsY = 160;
        private double surfaceHeight = 4e-6;
        private double interfaceWidth = Double.NaN;
        private InitialMorphology morphology = InitialMorphology.Rough.flat();
        private ControlMode controlMode = ControlMode.GALVANOSTATIC;
        private double currentDensity = 10.0;
        private double electrodePotential = -0.05;
        private double duration = 3600.0;
        private double courantNumber = 0.4;
        private double maxTimeStep = Double.NaN;
        private double wallTimeBudget = Double.POSITIVE_INFINITY;
        private double initialTimeStep = Double.POSITIVE_INFINITY;
        private double maxConcentrationChange = Double.POSITIVE_INFINITY;
        private double depletionConcentration = Double.NaN;
        private double phaseFloor = 1e-3;
        private int reinitialisationSteps = 2;
        private double linearTolerance = 1e-9;
        private double couplingTolerance = 1e-8;
        private int maxCouplingIterations = 60;
        private TimeScheme timeScheme = TimeScheme.BDF2;
        private double snapshotInterval = 0.0;
        private boolean moveInterface = true;

        private Builder() {
        }

        /** numerics.moveInterface; default true (false freezes the geometry). */
        public Builder moveInterface(boolean v) {
            moveInterface = v;
            return this;
        }

        /** electrolyte.conductivity [S/m]; default 0.148 (1.48 mS/cm, QCPE@P-DOL, seed 003 Table S1). */
        public Builder conductivity(double v) {
            conductivity = v;
            return this;
        }

        /** electrolyte.diffusivity [m^2/s]; default: Nernst-Einstein from the conductivity. NaN restores the default. */
        public Builder diffusivity(double v) {
            diffusivity = v;
            return this;
        }

        /** electrolyte.transferenceNumber; default 0.38. */
        public Builder transferenceNumber(double v) {
            transferenceNumber = v;
            return this;
        }

        /** electrolyte.concentration c0 [mol/m^3]; default 1490 (seed 003 Table S1 composition). */
        public Builder bulkConcentration(double v) {
            bulkConcentration = v;
            return this;
        }

        /** kinetics.referenceConcentration [mol/m^3]; default c0. NaN restores the default. */
        public Builder referenceConcentration(double v) {
            referenceConcentration = v;
            return this;
        }

        /** temperature [K]; default 298.15. */
        public Builder temperature(double v) {
            temperature = v;
            return this;
        }

        /** kinetics.exchangeCurrentDensity [A/m^2]; default 5. */
        public Builder exchangeCurrentDensity(double v) {
            exchangeCurrentDensity = v;
            return this;
        }

        /** kinetics.anodicTransferCoefficient; default 1.5 (seed 003). */
        public Builder anodicTransferCoefficient(double v) {
            anodicTransferCoefficient = v;
            return this;
        }

        /** kinetics.cathodicTransferCoefficient; default 0.5 (seed 003). */
        public Builder cathodicTransferCoefficient(double v) {
            cathodicTransferCoefficient = v;
            return this;
        }

        /** lithium.molarMass [kg/mol]; default 6.941e-3. */
        public Builder molarMass(double v) {
            molarMass = v;
            return this;
        }

        /** lithium.density [kg/m^3]; default 534. */
        public Builder density(double v) {
            density = v;
            return this;
        }

        /** domain.width [m]; default 16 um. */
        public Builder width(double v) {
            width = v;
            return this;
        }

        /** domain.height [m]; default 40 um. */
        public Builder height(double v) {
            height = v;
            return this;
        }

        /** domain.cellsX; default 64. */
        public Builder cellsX(int v) {
            cellsX = v;
            return this;
        }

        /** domain.cellsY; default 160. */
        public Builder cellsY(int v) {
            cellsY = v;
            return this;
        }

        /** domain.surfaceHeight [m]: initial base level of the lithium surface; default 4 um. */
        public Builder surfaceHeight(double v) {
            surfaceHeight = v;
            return this;
        }

        /** domain.interfaceWidth [m] (= 4 eps); default 4 cells (eps = h). NaN restores the default. */
        public Builder interfaceWidth(double v) {
            interfaceWidth = v;
            return this;
        }

        /** morphology; default flat. */
        public Builder morphology(InitialMorphology v) {
            morphology = Objects.requireNonNull(v, "morphology");
            return this;
        }

        /** Galvanostatic plating at this current density [A/m^2] (positive). */
        public Builder galvanostatic(double plateCurrentDensity) {
            controlMode = ControlMode.GALVANOSTATIC;
            currentDensity = plateCurrentDensity;
            return this;
        }

        /** Potentiostatic at this electrode potential vs the reservoir [V] (negative plates). */
        public Builder potentiostatic(double potential) {
            controlMode = ControlMode.POTENTIOSTATIC;
            electrodePotential = potential;
            return this;
        }

        /** time.duration [s]; default 3600. */
        public Builder duration(double v) {
            duration = v;
            return this;
        }

        /** time.courantNumber: front displacement per step in cells; default 0.4. */
        public Builder courantNumber(double v) {
            courantNumber = v;
            return this;
        }

        /** time.maxStep [s]; default duration / 20. NaN restores the default. */
        public Builder maxTimeStep(double v) {
            maxTimeStep = v;
            return this;
        }

        /** time.wallTimeBudget [s]; default unlimited. */
        public Builder wallTimeBudget(double v) {
            wallTimeBudget = v;
            return this;
        }

        /** time.initialStep [s]: upper limit of the first step; default unlimited (infinite). */
        public Builder initialTimeStep(double v) {
            initialTimeStep = v;
            return this;
        }

        /**
         * time.maxConcentrationChange [mol/m^3]: the step is scaled after every step so that the largest
         * change of c in a cell per step approaches this value (growth still at most 1.5 per step);
         * default unlimited (infinite), i.e. off.
         */
        public Builder maxConcentrationChange(double v) {
            maxConcentrationChange = v;
            return this;
        }

        /** stop.surfaceConcentration [mol/m^3]; default 1e-3 c0. NaN restores the default. */
        public Builder depletionConcentration(double v) {
            depletionConcentration = v;
            return this;
        }

        /** numerics.phaseFloor; default 1e-3. */
        public Builder phaseFloor(double v) {
            phaseFloor = v;
            return this;
        }

        /** numerics.reinitialisationSteps; default 2. */
        public Builder reinitialisationSteps(int v) {
            reinitialisationSteps = v;
            return this;
        }

        /** numerics.linearTolerance; default 1e-9. */
        public Builder linearTolerance(double v) {
            linearTolerance = v;
            return this;
        }

        /** numerics.couplingTolerance; default 1e-8. */
        public Builder couplingTolerance(double v) {
            couplingTolerance = v;
            return this;
        }

        /** numerics.maxCouplingIterations; default 60. */
        public Builder maxCouplingIterations(int v) {
            maxCouplingIterations = v;
            return this;
        }

        /** numerics.timeScheme; default BDF2. */
        public Builder timeScheme(TimeScheme v) {
            timeScheme = Objects.requireNonNull(v, "timeScheme");
            return this;
        }

        /** output.snapshotInterval [s]; default 0 (none). */
        public Builder snapshotInterval(double v) {
            snapshotInterval = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the key, the value and the allowed range
         */
        public DepositionSettings build() {
            requirePositive("electrolyte.conductivity", conductivity, "S/m");
            if (!Double.isNaN(diffusivity)) {
                requirePositive("electrolyte.diffusivity", diffusivity, "m^2/s");
            }
            requireOpenRange("electrolyte.transferenceNumber", transferenceNumber, 0.0, 1.0, "");
            requirePositive("electrolyte.concentration", bulkConcentration, "mol/m^3");
            if (!Double.isNaN(referenceConcentration)) {
                requirePositive("kinetics.referenceConcentration", referenceConcentration, "mol/m^3");
            }
            requirePositive("temperature", temperature, "K");
            // The model plates solid lithium into a liquid or gel electrolyte: lithium melts at
            // 453.65 K (180.5 degC, CRC Handbook) and carbonate/ether electrolytes freeze above 200 K.
            requireRange("temperature", temperature, 200.0, 453.65, "K",
                    "between the electrolyte's freezing and lithium's melting point (180.5 degC)");
            requirePositive("kinetics.exchangeCurrentDensity", exchangeCurrentDensity, "A/m^2");
            // Li exchange currents measured in liquids span 0.1-100 A/m2 (0.01-10 mA/cm2); 1e5 A/m2
            // (the tip-amplification validation's fast-kinetics limit) is three decades beyond. (A time
            // step's coupled iteration stops converging between 1e3 and 1e4 A/m2 on the example grid:
            // a solver failure, reported as such.)
            requireRange("kinetics.exchangeCurrentDensity", exchangeCurrentDensity, 0.0, 1e5, "A/m^2",
                    "from the slowest to beyond the fastest reported lithium kinetics");
            requireRange("electrolyte.conductivity", conductivity, 0.0, 100.0, "S/m",
                    "liquid and solid electrolytes lie below 10 S/m");
            requireRange("electrolyte.concentration", bulkConcentration, 0.0, 2e4, "mol/m^3",
                    "molten LiTFSI is about 4e3 mol/m^3; 2e4 is the molar density of lithium salts themselves");
            requireRange("kinetics.anodicTransferCoefficient", anodicTransferCoefficient, 0.0, 4.0, "",
                    "Butler-Volmer coefficients of a one-electron reaction are of order 1");
            requireRange("kinetics.cathodicTransferCoefficient", cathodicTransferCoefficient, 0.0, 4.0, "",
                    "Butler-Volmer coefficients of a one-electron reaction are of order 1");
            requirePositive("kinetics.anodicTransferCoefficient", anodicTransferCoefficient, "");
            requirePositive("kinetics.cathodicTransferCoefficient", cathodicTransferCoefficient, "");
            requirePositive("lithium.molarMass", molarMass, "kg/mol");
            requirePositive("lithium.density", density, "kg/m^3");
            requirePositive("domain.width", width, "m");
            requirePositive("domain.height", height, "m");
            requireCountAtLeast("domain.cellsX", cellsX, 3, " (the level-set stencils need three columns)");
            requireCountAtLeast("domain.cellsY", cellsY, 3, "");
            double dx = width / cellsX;
            double dy = height / cellsY;
            if (Math.max(dx, dy) > 2.0 * Math.min(dx, dy)) {
                throw new io.nernst.core.error.BadInputException("domain cells are " + dx + " m x " + dy + " m: aspect ratio above 2 is not "
                        + "allowed; choose domain.cellsX / domain.cellsY so that width/cellsX ~ height/cellsY");
            }
            double h = Math.max(dx, dy);
            if (!Double.isNaN(interfaceWidth)) {
                if (!(interfaceWidth >= h * (1 - 1e-12)) || !Double.isFinite(interfaceWidth)) {
                    throw new io.nernst.core.error.BadInputException("domain.interfaceWidth = " + interfaceWidth + " m is below the grid "
                            + "spacing h = max(dx, dy) = " + round(h) + " m; allowed: [" + round(h) + ", " + round(8 * h)
                            + "] m (4 h recommended); the level set cannot resolve a thinner interface");
                }
                if (interfaceWidth > 8 * h) {
                    throw new io.nernst.core.error.BadInputException("domain.interfaceWidth = " + interfaceWidth + " m exceeds 8 grid "
                            + "spacings; allowed: [" + round(h) + ", " + round(8 * h) + "] m");
                }
            }
            double iw = Double.isNaN(interfaceWidth) ? 4 * h : interfaceWidth;
            if (!(surfaceHeight > 1.5 * iw && surfaceHeight < height - 3 * iw) || !Double.isFinite(surfaceHeight)) {
                throw new io.nernst.core.error.BadInputException("domain.surfaceHeight = " + surfaceHeight + " m is not allowed; allowed: ("
                        + round(1.5 * iw) + ", " + round(height - 3 * iw) + ") m, so that the diffuse interface clears both walls");
            }
            morphology.validate(width, height, surfaceHeight);
            if (controlMode == ControlMode.GALVANOSTATIC) {
                requirePositive("control.currentDensity", currentDensity, "A/m^2");
            } else if (!Double.isFinite(electrodePotential) || Math.abs(electrodePotential) > 2.0) {
                throw new io.nernst.core.error.BadInputException("control.electrodePotential = " + electrodePotential
                        + " V is not allowed; allowed: [-2, 2] V against the reservoir");
            }
            requirePositive("time.duration", duration, "s");
            requireOpenRange("time.courantNumber", courantNumber, 0.0, 1.0, "cells per step");
            if (!Double.isNaN(maxTimeStep)) {
                requirePositive("time.maxStep", maxTimeStep, "s");
            }
            requirePositiveOrInfinite("time.wallTimeBudget", wallTimeBudget, "s");
            requirePositiveOrInfinite("time.initialStep", initialTimeStep, "s");
            requirePositiveOrInfinite("time.maxConcentrationChange", maxConcentrationChange, "mol/m^3");
            if (!Double.isNaN(depletionConcentration)) {
                requireAtLeast("stop.surfaceConcentration", depletionConcentration, 0.0, "mol/m^3");
            }
            requireOpenRange("numerics.phaseFloor", phaseFloor, 0.0, 0.1, "");
            if (reinitialisationSteps < 0 || reinitialisationSteps > 100) {
                throw new io.nernst.core.error.BadInputException("numerics.reinitialisationSteps = " + reinitialisationSteps
                        + " is not allowed; allowed: 0 to 100");
            }
            requireOpenRange("numerics.linearTolerance", linearTolerance, 0.0, 1e-3, "");
            requireOpenRange("numerics.couplingTolerance", couplingTolerance, 0.0, 1e-2, "");
            requireCountAtLeast("numerics.maxCouplingIterations", maxCouplingIterations, 1, "");
            requireAtLeast("output.snapshotInterval", snapshotInterval, 0.0, "s");
            if (snapshotInterval > 0 && duration / snapshotInterval > MAX_SNAPSHOTS) {
                throw new io.nernst.core.error.BadInputException("output.snapshotInterval = " + snapshotInterval + " s over time.duration = "
                        + duration + " s would write " + String.format(java.util.Locale.ROOT, "%.3g", duration / snapshotInterval)
                        + " snapshots (three PNG images each); allowed: at most " + MAX_SNAPSHOTS + ", i.e. an interval >= "
                        + round(duration / MAX_SNAPSHOTS) + " s");
            }
            return new DepositionSettings(this);
        }
    }
}

package io.nernst.models.cell;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.StateViolation;
import io.nernst.models.ModelOptions;
import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.materials.Constants;
import io.nernst.models.particle.SphericalParticle;
import io.nernst.solvers.fv.Stretching;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.List;

/**
 * Shared machinery of the cell models: the control equation (the last unknown is the
 * terminal current I, positive on discharge), the recorded Jacobian pattern, and the
 * algebraic flags.
 *
 * <p>The control row is F = I - I_target (current), V(y) - V_target (voltage) or
 * I V(y) - P_target (power); its pattern holds every column V depends on, so switching the
 * control between experiment steps keeps the Jacobian pattern.
 */
public abstract class AbstractCellModel implements CellModel {
    protected final CellDesign design;
    protected final double temperature;
    protected final JacobianRecorder recorder = new JacobianRecorder();
    private final String name;
    private Control control = Control.CURRENT;
    private double target;
    private CsrMatrix pattern;
    private boolean[] algebraic;
    private int dimension;
    /** Unknowns with a physical range (checked on every accepted state, {@link #checkState}). */
    private final List<PhysicalRange> ranges = new java.util.ArrayList<>();

    /**
     * Unknown {@code index} divided by {@code scale} must lie in the open interval (lower, upper).
     * The place is put together only for a message (a fine mesh has millions of unknowns): shell
     * k of {@code shells} at radius r of a particle at {@code where}, or {@code where} alone when
     * shells is 0.
     */
    private record PhysicalRange(int index, double scale, double lower, double upper, String quantity,
            int shell, int shells, double radius, double x, String region) {
        String place() {
            String where = Double.isNaN(x) ? region : xPlace(x, region);
            if (shells == 0) {
                return where;
            }
            String in = where.isEmpty() ? "" : " of the particle at " + where;
            return shell == shells ? "the surface" + in
                    : String.format(java.util.Locale.ROOT, "shell %d of %d (r = %.4g um)%s", shell + 1, shells, radius * 1e6, in);
        }
    }

    /**
     * @param design the cell
     * @param name   the model's short name ("SPM", "SPMe", "DFN")
     */
    protected AbstractCellModel(CellDesign design, String name) {
        this.design = design;
        this.temperature = design.temperature();
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * The scalars of a liquid cell with two porous electrodes ({@link CellOutputs#SCALARS});
     * models whose components lack some of them, or add others, override this.
     */
    @Override
    public List<String> scalarOutputNames() {
        return CellOutputs.SCALARS;
    }

    /** The particle of an electrode on the radial mesh the options ask for (tanh toward the surface if stretched). */
    protected static SphericalParticle particle(PorousElectrode electrode, ModelOptions options) {
        Stretching r = options.particleStretching() > 0 ? Stretching.tanhTowardEnd(options.particleStretching()) : Stretching.uniform();
        return new SphericalParticle(electrode.particleRadius(), options.particlePoints(), r,
                electrode.particleDiffusivity(), electrode.maximumConcentration(), true);
    }

    /** U_p(c_s,p) - U_n(c_s,n) at the given surface (or initial) concentrations. */
    protected final double openCircuitVoltage(PorousElectrode negative, double negativeConcentration,
            PorousElectrode positive, double positiveConcentration) {
        return positive.openCircuitPotential().value(positiveConcentration / positive.maximumConcentration(), temperature)
                - negative.openCircuitPotential().value(negativeConcentration / negative.maximumConcentration(), temperature);
    }

    /**
     * Residual of one particle of the single-particle models, under the uniform reaction
     * j = reactionPerCurrent I of its electrode (molar flux c_frac j / F at the surface).
     */
    protected final void uniformReactionParticleResidual(SphericalParticle particle, PorousElectrode electrode, int offset,
            double reactionPerCurrent, double[] y, double[] yDot, double[] residual) {
        double current = y[currentIndex()];
        particle.residual(y, yDot, offset, electrode.contactFraction() * reactionPerCurrent * current / Constants.FARADAY,
                temperature, residual);
    }

    /**
     * Jacobian of {@link #uniformReactionParticleResidual}: the particle's own block plus its
     * outer-shell and surface rows' dependence on I.
     */
    protected final void uniformReactionParticleJacobian(SphericalParticle particle, PorousElectrode electrode, int offset,
            double reactionPerCurrent, double[] y, double cj) {
        int iI = currentIndex();
        double fluxPerCurrent = electrode.contactFraction() * reactionPerCurrent / Constants.FARADAY;
        particle.jacobian(y, offset, fluxPerCurrent * y[iI], temperature, cj, recorder);
        int surface = offset + particle.surfaceIndex();
        recorder.add(offset + particle.shells() - 1, iI, particle.outerShellFluxSensitivity() * fluxPerCurrent);
        recorder.add(surface, iI, particle.surfaceFluxSensitivity(y[surface], temperature) * fluxPerCurrent);
    }

    /**
     * Fixes the number of unknowns (the last one is the current I), then records the Jacobian
     * pattern by running {@link #assembleJacobian} once in recording mode at the initial state
     * and marks the algebraic components; subclasses call this at the end of their constructor.
     */
    protected final void recordPattern(int dimension) {
        this.dimension = dimension;
        double[] y = initialState();
        double[] yDot = new double[y.length];
        recorder.startRecording();
        assembleJacobian(0.0, y, yDot, 1.0);
        pattern = recorder.finishRecording(dimension);
        algebraic = new boolean[dimension];
        markAlgebraic(algebraic);
        // the control equation has no time derivative in every model
        algebraic[currentIndex()] = true;
    }

    /**
     * Declares the unknowns of a particle block (shells, then the surface) as concentrations
     * whose stoichiometry c / c_max must stay in (0, 1): outside it the open-circuit potentials
     * are undefined and the lithium count is no longer physical.
     *
     * @param electrodeName "Negative" or "Positive"
     * @param x             position of the particle [m], NaN for the single particle of SPM / SPMe
     * @param region        its region, e.g. "negative electrode" ("" for the single particle)
     */
    protected final void particleRange(SphericalParticle particle, int offset, double maximumConcentration,
            String electrodeName, double x, String region) {
        double[] r = particle.shellCentres();
        String quantity = electrodeName + " particle stoichiometry";
        int shells = particle.shells();
        for (int k = 0; k < shells; k++) {
            ranges.add(new PhysicalRange(offset + k, maximumConcentration, 0.0, 1.0, quantity, k, shells, r[k], x, region));
        }
        ranges.add(new PhysicalRange(offset + particle.surfaceIndex(), maximumConcentration, 0.0, 1.0, quantity,
                shells, shells, particle.radius(), x, region));
    }

    /**
     * Declares unknown {@code index} an electrolyte concentration, which must stay above 0, at
     * position x [m] in a region (x NaN: the region names the place).
     */
    protected final void electrolyteConcentrationRange(int index, double x, String region) {
        ranges.add(new PhysicalRange(index, 1.0, 0.0, Double.POSITIVE_INFINITY, CellOutputs.ELECTROLYTE_CONCENTRATION, 0, 0, 0.0,
                x, region));
    }

    /** "x = 12.5 um (negative electrode)": the place of an x-mesh cell centre, for messages. */
    protected static String xPlace(double x, String region) {
        return String.format(java.util.Locale.ROOT, "x = %.4g um (%s)", x * 1e6, region);
    }

    /**
     * The declared ranges first (stoichiometry, electrolyte concentration), so the message names
     * the physical quantity; then every unknown finite; then the terminal voltage finite and
     * positive (a full cell's positive electrode sits above its negative one; a negative terminal
     * voltage means cell reversal, which none of these models describes).
     */
    @Override
    public StateViolation checkState(double[] y) {
        if (rangeIndex == null || rangeIndex.length != ranges.size()) {
            compileRanges();
        }
        // primitive arrays: called on every accepted step and output row
        for (int k = 0; k < rangeIndex.length; k++) {
            double v = y[rangeIndex[k]] / rangeScale[k];
            if (!(v > rangeLower[k] && v < rangeUpper[k])) {
                PhysicalRange r = ranges.get(k);
                return new StateViolation(r.quantity(), r.place(), v,
                        r.upper() == Double.POSITIVE_INFINITY ? "> " + plain(r.lower()) : "(" + plain(r.lower()) + ", " + plain(r.upper()) + ")");
            }
        }
        StateViolation nonFinite = CellModel.super.checkState(y);
        if (nonFinite != null) {
            return nonFinite;
        }
        double v = voltage(y);
        if (!(v > 0.0) || !Double.isFinite(v)) {
            return new StateViolation(CellOutputs.VOLTAGE, "", v, "a finite voltage > 0 V");
        }
        return null;
    }

    /** 0 for 0.0, 1 for 1.0: range ends as people write them. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private int[] rangeIndex;
    private double[] rangeScale;
    private double[] rangeLower;
    private double[] rangeUpper;

    private void compileRanges() {
        int m = ranges.size();
        int[] index = new int[m];
        double[] scale = new double[m];
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int k = 0; k < m; k++) {
            PhysicalRange r = ranges.get(k);
            index[k] = r.index();
            scale[k] = r.scale();
            lower[k] = r.lower();
            upper[k] = r.upper();
        }
        rangeScale = scale;
        rangeLower = lower;
        rangeUpper = upper;
        rangeIndex = index;
    }

    @Override
    public double lowerVoltageLimit() {
        return design.lowerCutoff();
    }

    @Override
    public double upperVoltageLimit() {
        return design.upperCutoff();
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    /** Sets algebraic[i] for every algebraic component other than the current (marked here). */
    protected abstract void markAlgebraic(boolean[] algebraic);

    /**
     * Marks the surface-concentration unknowns of the two particles of the single-particle
     * models (SPM, SPMe): their rows are the algebraic surface flux balances.
     */
    protected static void markParticleSurfacesAlgebraic(boolean[] algebraic, SphericalParticle negativeParticle,
            SphericalParticle positiveParticle, int positiveOffset) {
        // since issue 8 section 4 the surface concentrations relax from c0 (SphericalParticle): differential

    }

    /**
     * Initial state of the single-particle models: the negative particle's unknowns
     * [0, negativeEnd) and the positive particle's [positiveOffset, dimension - 1) at their
     * electrodes' initial concentrations, and I at the guess from the initial open-circuit
     * voltage; unknowns in between (the SPMe electrolyte) are left for the caller to fill.
     */
    protected final double[] uniformParticleInitialState(PorousElectrode negative, int negativeEnd,
            PorousElectrode positive, int positiveOffset) {
        double[] y = new double[dimension];
        java.util.Arrays.fill(y, 0, negativeEnd, negative.initialConcentration());
        java.util.Arrays.fill(y, positiveOffset, dimension - 1, positive.initialConcentration());
        y[dimension - 1] = initialCurrentGuess(
                openCircuitVoltage(negative, negative.initialConcentration(), positive, positive.initialConcentration()));
        return y;
    }

    /** Adds all Jacobian entries through {@link #recorder}, in a state-independent order. */
    protected abstract void assembleJacobian(double t, double[] y, double[] yDot, double cj);

    /** Index of the terminal current unknown. */
    protected final int currentIndex() {
        return dimension() - 1;
    }

    public CellDesign design() {
        return design;
    }

    @Override
    public boolean isAlgebraic(int component) {
        return algebraic[component];
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return pattern;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix jacobian) {
        recorder.begin(jacobian);
        assembleJacobian(t, y, yDot, cj);
        recorder.end();
    }

    @Override
    public void setControl(Control control, double target) {
        if (control == null) {
            throw new IllegalArgumentException("control must not be null; allowed: CURRENT, VOLTAGE, POWER");
        }
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException(control + " target must be finite, got " + target);
        }
        if (control == Control.VOLTAGE && !(target > 0)) {
            throw new IllegalArgumentException("voltage target must be > 0 V, got " + target);
        }
        this.control = control;
        this.target = target;
    }

    @Override
    public Control control() {
        return control;
    }

    /** The control target in A, V or W. */
    public double controlTarget() {
        return target;
    }

    @Override
    public double current(double[] y) {
        return y[currentIndex()];
    }

    /** Exact: the current is the unknown at {@link #currentIndex()}. */
    @Override
    public void currentGradient(double[] y, double[] gradient) {
        java.util.Arrays.fill(gradient, 0.0);
        gradient[currentIndex()] = 1.0;
    }

    @Override
    public double nominalCapacity() {
        return design.nominalCapacity();
    }

    @Override
    public double electrodeArea() {
        return design.electrodeArea();
    }

    /** Residual of the control equation for voltage v and current i. */
    protected final double controlResidual(double v, double i) {
        switch (control) {
            case CURRENT:
                return i - target;
            case VOLTAGE:
                return v - target;
            default:
                return i * v - target;
        }
    }

    /** d(control residual)/d(column) given dV/d(column) and whether the column is I itself. */
    protected final double controlDerivative(double v, double i, double dVoltage, boolean isCurrent) {
        switch (control) {
            case CURRENT:
                return isCurrent ? 1.0 : 0.0;
            case VOLTAGE:
                return dVoltage;
            default:
                return i * dVoltage + (isCurrent ? v : 0.0);
        }
    }

    /** A current guess for the initial state under the present control, given the open-circuit voltage. */
    protected final double initialCurrentGuess(double openCircuitVoltage) {
        switch (control) {
            case CURRENT:
                return target;
            case POWER:
                return target / openCircuitVoltage;
            default:
                return 0.0;
        }
    }
}

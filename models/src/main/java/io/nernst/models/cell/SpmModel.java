package io.nernst.models.cell;

import io.nernst.core.model.FieldOutput;
import io.nernst.models.ModelOptions;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.particle.SphericalParticle;
import java.util.List;

/**
 * Single particle model (Marquis et al., J. Electrochem. Soc. 166 (2019) A3693; physics.md
 * section 4): one particle per electrode carrying the uniform reaction
 * j_n = I / (A a_n L_n), j_p = -I / (A a_p L_p); the electrolyte stays at its initial
 * concentration and its potential drop, like the solid-phase drop, is neglected:
 * V = U_p(c_R,p) - U_n(c_R,n) + eta_p - eta_n with eta the inverse of the rate law.
 *
 * <p>Unknowns: [negative particle shells, c_R,n, positive particle shells, c_R,p, I].
 */
public final class SpmModel extends AbstractCellModel {

    /** Registry entry: "SPM" takes a porous negative electrode and a binary electrolyte, isothermal. */
    public static final class Type implements io.nernst.models.registry.CellModelType {
        @Override
        public String name() {
            return "SPM";
        }

        @Override
        public String description() {
            return "single particle model (Marquis et al. 2019)";
        }

        @Override
        public List<String> accepted(String slot) {
            return reducedModelAccepts(slot);
        }

        /**
         * The components the single-particle reductions take: their uniform-reaction reduction
         * needs a porous negative electrode and a binary electrolyte, and they are isothermal.
         */
        static List<String> reducedModelAccepts(String slot) {
            switch (slot) {
                case io.nernst.models.registry.ModelSlots.ELECTROLYTE:
                    return List.of("binary");
                case io.nernst.models.registry.ModelSlots.NEGATIVE:
                    return List.of("porous");
                case io.nernst.models.registry.ModelSlots.KINETICS:
                    return List.of("symmetric", "asymmetric");
                case io.nernst.models.registry.ModelSlots.THERMAL:
                    return List.of("isothermal");
                default:
                    return List.of();
            }
        }

        @Override
        public io.nernst.core.model.CellModel create(CellDesign design, ModelOptions options) {
            return new SpmModel(design, options);
        }
    }

    private final PorousElectrode negative;
    private final PorousElectrode positive;
    private final SphericalParticle negativeParticle;
    private final SphericalParticle positiveParticle;
    private final int positiveOffset;
    /** dj/dI of each electrode [1/m2]. */
    private final double negativeReactionPerCurrent;
    private final double positiveReactionPerCurrent;
    private final double electrolyteConcentration;
    private final double[] work = new double[4];
    private final List<FieldOutput> fields;

    public SpmModel(CellDesign design, ModelOptions options) {
        super(design, "SPM");
        this.negative = design.porousNegative();
        this.positive = design.positive();
        this.negativeParticle = particle(negative, options);
        this.positiveParticle = particle(positive, options);
        this.positiveOffset = negativeParticle.unknowns();
        int dimension = positiveOffset + positiveParticle.unknowns() + 1;
        this.negativeReactionPerCurrent = 1.0 / (design.electrodeArea() * negative.specificInterfacialArea() * negative.thickness());
        this.positiveReactionPerCurrent = -1.0 / (design.electrodeArea() * positive.specificInterfacialArea() * positive.thickness());
        this.electrolyteConcentration = design.electrolyte().initialConcentration();
        this.fields = List.of(
                new FieldOutput(CellOutputs.NEGATIVE_PARTICLE_CONCENTRATION, "r_n [m]", negativeParticle.shellCentres()),
                new FieldOutput(CellOutputs.POSITIVE_PARTICLE_CONCENTRATION, "r_p [m]", positiveParticle.shellCentres()));
        recordPattern(dimension);
        particleRange(negativeParticle, 0, negative.maximumConcentration(), "Negative", Double.NaN, "");
        particleRange(positiveParticle, positiveOffset, positive.maximumConcentration(), "Positive", Double.NaN, "");
    }

    @Override
    protected void markAlgebraic(boolean[] algebraic) {
        markParticleSurfacesAlgebraic(algebraic, negativeParticle, positiveParticle, positiveOffset);
    }

    @Override
    public double[] initialState() {
        return uniformParticleInitialState(negative, positiveOffset, positive, positiveOffset);
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        double current = y[currentIndex()];
        uniformReactionParticleResidual(negativeParticle, negative, 0, negativeReactionPerCurrent, y, yDot, residual);
        uniformReactionParticleResidual(positiveParticle, positive, positiveOffset, positiveReactionPerCurrent, y, yDot, residual);
        residual[currentIndex()] = controlResidual(voltage(y), current);
    }

    @Override
    protected void assembleJacobian(double t, double[] y, double[] yDot, double cj) {
        int iI = currentIndex();
        double current = y[iI];
        uniformReactionParticleJacobian(negativeParticle, negative, 0, negativeReactionPerCurrent, y, cj);
        int nSurface = negativeParticle.surfaceIndex();
        uniformReactionParticleJacobian(positiveParticle, positive, positiveOffset, positiveReactionPerCurrent, y, cj);
        int pSurface = positiveOffset + positiveParticle.surfaceIndex();
        // Voltage sensitivities: eta from j = BV(eta, c_s): d eta/dj = 1/(dj/deta), d eta/dc_s = -(dj/dc_s)/(dj/deta).
        double v = voltage(y);
        double[] dn = electrodeSensitivities(negative, y[nSurface], negativeReactionPerCurrent * current, negativeSensitivity);
        double[] dp = electrodeSensitivities(positive, y[pSurface], positiveReactionPerCurrent * current, positiveSensitivity);
        double dVdCn = -dn[0];
        double dVdCp = dp[0];
        double dVdI = dp[1] * positiveReactionPerCurrent - dn[1] * negativeReactionPerCurrent;
        recorder.add(iI, nSurface, controlDerivative(v, current, dVdCn, false));
        recorder.add(iI, pSurface, controlDerivative(v, current, dVdCp, false));
        recorder.add(iI, iI, controlDerivative(v, current, dVdI, true));
    }

    /** Writes {d(U + eta)/dc_s, d eta/dj} at surface concentration cs and reaction j into sensitivity. */
    private double[] electrodeSensitivities(PorousElectrode e, double cs, double j, double[] sensitivity) {
        double cmax = e.maximumConcentration();
        double eta = e.kinetics().overpotential(j, electrolyteConcentration, cs, temperature);
        e.kinetics().evaluate(eta, electrolyteConcentration, cs, temperature, work);
        double detaDj = 1.0 / work[1];
        double detaDcs = -work[3] / work[1];
        double dUdcs = e.openCircuitPotential().derivative(cs / cmax, temperature) / cmax;
        sensitivity[0] = dUdcs + detaDcs;
        sensitivity[1] = detaDj;
        return sensitivity;
    }

    private final double[] negativeSensitivity = new double[2];
    private final double[] positiveSensitivity = new double[2];

    @Override
    public double voltage(double[] y) {
        double current = y[currentIndex()];
        double csn = y[negativeParticle.surfaceIndex()];
        double csp = y[positiveOffset + positiveParticle.surfaceIndex()];
        return openCircuitVoltage(negative, csn, positive, csp)
                + positive.kinetics().overpotential(positiveReactionPerCurrent * current, electrolyteConcentration, csp, temperature)
                - negative.kinetics().overpotential(negativeReactionPerCurrent * current, electrolyteConcentration, csn, temperature);
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
        double current = y[currentIndex()];
        double csn = y[negativeParticle.surfaceIndex()];
        double csp = y[positiveOffset + positiveParticle.surfaceIndex()];
        double ocv = openCircuitVoltage(negative, csn, positive, csp);
        double stoN = negativeParticle.averageConcentration(y, 0) / negative.maximumConcentration();
        double stoP = positiveParticle.averageConcentration(y, positiveOffset) / positive.maximumConcentration();
        double particles = design.electrodeArea() * (negative.activeMaterialFraction() * negative.thickness() * stoN * negative.maximumConcentration()
                + positive.activeMaterialFraction() * positive.thickness() * stoP * positive.maximumConcentration());
        double liquid = design.electrodeArea() * electrolyteConcentration * (negative.porosity() * negative.thickness()
                + design.separator().porosity() * design.separator().thickness() + positive.porosity() * positive.thickness());
        double v = voltage(y);
        CellOutputs.writeScalars(out, v, ocv,
                positive.openCircuitPotential().value(stoP, temperature) - negative.openCircuitPotential().value(stoN, temperature),
                v - ocv, 0.0, 0.0, 0.0, stoN, stoP, particles, liquid);
    }

    @Override
    public List<FieldOutput> fieldOutputs() {
        return fields;
    }

    @Override
    public void field(int index, double t, double[] y, double[] yDot, double[] out) {
        if (index == 0) {
            System.arraycopy(y, 0, out, 0, negativeParticle.shells());
        } else if (index == 1) {
            System.arraycopy(y, positiveOffset, out, 0, positiveParticle.shells());
        } else {
            throw new IllegalArgumentException("field index " + index + " out of range 0..1");
        }
    }

    /** Offset of the positive particle block. */
    public int positiveParticleOffset() {
        return positiveOffset;
    }
}

package io.nernst.models.cell;

import io.nernst.core.model.FieldOutput;
import io.nernst.models.ModelOptions;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.electrolyte.Electrolyte;
import io.nernst.models.electrolyte.ElectrolyteTransport;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.particle.SphericalParticle;
import io.nernst.solvers.fv.Geometry;
import io.nernst.solvers.fv.Mesh1D;
import io.nernst.solvers.fv.Stretching;
import java.util.List;

/**
 * Single particle model with electrolyte (Marquis et al., J. Electrochem. Soc. 166 (2019)
 * A3693, with the electrolyte properties evaluated at the local concentration as in the
 * "composite" SPMe of Brosa Planella et al. 2021): the SPM particles under uniform reaction
 * plus the electrolyte concentration across the cell,
 * eps dc_e/dt = d/dx(D_e(c) f(eps) dc_e/dx) + (1 - t+) a j / F with a j = I/(A L_n) in the
 * negative and -I/(A L_p) in the positive electrode. The voltage is the sum
 * V = OCV + eta_r + eta_c + dphi_e + dphi_s of
 * <ul>
 *   <li>OCV = U_p(c_R,p) - U_n(c_R,n);</li>
 *   <li>eta_r = eta_p - eta_n, the rate law inverted with i0 at the electrode-averaged c_e;</li>
 *   <li>eta_c = 2 (1 - t+) TDF (R T/F) (mean_p ln c_e - mean_n ln c_e);</li>
 *   <li>dphi_e = -(mean_p G - mean_n G), G(x) = integral from 0 to x of i_e / (kappa(c_e) f(eps)),
 *       i_e the piecewise-linear electrolyte current of uniform reaction;</li>
 *   <li>dphi_s = -(I/A)(L_n/sigma_n,eff + L_p/sigma_p,eff)/3.</li>
 * </ul>
 * Unknowns: [negative particle, c_e per x-cell, positive particle, I].
 */
public final class SpmeModel extends AbstractCellModel {

    /** Registry entry: "SPMe" takes a binary electrolyte and a porous negative electrode, isothermal. */
    public static final class Type implements io.nernst.models.registry.CellModelType {
        @Override
        public String name() {
            return "SPMe";
        }

        @Override
        public String description() {
            return "single particle model with electrolyte (Marquis et al. 2019)";
        }

        @Override
        public List<String> accepted(String slot) {
            return SpmModel.Type.reducedModelAccepts(slot);
        }

        @Override
        public io.nernst.core.model.CellModel create(CellDesign design, ModelOptions options) {
            return new SpmeModel(design, options);
        }
    }

    private final PorousElectrode negative;
    private final PorousElectrode positive;
    private final Electrolyte electrolyte;
    private final DifferentiableFunction diffusivity;
    private final DifferentiableFunction conductivity;
    private final SphericalParticle negativeParticle;
    private final SphericalParticle positiveParticle;
    private final Mesh1D mesh;
    private final int cells;
    private final int negativeCells;
    private final int positiveStart;
    private final int electrolyteOffset;
    private final int positiveOffset;
    private final double[] width;
    private final double[] porosity;
    /** (1 - t+) a j / F per unit current I [mol/(m3 s A)] in each x-cell. */
    private final double[] saltSourcePerCurrent;
    /** Signed averaging weight: dx/L_p in the positive, -dx/L_n in the negative, 0 in the separator. */
    private final double[] averagingWeight;
    /** The electrolyte transport block (salt part), shared with DFN. */
    private final ElectrolyteTransport transport;
    /** i_e(x_f) / (I/A) at interior face f. */
    private final double[] faceCurrentShape;
    /** Sum of averagingWeight over cells >= f. */
    private final double[] tailWeight;
    private final double negativeReactionPerCurrent;
    private final double positiveReactionPerCurrent;
    private final double solidResistance;
    private final double diffusionPotentialFactor;
    private final double[] work = new double[4];
    private final List<FieldOutput> fields;

    public SpmeModel(CellDesign design, ModelOptions options) {
        super(design, "SPMe");
        this.negative = design.porousNegative();
        this.positive = design.positive();
        this.electrolyte = design.electrolyte();
        this.diffusivity = electrolyte.diffusivity();
        this.conductivity = electrolyte.conductivity();
        Stretching x = options.electrodeStretching() > 0 ? Stretching.tanhBothEnds(options.electrodeStretching()) : Stretching.uniform();
        this.negativeParticle = particle(negative, options);
        this.positiveParticle = particle(positive, options);
        double ln = negative.thickness();
        double ls = design.separator().thickness();
        double lp = positive.thickness();
        this.mesh = Mesh1D.concatenate(
                Mesh1D.stretched(Geometry.CARTESIAN, 0, ln, options.negativePoints(), x),
                Mesh1D.stretched(Geometry.CARTESIAN, ln, ln + ls, options.separatorPoints(), x),
                Mesh1D.stretched(Geometry.CARTESIAN, ln + ls, ln + ls + lp, options.positivePoints(), x));
        this.cells = mesh.cells();
        this.negativeCells = options.negativePoints();
        this.positiveStart = options.negativePoints() + options.separatorPoints();
        this.electrolyteOffset = negativeParticle.unknowns();
        this.positiveOffset = electrolyteOffset + cells;
        int dimension = positiveOffset + positiveParticle.unknowns() + 1;
        double area = design.electrodeArea();
        this.negativeReactionPerCurrent = 1.0 / (area * negative.specificInterfacialArea() * ln);
        this.positiveReactionPerCurrent = -1.0 / (area * positive.specificInterfacialArea() * lp);
        this.solidResistance = (ln / negative.effectiveConductivity() + lp / positive.effectiveConductivity()) / (3.0 * area);
        this.diffusionPotentialFactor = 2.0 * Constants.thermalVoltage(temperature) * (1.0 - electrolyte.transferenceNumber())
                * electrolyte.thermodynamicFactor();
        width = new double[cells];
        porosity = new double[cells];
        saltSourcePerCurrent = new double[cells];
        averagingWeight = new double[cells];
        double[] transportFactor = new double[cells];
        double sourceFactor = (1.0 - electrolyte.transferenceNumber()) / Constants.FARADAY;
        for (int i = 0; i < cells; i++) {
            width[i] = mesh.widthAt(i);
            if (i < negativeCells) {
                porosity[i] = negative.porosity();
                transportFactor[i] = negative.electrolyteTransportFactor();
                saltSourcePerCurrent[i] = sourceFactor / (area * ln);
                averagingWeight[i] = -width[i] / ln;
            } else if (i < positiveStart) {
                porosity[i] = design.separator().porosity();
                transportFactor[i] = design.separator().electrolyteTransportFactor();
            } else {
                porosity[i] = positive.porosity();
                transportFactor[i] = positive.electrolyteTransportFactor();
                saltSourcePerCurrent[i] = -sourceFactor / (area * lp);
                averagingWeight[i] = width[i] / lp;
            }
        }
        int[] concentrationIndex = new int[cells];
        for (int i = 0; i < cells; i++) {
            concentrationIndex[i] = electrolyteOffset + i;
        }
        transport = new ElectrolyteTransport(electrolyte, width, porosity, transportFactor, concentrationIndex, null);
        faceCurrentShape = new double[cells];
        tailWeight = new double[cells + 1];
        for (int i = cells - 1; i >= 0; i--) {
            tailWeight[i] = tailWeight[i + 1] + averagingWeight[i];
        }
        double total = ln + ls + lp;
        for (int f = 1; f < cells; f++) {
            double xf = mesh.faceAt(f);
            faceCurrentShape[f] = f <= negativeCells ? xf / ln : (f < positiveStart ? 1.0 : (total - xf) / lp);
        }
        this.fields = List.of(
                new FieldOutput(CellOutputs.ELECTROLYTE_CONCENTRATION, "x [m]", mesh.centres()),
                new FieldOutput(CellOutputs.NEGATIVE_PARTICLE_CONCENTRATION, "r_n [m]", negativeParticle.shellCentres()),
                new FieldOutput(CellOutputs.POSITIVE_PARTICLE_CONCENTRATION, "r_p [m]", positiveParticle.shellCentres()));
        recordPattern(dimension);
        particleRange(negativeParticle, 0, negative.maximumConcentration(), "Negative", Double.NaN, "");
        particleRange(positiveParticle, positiveOffset, positive.maximumConcentration(), "Positive", Double.NaN, "");
        for (int i = 0; i < cells; i++) {
            electrolyteConcentrationRange(electrolyteOffset + i, mesh.centres()[i],
                    i < negativeCells ? "negative electrode" : (i < positiveStart ? "separator" : "positive electrode"));
        }
    }

    /** The x mesh of the electrolyte. */
    public Mesh1D mesh() {
        return mesh;
    }

    @Override
    protected void markAlgebraic(boolean[] algebraic) {
        markParticleSurfacesAlgebraic(algebraic, negativeParticle, positiveParticle, positiveOffset);
    }

    @Override
    public double[] initialState() {
        double[] y = uniformParticleInitialState(negative, electrolyteOffset, positive, positiveOffset);
        java.util.Arrays.fill(y, electrolyteOffset, positiveOffset, electrolyte.initialConcentration());
        return y;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        double current = y[currentIndex()];
        uniformReactionParticleResidual(negativeParticle, negative, 0, negativeReactionPerCurrent, y, yDot, residual);
        uniformReactionParticleResidual(positiveParticle, positive, positiveOffset, positiveReactionPerCurrent, y, yDot, residual);
        int o = electrolyteOffset;
        for (int i = 0; i < cells; i++) {
            residual[o + i] = porosity[i] * yDot[o + i] - saltSourcePerCurrent[i] * current;
        }
        transport.faceResidual(y, temperature, residual);
        residual[currentIndex()] = controlResidual(voltage(y), current);
    }

    @Override
    protected void assembleJacobian(double t, double[] y, double[] yDot, double cj) {
        int iI = currentIndex();
        double current = y[iI];
        uniformReactionParticleJacobian(negativeParticle, negative, 0, negativeReactionPerCurrent, y, cj);
        int nSurface = negativeParticle.surfaceIndex();
        int o = electrolyteOffset;
        for (int i = 0; i < cells; i++) {
            recorder.add(o + i, o + i, cj * porosity[i]);
            recorder.add(o + i, iI, -saltSourcePerCurrent[i]);
        }
        transport.faceJacobian(y, temperature, recorder);
        uniformReactionParticleJacobian(positiveParticle, positive, positiveOffset, positiveReactionPerCurrent, y, cj);
        int pSurface = positiveOffset + positiveParticle.surfaceIndex();

        // Control row: V depends on c_R,n, every c_e, c_R,p and I.
        double v = voltage(y);
        double ceN = electrodeAverage(y, 0, negativeCells, negative.thickness());
        double ceP = electrodeAverage(y, positiveStart, cells, positive.thickness());
        double jn = negativeReactionPerCurrent * current;
        double jp = positiveReactionPerCurrent * current;
        // negative electrode: eta_n(j_n, ceN, c_R,n)
        double csn = y[nSurface];
        double etaN = negative.kinetics().overpotential(jn, ceN, csn, temperature);
        negative.kinetics().evaluate(etaN, ceN, csn, temperature, work);
        double dEtaNdJ = 1.0 / work[1];
        double dEtaNdCe = -work[2] / work[1];
        double dEtaNdCs = -work[3] / work[1];
        double csp = y[pSurface];
        double etaP = positive.kinetics().overpotential(jp, ceP, csp, temperature);
        positive.kinetics().evaluate(etaP, ceP, csp, temperature, work);
        double dEtaPdJ = 1.0 / work[1];
        double dEtaPdCe = -work[2] / work[1];
        double dEtaPdCs = -work[3] / work[1];
        double cmaxN = negative.maximumConcentration();
        double cmaxP = positive.maximumConcentration();
        double dVdCsn = -negative.openCircuitPotential().derivative(csn / cmaxN, temperature) / cmaxN - dEtaNdCs;
        double dVdCsp = positive.openCircuitPotential().derivative(csp / cmaxP, temperature) / cmaxP + dEtaPdCs;
        recorder.add(iI, nSurface, controlDerivative(v, current, dVdCsn, false));
        recorder.add(iI, pSurface, controlDerivative(v, current, dVdCsp, false));
        double currentDensity = current / design.electrodeArea();
        // d(dphi_e)/dc_e = -(I/A) dH/dc_e, accumulated per face.
        for (int i = 0; i < cells; i++) {
            double c = y[o + i];
            double dV = diffusionPotentialFactor * averagingWeight[i] / c;
            if (i < negativeCells) {
                dV -= dEtaNdCe * width[i] / negative.thickness();
            } else if (i >= positiveStart) {
                dV += dEtaPdCe * width[i] / positive.thickness();
            }
            if (i > 0) {
                dV -= currentDensity * ohmicDerivative(y, i, false);
            }
            if (i < cells - 1) {
                dV -= currentDensity * ohmicDerivative(y, i + 1, true);
            }
            recorder.add(iI, o + i, controlDerivative(v, current, dV, false));
        }
        double dVdI = dEtaPdJ * positiveReactionPerCurrent - dEtaNdJ * negativeReactionPerCurrent
                - ohmicFactor(y) / design.electrodeArea() - solidResistance;
        recorder.add(iI, iI, controlDerivative(v, current, dVdI, true));
    }

    /** d H / d c of the left (left = true) or right cell of face f, H = sum_f s_f T_f / (kappa(c_f) G_f). */
    private double ohmicDerivative(double[] y, int f, boolean left) {
        int o = electrolyteOffset;
        double wl = transport.faceWeightLeft(f);
        double cf = wl * y[o + f - 1] + (1.0 - wl) * y[o + f];
        double k = conductivity.value(cf, temperature);
        double dk = conductivity.derivative(cf, temperature);
        double w = left ? wl : 1.0 - wl;
        return -faceCurrentShape[f] * tailWeight[f] * dk * w / (k * k * transport.faceConductance(f));
    }

    /** H(c) = mean_p G - mean_n G per unit current density [Ohm m2]. */
    private double ohmicFactor(double[] y) {
        int o = electrolyteOffset;
        double h = 0.0;
        for (int f = 1; f < cells; f++) {
            double wl = transport.faceWeightLeft(f);
            double cf = wl * y[o + f - 1] + (1.0 - wl) * y[o + f];
            h += faceCurrentShape[f] * tailWeight[f] / (conductivity.value(cf, temperature) * transport.faceConductance(f));
        }
        return h;
    }

    private double electrodeAverage(double[] y, int from, int to, double thickness) {
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += y[electrolyteOffset + i] * width[i];
        }
        return s / thickness;
    }

    @Override
    public double voltage(double[] y) {
        double[] parts = breakdown;
        voltageBreakdown(y, parts);
        return parts[0] + parts[1] + parts[2] + parts[3] + parts[4];
    }

    private final double[] breakdown = new double[5];

    /** {OCV, eta_r, eta_c, dphi_e, dphi_s}. */
    private void voltageBreakdown(double[] y, double[] out) {
        double current = y[currentIndex()];
        double csn = y[negativeParticle.surfaceIndex()];
        double csp = y[positiveOffset + positiveParticle.surfaceIndex()];
        double ceN = electrodeAverage(y, 0, negativeCells, negative.thickness());
        double ceP = electrodeAverage(y, positiveStart, cells, positive.thickness());
        out[0] = openCircuitVoltage(negative, csn, positive, csp);
        out[1] = positive.kinetics().overpotential(positiveReactionPerCurrent * current, ceP, csp, temperature)
                - negative.kinetics().overpotential(negativeReactionPerCurrent * current, ceN, csn, temperature);
        double lnDifference = 0.0;
        for (int i = 0; i < cells; i++) {
            if (averagingWeight[i] != 0.0) {
                lnDifference += averagingWeight[i] * Math.log(y[electrolyteOffset + i]);
            }
        }
        out[2] = diffusionPotentialFactor * lnDifference;
        out[3] = -current / design.electrodeArea() * ohmicFactor(y);
        out[4] = -current * solidResistance;
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
        // the model's own workspace: outputs are recorded at every integrator step (hot path)
        double[] parts = breakdown;
        voltageBreakdown(y, parts);
        double stoN = negativeParticle.averageConcentration(y, 0) / negative.maximumConcentration();
        double stoP = positiveParticle.averageConcentration(y, positiveOffset) / positive.maximumConcentration();
        double area = design.electrodeArea();
        double particles = area * (negative.activeMaterialFraction() * negative.thickness() * stoN * negative.maximumConcentration()
                + positive.activeMaterialFraction() * positive.thickness() * stoP * positive.maximumConcentration());
        double liquid = transport.lithiumPerArea(y) * area;
        CellOutputs.writeScalars(out, parts[0] + parts[1] + parts[2] + parts[3] + parts[4], parts[0],
                positive.openCircuitPotential().value(stoP, temperature) - negative.openCircuitPotential().value(stoN, temperature),
                parts[1], parts[2], parts[3], parts[4], stoN, stoP, particles, liquid);
    }

    @Override
    public List<FieldOutput> fieldOutputs() {
        return fields;
    }

    @Override
    public void field(int index, double t, double[] y, double[] yDot, double[] out) {
        switch (index) {
            case 0 -> System.arraycopy(y, electrolyteOffset, out, 0, cells);
            case 1 -> System.arraycopy(y, 0, out, 0, negativeParticle.shells());
            case 2 -> System.arraycopy(y, positiveOffset, out, 0, positiveParticle.shells());
            default -> throw new IllegalArgumentException("field index " + index + " out of range 0..2");
        }
    }
}

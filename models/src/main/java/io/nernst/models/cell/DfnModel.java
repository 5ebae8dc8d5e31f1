package io.nernst.models.cell;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.FieldOutput;
import io.nernst.models.ModelOptions;
import io.nernst.models.electrode.PlanarMetalElectrode;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.electrolyte.ElectrolyteTransport;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.EntropicOcp;
import io.nernst.models.particle.SphericalParticle;
import io.nernst.models.registry.CellModelType;
import io.nernst.models.registry.ModelSlots;
import io.nernst.models.thermal.LumpedThermalProperties;
import io.nernst.solvers.fv.Geometry;
import io.nernst.solvers.fv.Mesh1D;
import io.nernst.solvers.fv.Stretching;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Doyle-Fuller-Newman (pseudo-two-dimensional) model of a cell with two porous
 * electrodes (Doyle, Fuller and Newman, J. Electrochem. Soc. 140 (1993) 1526; the
 * formulation of Marquis et al., J. Electrochem. Soc. 166 (2019) A3693; physics.md
 * section 4), discretised with cell-centred finite volumes in x and spherical shells in r.
 *
 * <p>Equations per x-cell i of width dx (all fluxes toward +x, j anodic-positive):
 * <pre>
 *   particles   dc/dt = r^-2 d/dr(r^2 D_s dc/dr),  -D_s dc/dr(R) = theta j / F     (SphericalParticle)
 *   electrolyte eps dc_e/dt + d N/dx = (1 - t+) a j / F,   N = -D_e(c) f(eps) dc_e/dx
 *   charge      d i_e/dx = a j,   i_e = -kappa(c) f(eps) [dphi_e/dx - (2RT/F)(1 - t+) TDF d ln c_e/dx]
 *   solid       d i_s/dx = -a j,  i_s = -sigma_eff dphi_s/dx
 *   kinetics    j = BV(phi_s - phi_e - U(c_R / c_max), c_e, c_R)
 * </pre>
 * Boundary conditions: no electrolyte flux or current at x = 0 and x = L; phi_s = 0 at the
 * negative collector (the ground; the collector current I/A follows from charge
 * conservation), i_s = 0 on both separator faces, i_s = I/A at the positive collector.
 * V = phi_s(L) = phi_s,last - (I/A)(dx_last/2)/sigma_eff.
 *
 * <p>Face fluxes are two-point fluxes; the geometric (Bruggeman) factors f(eps) combine as
 * series resistances across each face, D_e and kappa are evaluated at the concentration
 * interpolated linearly to the face. This is exact flux continuity at the
 * electrode/separator interfaces, where f(eps) jumps.
 *
 * <p>Assembled from components (docs/architecture.md): the porous electrodes with their
 * particles (the per-x-cell loop), the electrolyte transport block shared with SPMe
 * ({@link ElectrolyteTransport}: binary salt or single-ion conductor), the boundary at x = 0
 * ({@link GroundedCollector} for a porous negative electrode, {@link MetalInterface} for a
 * planar Li or Li-In anode, whose x-mesh starts at the separator) and, for a lumped thermal
 * cell, the temperature unknown of {@link io.nernst.models.thermal.LumpedThermalProperties}.
 *
 * <p>Lumped thermal: rho c_p V dT/dt = A (Q_irr + Q_rev) - h A_ext (T - T_amb) with, per unit
 * plate area, Q_irr = sum a j eta dx (reaction) + sum over faces of the electronic and ionic
 * currents times their potential drops (ohmic, the ionic one with its diffusion-potential part)
 * and Q_rev = sum a j T dU/dT dx (Bernardi, Pawlikowski and Newman, J. Electrochem. Soc. 132
 * (1985) 5). These are the discrete terms of the charge equations, so that
 * sum_k phi_k F_k = Q_irr + sum a j U dx + (I/A) V holds to round-off over the potential rows
 * ({@link #energyTerms}). Every property sees T: D_s, D_e, kappa and i0 through their
 * Arrhenius factors, U through the entropic change. The T column of the Jacobian is a central
 * difference of the residual (two extra evaluations per Jacobian); the T row's dependence on
 * the other unknowns, -A dQ/dy, is analytic.
 *
 * <p>Unknown ordering (narrow band): [interface unknowns of a planar anode], then per x-cell, electrode cells hold
 * [c_0 .. c_{n_r-1}, c_R, c_e, phi_e, phi_s], separator cells [c_e, phi_e] (a single-ion
 * electrolyte drops c_e); then T of a lumped thermal cell; the terminal current I is last. Lithium (shells and electrolyte
 * salt, both in flux form) is conserved to round-off by the residual.
 */
public final class DfnModel extends AbstractCellModel {
    static final int NEGATIVE = 0;
    static final int SEPARATOR = 1;
    static final int POSITIVE = 2;

    /** Registry entry: "DFN" takes every registered electrolyte, negative electrode and thermal model. */
    public static final class Type implements CellModelType {
        @Override
        public String name() {
            return "DFN";
        }

        @Override
        public String description() {
            return "Doyle-Fuller-Newman (pseudo-2D): porous electrodes resolved in x and r";
        }

        @Override
        public List<String> accepted(String slot) {
            switch (slot) {
                case ModelSlots.ELECTROLYTE:
                    return List.of("binary", "single-ion");
                case ModelSlots.NEGATIVE:
                    return List.of("porous", "lithium-metal", "lithium-indium");
                case ModelSlots.POSITIVE:
                    return List.of("porous", "composite", "composite-bruggeman");
                case ModelSlots.KINETICS:
                    return List.of("symmetric", "asymmetric");
                case ModelSlots.THERMAL:
                    return List.of("isothermal", "lumped");
                default:
                    return List.of();
            }
        }

        @Override
        public CellModel create(CellDesign design, ModelOptions options) {
            return new DfnModel(design, options);
        }
    }

    /** The porous negative electrode, null for a planar metal anode. */
    private final PorousElectrode negative;
    private final PorousElectrode positive;
    private final NegativeBoundary boundary;
    private final ElectrolyteTransport transport;
    private final LumpedThermalProperties thermal;
    /** Index of T (lumped thermal), -1 for an isothermal cell. */
    private final int temperatureIndex;
    private final int cells;
    private final int negativeCells;
    private final int positiveStart;
    private final Mesh1D mesh;
    private final SphericalParticle negativeParticle;
    private final SphericalParticle positiveParticle;

    private final int[] domain;
    private final int[] particleStart;
    private final int[] surfaceIndex;
    private final int[] concentrationIndex;
    private final int[] electrolytePotentialIndex;
    private final int[] solidPotentialIndex;
    private final double[] width;
    private final double[] porosity;
    private final double[] specificArea;
    private final double[] fluxFactor;
    /** Solid conductance of interior face f, 0 where the face is not inside an electrode. */
    private final double[] solidFaceConductance;
    private final double collectorResistance;
    /**
     * The composite cathode whose electronic conductivity depends on the local lithiation
     * (solid-state.md 2.9), or null: then the solid conductances are constants. With it, each
     * positive cell's sigma_e,eff is evaluated at its particle surface stoichiometry, where the
     * electrons enter and leave the active material (an assumption: on discharge the surface
     * lithiates, and insulates, first).
     */
    private final io.nernst.models.solidstate.CompositeCathode composite;
    /** Half widths of the cells (the two-point conductance of a face is 1/(dl/s_l + dr/s_r)). */
    private final double[] halfWidth;

    private final CellOutputs.Selection scalars;
    private final List<FieldOutput> fields;
    private final List<String> fieldKinds;
    private final double[] kineticsWork = new double[4];
    private final double[] energy = new double[5];
    // forward-difference workspaces of the T column (lumped thermal only)
    private final double[] shiftedState;
    private final double[] baseResidual;
    private final double[] shiftedResidual;

    public DfnModel(CellDesign design, ModelOptions options) {
        super(design, "DFN");
        PlanarMetalElectrode metal = design.negative() instanceof PlanarMetalElectrode m ? m : null;
        this.negative = metal == null ? design.porousNegative() : null;
        this.positive = design.positive();
        this.thermal = design.thermal();
        this.composite = design.composite();
        double ln = negative == null ? 0.0 : negative.thickness();
        double ls = design.separator().thickness();
        double lp = positive.thickness();
        Stretching xStretch = options.electrodeStretching() > 0 ? Stretching.tanhBothEnds(options.electrodeStretching()) : Stretching.uniform();
        Mesh1D separatorMesh = Mesh1D.stretched(Geometry.CARTESIAN, ln, ln + ls, options.separatorPoints(), xStretch);
        Mesh1D positiveMesh = Mesh1D.stretched(Geometry.CARTESIAN, ln + ls, ln + ls + lp, options.positivePoints(), xStretch);
        this.mesh = negative == null ? Mesh1D.concatenate(separatorMesh, positiveMesh) : Mesh1D.concatenate(
                Mesh1D.stretched(Geometry.CARTESIAN, 0, ln, options.negativePoints(), xStretch), separatorMesh, positiveMesh);
        this.negativeCells = negative == null ? 0 : options.negativePoints();
        this.positiveStart = negativeCells + options.separatorPoints();
        this.cells = mesh.cells();
        this.negativeParticle = negative == null ? null : particle(negative, options);
        this.positiveParticle = particle(positive, options);
        boolean carriesConcentration = design.electrolyte().kind() == io.nernst.models.electrolyte.ElectrolyteKind.BINARY;

        domain = new int[cells];
        particleStart = new int[cells];
        surfaceIndex = new int[cells];
        concentrationIndex = new int[cells];
        electrolytePotentialIndex = new int[cells];
        solidPotentialIndex = new int[cells];
        width = new double[cells];
        porosity = new double[cells];
        specificArea = new double[cells];
        fluxFactor = new double[cells];
        double[] transportFactor = new double[cells];
        double[] solidConductivity = new double[cells];
        int next = 0;
        // a planar anode's interface unknowns come first: [c_0 (binary only), phi_e,0]
        int interfaceConcentration = metal != null && carriesConcentration ? next++ : -1;
        int interfacePotential = metal != null ? next++ : -1;
        for (int i = 0; i < cells; i++) {
            domain[i] = i < negativeCells ? NEGATIVE : (i < positiveStart ? SEPARATOR : POSITIVE);
            width[i] = mesh.widthAt(i);
            particleStart[i] = -1;
            surfaceIndex[i] = -1;
            solidPotentialIndex[i] = -1;
            if (domain[i] == SEPARATOR) {
                porosity[i] = design.separator().porosity();
                transportFactor[i] = design.separator().electrolyteTransportFactor();
            } else {
                PorousElectrode e = electrodeOf(i);
                SphericalParticle p = particleOf(i);
                porosity[i] = e.porosity();
                transportFactor[i] = e.electrolyteTransportFactor();
                specificArea[i] = e.specificInterfacialArea();
                fluxFactor[i] = e.contactFraction();
                solidConductivity[i] = e.effectiveConductivity();
                particleStart[i] = next;
                surfaceIndex[i] = next + p.surfaceIndex();
                next += p.unknowns();
            }
            concentrationIndex[i] = carriesConcentration ? next++ : -1;
            electrolytePotentialIndex[i] = next++;
            if (domain[i] != SEPARATOR) {
                solidPotentialIndex[i] = next++;
            }
        }
        this.temperatureIndex = thermal != null ? next++ : -1;
        int dimension = next + 1;
        this.transport = new ElectrolyteTransport(design.electrolyte(), width, porosity, transportFactor,
                concentrationIndex, electrolytePotentialIndex);
        solidFaceConductance = new double[cells];
        halfWidth = new double[cells];
        for (int i = 0; i < cells; i++) {
            halfWidth[i] = 0.5 * width[i];
        }
        for (int f = 1; f < cells; f++) {
            double dl = 0.5 * width[f - 1];
            double dr = 0.5 * width[f];
            if (domain[f - 1] == domain[f] && domain[f] != SEPARATOR) {
                solidFaceConductance[f] = 1.0 / (dl / solidConductivity[f - 1] + dr / solidConductivity[f]);
            }
        }
        this.boundary = metal != null
                ? new MetalInterface(metal, transport, interfaceConcentration, interfacePotential, electrolytePotentialIndex[0],
                        transportFactor[0] / (0.5 * width[0]), width[0])
                : new GroundedCollector(solidPotentialIndex[0], solidConductivity[0] / (0.5 * width[0]));
        collectorResistance = 0.5 * width[cells - 1] / solidConductivity[cells - 1];

        List<String> absent = new ArrayList<>();
        if (negative == null) {
            absent.add(CellOutputs.NEGATIVE_STOICHIOMETRY);
        }
        if (!carriesConcentration) {
            absent.add(CellOutputs.CONCENTRATION_OVERPOTENTIAL);
        }
        this.scalars = new CellOutputs.Selection(absent, thermal != null ? CellOutputs.THERMAL : List.of());
        shiftedState = thermal != null ? new double[dimension] : null;
        baseResidual = thermal != null ? new double[dimension] : null;
        shiftedResidual = thermal != null ? new double[dimension] : null;

        double[] x = mesh.centres();
        double[] xn = java.util.Arrays.copyOfRange(x, 0, negativeCells);
        double[] xp = java.util.Arrays.copyOfRange(x, positiveStart, cells);
        List<FieldOutput> f = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        f.add(new FieldOutput(CellOutputs.ELECTROLYTE_CONCENTRATION, "x [m]", x));
        kinds.add("ce");
        f.add(new FieldOutput(CellOutputs.ELECTROLYTE_POTENTIAL, "x [m]", x));
        kinds.add("phie");
        if (negative != null) {
            f.add(new FieldOutput(CellOutputs.NEGATIVE_POTENTIAL, "x_n [m]", xn));
            kinds.add("phis-n");
        }
        f.add(new FieldOutput(CellOutputs.POSITIVE_POTENTIAL, "x_p [m]", xp));
        kinds.add("phis-p");
        if (negative != null) {
            f.add(new FieldOutput(CellOutputs.NEGATIVE_SURFACE_CONCENTRATION, "x_n [m]", xn));
            kinds.add("cs-n");
        }
        f.add(new FieldOutput(CellOutputs.POSITIVE_SURFACE_CONCENTRATION, "x_p [m]", xp));
        kinds.add("cs-p");
        if (negative != null) {
            f.add(new FieldOutput(CellOutputs.NEGATIVE_INTERFACIAL_CURRENT, "x_n [m]", xn));
            kinds.add("j-n");
        }
        f.add(new FieldOutput(CellOutputs.POSITIVE_INTERFACIAL_CURRENT, "x_p [m]", xp));
        kinds.add("j-p");
        fields = Collections.unmodifiableList(f);
        fieldKinds = List.copyOf(kinds);
        recordPattern(dimension);
        for (int i = 0; i < cells; i++) {
            String region = domain[i] == NEGATIVE ? "negative electrode" : (domain[i] == SEPARATOR ? "separator" : "positive electrode");
            if (particleStart[i] >= 0) {
                particleRange(particleOf(i), particleStart[i], electrodeOf(i).maximumConcentration(),
                        domain[i] == NEGATIVE ? "Negative" : "Positive", x[i], region);
            }
            if (concentrationIndex[i] >= 0) {
                electrolyteConcentrationRange(concentrationIndex[i], x[i], region);
            }
        }
        if (interfaceConcentration >= 0) {
            electrolyteConcentrationRange(interfaceConcentration, Double.NaN, "the lithium-metal interface");
        }
    }

    /** sigma_e,eff of positive cell i in state y (composite cathode). */
    private double compositeConductivity(double[] y, int i, double temperature) {
        return composite.electronicConductivity(y[surfaceIndex[i]] / positive.maximumConcentration(), temperature);
    }

    /** d sigma_e,eff / d c_R of positive cell i. */
    private double compositeConductivityDerivative(double[] y, int i, double temperature) {
        double cmax = positive.maximumConcentration();
        return composite.electronicConductivityDerivative(y[surfaceIndex[i]] / cmax, temperature) / cmax;
    }

    /** Solid conductance of interior face f in state y [S/m2]. */
    private double solidConductance(double[] y, int f, double temperature) {
        double gs = solidFaceConductance[f];
        if (gs > 0.0 && composite != null && domain[f] == POSITIVE) {
            return 1.0 / (halfWidth[f - 1] / compositeConductivity(y, f - 1, temperature)
                    + halfWidth[f] / compositeConductivity(y, f, temperature));
        }
        return gs;
    }

    /** Resistance of the half cell next to the positive collector in state y [ohm.m2]. */
    private double collectorResistance(double[] y, double temperature) {
        return composite == null ? collectorResistance : halfWidth[cells - 1] / compositeConductivity(y, cells - 1, temperature);
    }

    private PorousElectrode electrodeOf(int cell) {
        return domain[cell] == NEGATIVE ? negative : positive;
    }

    private SphericalParticle particleOf(int cell) {
        return domain[cell] == NEGATIVE ? negativeParticle : positiveParticle;
    }

    /** The x mesh (cell centres are the field positions). */
    public Mesh1D mesh() {
        return mesh;
    }

    /** The electrolyte transport block. */
    public ElectrolyteTransport electrolyteTransport() {
        return transport;
    }

    /** Cell temperature [K] in state y: the unknown T of a lumped cell, else the fixed temperature. */
    public double temperature(double[] y) {
        return temperatureIndex < 0 ? temperature : y[temperatureIndex];
    }

    /** Index of the temperature unknown, -1 for an isothermal cell. */
    public int temperatureIndex() {
        return temperatureIndex;
    }

    @Override
    public List<String> scalarOutputNames() {
        return scalars.names();
    }

    @Override
    protected void markAlgebraic(boolean[] algebraic) {
        boundary.markAlgebraic(algebraic);
        for (int i = 0; i < cells; i++) {
            algebraic[electrolytePotentialIndex[i]] = true;
            if (domain[i] != SEPARATOR) {
                // the surface concentration relaxes (SphericalParticle): a differential unknown
                algebraic[solidPotentialIndex[i]] = true;
            }
        }
    }

    private double negativeOpenCircuitPotential(double t) {
        return negative == null ? ((MetalInterface) boundary).metal().openCircuitPotential()
                : negative.openCircuitPotential().value(negative.initialConcentration() / negative.maximumConcentration(), t);
    }

    @Override
    public double[] initialState() {
        double[] y = new double[dimension()];
        double t0 = temperature;
        double un = negativeOpenCircuitPotential(t0);
        double up = positive.openCircuitPotential().value(positive.initialConcentration() / positive.maximumConcentration(), t0);
        for (int i = 0; i < cells; i++) {
            if (transport.carriesConcentration()) {
                y[concentrationIndex[i]] = transport.constantConcentration();
            }
            y[electrolytePotentialIndex[i]] = -un;
            if (domain[i] != SEPARATOR) {
                PorousElectrode e = electrodeOf(i);
                for (int k = 0; k <= particleOf(i).shells(); k++) {
                    y[particleStart[i] + k] = e.initialConcentration();
                }
                y[solidPotentialIndex[i]] = domain[i] == NEGATIVE ? 0.0 : up - un;
            }
        }
        boundary.initialState(y, -un);
        if (temperatureIndex >= 0) {
            y[temperatureIndex] = t0;
        }
        y[currentIndex()] = initialCurrentGuess(up - un);
        return y;
    }

    /** Interfacial current density j [A/m2] of an electrode cell in state y at temperature T. */
    private double reaction(double[] y, int i, double temperature) {
        PorousElectrode e = electrodeOf(i);
        double cs = y[surfaceIndex[i]];
        double eta = y[solidPotentialIndex[i]] - y[electrolytePotentialIndex[i]]
                - e.openCircuitPotential().value(cs / e.maximumConcentration(), temperature);
        return e.kinetics().current(eta, transport.concentration(y, i), cs, temperature);
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        double temperature = temperature(y);
        double current = y[currentIndex()];
        double currentDensity = current / design.electrodeArea();
        ElectrolyteTransport tr = transport;
        for (int i = 0; i < cells; i++) {
            int phie = electrolytePotentialIndex[i];
            if (domain[i] == SEPARATOR) {
                tr.storageResidual(i, yDot, residual);
                residual[phie] = 0.0;
                continue;
            }
            double j = reaction(y, i, temperature);
            particleOf(i).residual(y, yDot, particleStart[i], fluxFactor[i] * j / Constants.FARADAY, temperature, residual);
            double aj = specificArea[i] * j;
            tr.storageResidual(i, yDot, aj, residual);
            residual[phie] = -aj * width[i];
            residual[solidPotentialIndex[i]] = aj * width[i];
        }
        tr.faceResidual(y, temperature, residual);
        for (int f = 1; f < cells; f++) {
            double gs = solidConductance(y, f, temperature);
            if (gs > 0.0) {
                int l = f - 1;
                double electronicCurrent = -gs * (y[solidPotentialIndex[f]] - y[solidPotentialIndex[l]]);
                residual[solidPotentialIndex[l]] += electronicCurrent;
                residual[solidPotentialIndex[f]] -= electronicCurrent;
            }
        }
        boundary.residual(y, temperature, residual);
        // Collector at x = L: i_s = I/A leaves the last cell.
        residual[solidPotentialIndex[cells - 1]] += currentDensity;
        if (temperatureIndex >= 0) {
            residual[temperatureIndex] = thermalResidual(y, yDot, temperature);
        }
        residual[currentIndex()] = controlResidual(voltage(y), current);
    }

    /** rho c_p V dT/dt - A (Q_irr + Q_rev) + h A_ext (T - T_amb) [W]. */
    private double thermalResidual(double[] y, double[] yDot, double temperature) {
        double[] e = energy;
        energyTerms(y, e);
        double heat = design.electrodeArea() * (e[0] + e[1] + e[2] + e[3]);
        return thermal.heatCapacity() * yDot[temperatureIndex] - heat
                + thermal.coolingConductance() * (temperature - thermal.ambientTemperature());
    }

    /**
     * Heat and chemical power per unit plate area [W/m2] in state y, into out:
     * {reaction heat sum a j eta dx, reversible heat sum a j T dU/dT dx, solid ohmic heat
     * (faces, collectors), electrolyte ohmic heat (faces, a planar anode's half cell),
     * chemical power sum a j U dx}. With F the residual, these satisfy
     * sum over potential rows phi_k F_k = out[0] + out[2] + out[3] + out[4] + (I/A) V exactly.
     */
    public void energyTerms(double[] y, double[] out) {
        double temperature = temperature(y);
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < cells; i++) {
            if (domain[i] == SEPARATOR) {
                continue;
            }
            PorousElectrode e = electrodeOf(i);
            double sto = y[surfaceIndex[i]] / e.maximumConcentration();
            double u = e.openCircuitPotential().value(sto, temperature);
            double eta = y[solidPotentialIndex[i]] - y[electrolytePotentialIndex[i]] - u;
            double ajw = specificArea[i] * reaction(y, i, temperature) * width[i];
            out[0] += ajw * eta;
            out[1] += ajw * temperature * EntropicOcp.entropicChange(e.openCircuitPotential(), sto, temperature);
            out[4] += ajw * u;
        }
        for (int f = 1; f < cells; f++) {
            double gs = solidConductance(y, f, temperature);
            if (gs > 0.0) {
                double drop = y[solidPotentialIndex[f]] - y[solidPotentialIndex[f - 1]];
                out[2] += gs * drop * drop;
            }
        }
        double currentDensity = y[currentIndex()] / design.electrodeArea();
        out[2] += currentDensity * currentDensity * collectorResistance(y, temperature);
        out[3] += transport.faceOhmicHeat(y, temperature);
        boundary.energyTerms(y, temperature, out);
    }

    @Override
    protected void assembleJacobian(double t, double[] y, double[] yDot, double cj) {
        double temperature = temperature(y);
        double[] kw = kineticsWork;
        ElectrolyteTransport tr = transport;
        boolean withConcentration = tr.carriesConcentration();
        for (int i = 0; i < cells; i++) {
            int ce = concentrationIndex[i];
            int phie = electrolytePotentialIndex[i];
            if (domain[i] == SEPARATOR) {
                tr.storageJacobian(i, cj, recorder);
                continue;
            }
            PorousElectrode e = electrodeOf(i);
            SphericalParticle p = particleOf(i);
            int cs = surfaceIndex[i];
            int phis = solidPotentialIndex[i];
            double csValue = y[cs];
            double cmax = e.maximumConcentration();
            double sto = csValue / cmax;
            double eta = y[phis] - y[phie] - e.openCircuitPotential().value(sto, temperature);
            e.kinetics().evaluate(eta, tr.concentration(y, i), csValue, temperature, kw);
            double j = kw[0];
            double djdEta = kw[1];
            double djdCe = withConcentration ? kw[2] : 0.0;
            double djdCs = kw[3] - djdEta * e.openCircuitPotential().derivative(sto, temperature) / cmax;
            double molarFlux = fluxFactor[i] * j / Constants.FARADAY;
            p.jacobian(y, particleStart[i], molarFlux, temperature, cj, recorder);
            double toFlux = fluxFactor[i] / Constants.FARADAY;
            int outer = particleStart[i] + p.shells() - 1;
            double so = p.outerShellFluxSensitivity() * toFlux;
            double ss = p.surfaceFluxSensitivity(csValue, temperature) * toFlux;
            addReactionRow(outer, so, i, djdCs, djdCe, djdEta);
            addReactionRow(cs, ss, i, djdCs, djdCe, djdEta);
            double a = specificArea[i];
            if (withConcentration) {
                tr.storageJacobian(i, cj, recorder);
                addReactionRow(ce, -tr.saltSourceFactor() * a, i, djdCs, djdCe, djdEta);
            }
            addReactionRow(phie, -a * width[i], i, djdCs, djdCe, djdEta);
            addReactionRow(phis, a * width[i], i, djdCs, djdCe, djdEta);
        }
        tr.faceJacobian(y, temperature, recorder);
        for (int f = 1; f < cells; f++) {
            double gs = solidConductance(y, f, temperature);
            if (gs > 0.0) {
                int sl = solidPotentialIndex[f - 1];
                int sr = solidPotentialIndex[f];
                recorder.add(sl, sl, gs);
                recorder.add(sl, sr, -gs);
                recorder.add(sr, sl, -gs);
                recorder.add(sr, sr, gs);
                if (composite != null && domain[f] == POSITIVE) {
                    // i = -g (phi_r - phi_l), g = 1/(dl/s_l + dr/s_r): dg/ds_k = g^2 d_k / s_k^2
                    double sLeft = compositeConductivity(y, f - 1, temperature);
                    double sRight = compositeConductivity(y, f, temperature);
                    double drop = y[sr] - y[sl];
                    double dLeft = -drop * gs * gs * halfWidth[f - 1] / (sLeft * sLeft) * compositeConductivityDerivative(y, f - 1, temperature);
                    double dRight = -drop * gs * gs * halfWidth[f] / (sRight * sRight) * compositeConductivityDerivative(y, f, temperature);
                    recorder.add(sl, surfaceIndex[f - 1], dLeft);
                    recorder.add(sl, surfaceIndex[f], dRight);
                    recorder.add(sr, surfaceIndex[f - 1], -dLeft);
                    recorder.add(sr, surfaceIndex[f], -dRight);
                }
            }
        }
        boundary.jacobian(y, temperature, recorder);
        int last = solidPotentialIndex[cells - 1];
        int iI = currentIndex();
        double area = design.electrodeArea();
        recorder.add(last, iI, 1.0 / area);
        double current = y[iI];
        double v = voltage(y);
        double rc = collectorResistance(y, temperature);
        recorder.add(iI, last, controlDerivative(v, current, 1.0, false));
        recorder.add(iI, iI, controlDerivative(v, current, -rc / area, true));
        if (composite != null) {
            // V = phi_s,last - (I/A) (dx/2) / sigma(c_R,last)
            double sLast = compositeConductivity(y, cells - 1, temperature);
            double dV = current / area * halfWidth[cells - 1] / (sLast * sLast) * compositeConductivityDerivative(y, cells - 1, temperature);
            recorder.add(iI, surfaceIndex[cells - 1], controlDerivative(v, current, dV, false));
        }
        if (temperatureIndex >= 0) {
            temperatureJacobian(t, y, yDot, cj);
        }
    }

    /**
     * The T column by a central difference of the whole residual (every row may depend on T;
     * two residual evaluations per Jacobian, step 1e-5 T), plus cj rho c_p V on the diagonal;
     * the T row's dependence on the other unknowns, -A dQ/dy, analytically.
     */
    private void temperatureJacobian(double t, double[] y, double[] yDot, double cj) {
        int iT = temperatureIndex;
        int n = dimension();
        recorder.add(iT, iT, cj * thermal.heatCapacity());
        heatJacobian(y, -design.electrodeArea());
        if (recorder.isRecording()) {
            for (int row = 0; row < n; row++) {
                recorder.add(row, iT, 0.0);
            }
            return;
        }
        double h = 1e-5 * Math.abs(y[iT]);
        System.arraycopy(y, 0, shiftedState, 0, n);
        shiftedState[iT] = y[iT] + h;
        residual(t, shiftedState, yDot, shiftedResidual);
        shiftedState[iT] = y[iT] - h;
        residual(t, shiftedState, yDot, baseResidual);
        double step = (y[iT] + h) - (y[iT] - h);
        for (int row = 0; row < n; row++) {
            recorder.add(row, iT, (shiftedResidual[row] - baseResidual[row]) / step);
        }
    }

    /**
     * Adds scale * d(Q_irr + Q_rev)/dy (per unit area, {@link #energyTerms} 0-3) into the T row,
     * for every unknown but T: per electrode cell a dx j (eta + T dU/dT), the solid faces
     * gs dphi^2, the collector (I/A)^2 R, the electrolyte faces and the x = 0 boundary.
     */
    private void heatJacobian(double[] y, double scale) {
        double temperature = temperature(y);
        int row = temperatureIndex;
        double[] kw = kineticsWork;
        for (int i = 0; i < cells; i++) {
            if (domain[i] == SEPARATOR) {
                continue;
            }
            PorousElectrode e = electrodeOf(i);
            int cs = surfaceIndex[i];
            double cmax = e.maximumConcentration();
            double sto = y[cs] / cmax;
            double u = e.openCircuitPotential().value(sto, temperature);
            double du = e.openCircuitPotential().derivative(sto, temperature);
            double entropic = EntropicOcp.entropicChange(e.openCircuitPotential(), sto, temperature);
            double dEntropic = EntropicOcp.entropicChangeDerivative(e.openCircuitPotential(), sto, temperature);
            double eta = y[solidPotentialIndex[i]] - y[electrolytePotentialIndex[i]] - u;
            e.kinetics().evaluate(eta, transport.concentration(y, i), y[cs], temperature, kw);
            double j = kw[0];
            double factor = eta + temperature * entropic;
            double aw = scale * specificArea[i] * width[i];
            double dPhi = aw * (kw[1] * factor + j);
            double djdCs = kw[3] - kw[1] * du / cmax;
            recorder.add(row, cs, aw * (djdCs * factor + j * (-du + temperature * dEntropic) / cmax));
            if (concentrationIndex[i] >= 0) {
                recorder.add(row, concentrationIndex[i], aw * kw[2] * factor);
            }
            recorder.add(row, solidPotentialIndex[i], dPhi);
            recorder.add(row, electrolytePotentialIndex[i], -dPhi);
        }
        for (int f = 1; f < cells; f++) {
            double gs = solidFaceConductance[f];
            if (gs > 0.0) {
                double d = 2.0 * scale * gs * (y[solidPotentialIndex[f]] - y[solidPotentialIndex[f - 1]]);
                recorder.add(row, solidPotentialIndex[f], d);
                recorder.add(row, solidPotentialIndex[f - 1], -d);
            }
        }
        double area = design.electrodeArea();
        recorder.add(row, currentIndex(), scale * 2.0 * y[currentIndex()] * collectorResistance / (area * area));
        transport.faceOhmicHeatJacobian(y, temperature, row, scale, recorder);
        boundary.heatJacobian(y, temperature, row, scale, recorder);
    }

    /** Adds scale * dj/d(column) for the four columns j depends on in cell i. */
    private void addReactionRow(int row, double scale, int i, double djdCs, double djdCe, double djdEta) {
        recorder.add(row, surfaceIndex[i], scale * djdCs);
        if (concentrationIndex[i] >= 0) {
            recorder.add(row, concentrationIndex[i], scale * djdCe);
        }
        recorder.add(row, electrolytePotentialIndex[i], -scale * djdEta);
        recorder.add(row, solidPotentialIndex[i], scale * djdEta);
    }

    @Override
    public double voltage(double[] y) {
        return y[solidPotentialIndex[cells - 1]] - y[currentIndex()] / design.electrodeArea() * collectorResistance(y, temperature(y));
    }

    /** Lithium in the particles of both electrodes [mol]. */
    public double lithiumInParticles(double[] y) {
        double s = 0.0;
        for (int i = 0; i < cells; i++) {
            if (domain[i] != SEPARATOR) {
                s += electrodeOf(i).activeMaterialFraction() * width[i] * particleOf(i).averageConcentration(y, particleStart[i]);
            }
        }
        return s * design.electrodeArea();
    }

    /** Lithium (Li+) in the electrolyte [mol]. */
    public double lithiumInElectrolyte(double[] y) {
        return transport.lithiumPerArea(y) * design.electrodeArea();
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
        double temperature = temperature(y);
        double v = voltage(y);
        double ocv = 0.0;
        double etaR = 0.0;
        double lnCe = 0.0;
        double phiE = 0.0;
        double phiS = 0.0;
        double stoN = negative == null ? Double.NaN : 0.0;
        double negativeBulkOcp;
        if (boundary instanceof MetalInterface m) {
            // The metal interface plays the role of the negative electrode's x-average.
            double phiIf = y[m.potentialIndex()];
            double um = m.metal().openCircuitPotential();
            ocv = -um;
            etaR = phiIf + um; // -(0 - phi_e - U)
            lnCe = -Math.log(m.concentration(y));
            phiE = -phiIf;
            negativeBulkOcp = um;
        } else {
            negativeBulkOcp = Double.NaN;
        }
        double stoP = 0.0;
        for (int i = 0; i < cells; i++) {
            if (domain[i] == SEPARATOR) {
                continue;
            }
            PorousElectrode e = electrodeOf(i);
            // x-average over the electrode, with sign + for positive and - for negative.
            double w = (domain[i] == POSITIVE ? 1.0 : -1.0) * width[i] / e.thickness();
            double cs = y[surfaceIndex[i]];
            double u = e.openCircuitPotential().value(cs / e.maximumConcentration(), temperature);
            double phie = y[electrolytePotentialIndex[i]];
            double phis = y[solidPotentialIndex[i]];
            ocv += w * u;
            etaR += w * (phis - phie - u);
            lnCe += w * Math.log(transport.concentration(y, i));
            phiE += w * phie;
            // solid losses: mean(phi_s - phi_s(0)) over n minus mean(phi_s - V) over p
            phiS -= w * (domain[i] == POSITIVE ? phis - v : phis);
            double sto = particleOf(i).averageConcentration(y, particleStart[i]) / e.maximumConcentration() * width[i] / e.thickness();
            if (domain[i] == NEGATIVE) {
                stoN += sto;
            } else {
                stoP += sto;
            }
        }
        if (negative != null) {
            negativeBulkOcp = negative.openCircuitPotential().value(stoN, temperature);
        }
        double etaC = transport.diffusionPotentialFactor(temperature) * lnCe;
        double particles = lithiumInParticles(y);
        double liquid = lithiumInElectrolyte(y);
        CellOutputs.writeScalars(scalars.standard(), v, ocv, positive.openCircuitPotential().value(stoP, temperature)
                - negativeBulkOcp, etaR, etaC, phiE - etaC, phiS, stoN, stoP, particles, liquid);
        scalars.write(out);
        if (temperatureIndex >= 0) {
            double[] e = energy;
            energyTerms(y, e);
            double area = design.electrodeArea();
            int k = scalars.extraOffset();
            out[k] = temperature;
            out[k + 1] = area * (e[0] + e[1] + e[2] + e[3]);
            out[k + 2] = area * e[1];
            out[k + 3] = area * (e[0] + e[2] + e[3]);
        }
    }

    @Override
    public List<FieldOutput> fieldOutputs() {
        return fields;
    }

    @Override
    public void field(int index, double t, double[] y, double[] yDot, double[] out) {
        if (index < 0 || index >= fieldKinds.size()) {
            throw new IllegalArgumentException("field index " + index + " out of range 0.." + (fieldKinds.size() - 1));
        }
        String kind = fieldKinds.get(index);
        if (kind.equals("ce") || kind.equals("phie")) {
            for (int i = 0; i < cells; i++) {
                out[i] = kind.equals("ce") ? transport.concentration(y, i) : y[electrolytePotentialIndex[i]];
            }
            return;
        }
        double temperature = temperature(y);
        boolean neg = kind.endsWith("-n");
        int from = neg ? 0 : positiveStart;
        int to = neg ? negativeCells : cells;
        for (int i = from; i < to; i++) {
            double value;
            if (kind.startsWith("phis")) {
                value = y[solidPotentialIndex[i]];
            } else if (kind.startsWith("cs")) {
                value = y[surfaceIndex[i]];
            } else {
                value = reaction(y, i, temperature);
            }
            out[i - from] = value;
        }
    }

    /** Interfacial current density of the planar anode [A/m2] (NaN for a porous anode). */
    public double metalInterfaceCurrentDensity(double[] y) {
        return boundary instanceof MetalInterface m ? m.reaction(y, temperature(y)) : Double.NaN;
    }

    // Accessors for tests, validation and benchmarks.

    /** Number of x-cells. */
    public int cells() {
        return cells;
    }

    /** Index of the electrolyte concentration of x-cell i (-1 for a single-ion electrolyte). */
    public int electrolyteConcentrationIndex(int cell) {
        return concentrationIndex[cell];
    }

    /** Index of the electrolyte potential of x-cell i. */
    public int electrolytePotentialIndex(int cell) {
        return electrolytePotentialIndex[cell];
    }

    /** Index of the electrolyte potential at a planar anode's surface (-1 for a porous anode). */
    public int interfacePotentialIndex() {
        return boundary instanceof MetalInterface m ? m.potentialIndex() : -1;
    }

    /** Index of the solid potential of x-cell i (-1 in the separator). */
    public int solidPotentialIndex(int cell) {
        return solidPotentialIndex[cell];
    }

    /** Index of the particle surface concentration of x-cell i (-1 in the separator). */
    public int surfaceConcentrationIndex(int cell) {
        return surfaceIndex[cell];
    }

    /** Index of the first shell of x-cell i's particle (-1 in the separator). */
    public int particleStartIndex(int cell) {
        return particleStart[cell];
    }

    /**
     * The composite cathode's derived composition and effective properties at the initial
     * state (for summary.json), or an empty map for a conventional positive electrode.
     */
    public java.util.Map<String, Object> compositeSummary() {
        if (composite == null) {
            return java.util.Map.of();
        }
        return composite.summary(temperature, positive.initialConcentration() / positive.maximumConcentration());
    }

    /**
     * What the terminal voltage is measured against: the negative electrode. For a planar metal
     * anode at U vs Li/Li+ (Li-In: 0.62 V), V vs Li = V + U.
     */
    public String voltageReference() {
        if (boundary instanceof MetalInterface m) {
            double u = m.metal().openCircuitPotential();
            return u == 0.0 ? "Li/Li+ (lithium-metal counter electrode)"
                    : String.format(java.util.Locale.ROOT, "the metal counter electrode at %.3f V vs Li/Li+%s (V vs Li = V + %.3f V)",
                            u, Math.abs(u - 0.62) < 1e-12 ? ", i.e. Li-In (In + InLi)" : "", u);
        }
        return "the porous negative electrode (full cell)";
    }

    /** Number of shells per particle. */
    public int particleShells() {
        return positiveParticle.shells();
    }
}

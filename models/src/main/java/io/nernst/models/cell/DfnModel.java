package io.nernst.models.cell;

import io.nernst.core.model.FieldOutput;
import io.nernst.models.ModelOptions;
import io.nernst.models.electrode.PlanarMetalElectrode;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.electrolyte.Electrolyte;
import io.nernst.models.electrolyte.ElectrolyteKind;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.particle.SphericalParticle;
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
 * <p>Planar metal anode (Li, Li-In; {@link PlanarMetalElectrode}): the x-mesh starts at the
 * separator, and two algebraic unknowns at x = 0 carry the interface - the electrolyte
 * concentration c_0 and potential phi_e,0 at the metal surface - with the half-cell flux
 * equations -D_e f (c_1 - c_0)/(dx/2) = (1 - t+) j_Li / F and
 * -kappa f [(phi_e,1 - phi_e,0) - (2RT/F)(1 - t+) TDF ln(c_1/c_0)]/(dx/2) = j_Li, where
 * j_Li = BV(0 - phi_e,0 - U_metal, c_0) with the metal grounded: the interface kinetics in series
 * with the separator (physics.md section 4). The metal's lithium inventory is unlimited.
 *
 * <p>Unknown ordering (narrow band): [interface unknowns of a planar anode], then per x-cell, electrode cells hold
 * [c_0 .. c_{n_r-1}, c_R, c_e, phi_e, phi_s], separator cells [c_e, phi_e] (a single-ion
 * electrolyte drops c_e); the terminal current I is last. Lithium (shells and electrolyte
 * salt, both in flux form) is conserved to round-off by the residual.
 */
public final class DfnModel extends AbstractCellModel {
    static final int NEGATIVE = 0;
    static final int SEPARATOR = 1;
    static final int POSITIVE = 2;

    private final PorousElectrode negative;
    private final PlanarMetalElectrode metal;
    private final boolean planar;
    private final int interfaceConcentrationIndex;
    private final int interfacePotentialIndex;
    /** f(eps) / (dx_0 / 2) of the first cell: conductance of the half cell next to a planar anode. */
    private final double interfaceConductance;
    private final PorousElectrode positive;
    private final Electrolyte electrolyte;
    private final boolean binary;
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
    /** Electrolyte geometric conductance 1/(dL/f_L + dR/f_R) of interior face f (1..cells-1). */
    private final double[] electrolyteFaceConductance;
    /** Weight of the left cell in the face concentration. */
    private final double[] faceWeightLeft;
    /** Solid conductance of interior face f, 0 where the face is not inside an electrode. */
    private final double[] solidFaceConductance;
    private final double groundConductance;
    private final double collectorResistance;
    private final double diffusionPotentialFactor;
    private final double saltSourceFactor;
    private final double constantConcentration;
    private final DifferentiableFunction diffusivity;
    private final DifferentiableFunction conductivity;

    private final List<FieldOutput> fields;
    private final List<String> fieldKinds;
    private final double[] kineticsWork = new double[4];

    public DfnModel(CellDesign design, ModelOptions options) {
        super(design, "DFN");
        this.planar = design.negative() instanceof PlanarMetalElectrode;
        this.negative = planar ? null : design.porousNegative();
        this.metal = planar ? (PlanarMetalElectrode) design.negative() : null;
        this.positive = design.positive();
        this.electrolyte = design.electrolyte();
        this.binary = electrolyte.kind() == ElectrolyteKind.BINARY;
        this.diffusivity = electrolyte.diffusivity();
        this.conductivity = electrolyte.conductivity();
        this.constantConcentration = electrolyte.initialConcentration();
        double ln = planar ? 0.0 : negative.thickness();
        double ls = design.separator().thickness();
        double lp = positive.thickness();
        Stretching xStretch = options.electrodeStretching() > 0 ? Stretching.tanhBothEnds(options.electrodeStretching()) : Stretching.uniform();
        Mesh1D separatorMesh = Mesh1D.stretched(Geometry.CARTESIAN, ln, ln + ls, options.separatorPoints(), xStretch);
        Mesh1D positiveMesh = Mesh1D.stretched(Geometry.CARTESIAN, ln + ls, ln + ls + lp, options.positivePoints(), xStretch);
        this.mesh = planar ? Mesh1D.concatenate(separatorMesh, positiveMesh) : Mesh1D.concatenate(
                Mesh1D.stretched(Geometry.CARTESIAN, 0, ln, options.negativePoints(), xStretch), separatorMesh, positiveMesh);
        this.negativeCells = planar ? 0 : options.negativePoints();
        this.positiveStart = negativeCells + options.separatorPoints();
        this.cells = mesh.cells();
        this.negativeParticle = planar ? null : particle(negative, options);
        this.positiveParticle = particle(positive, options);

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
        interfaceConcentrationIndex = planar && binary ? next++ : -1;
        interfacePotentialIndex = planar ? next++ : -1;
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
            concentrationIndex[i] = binary ? next++ : -1;
            electrolytePotentialIndex[i] = next++;
            if (domain[i] != SEPARATOR) {
                solidPotentialIndex[i] = next++;
            }
        }
        int dimension = next + 1;
        electrolyteFaceConductance = new double[cells];
        faceWeightLeft = new double[cells];
        solidFaceConductance = new double[cells];
        for (int f = 1; f < cells; f++) {
            double dl = 0.5 * width[f - 1];
            double dr = 0.5 * width[f];
            electrolyteFaceConductance[f] = 1.0 / (dl / transportFactor[f - 1] + dr / transportFactor[f]);
            faceWeightLeft[f] = dr / (dl + dr);
            if (domain[f - 1] == domain[f] && domain[f] != SEPARATOR) {
                solidFaceConductance[f] = 1.0 / (dl / solidConductivity[f - 1] + dr / solidConductivity[f]);
            }
        }
        groundConductance = planar ? 0.0 : solidConductivity[0] / (0.5 * width[0]);
        interfaceConductance = transportFactor[0] / (0.5 * width[0]);
        collectorResistance = 0.5 * width[cells - 1] / solidConductivity[cells - 1];
        diffusionPotentialFactor = binary ? 2.0 * Constants.thermalVoltage(temperature)
                * (1.0 - electrolyte.transferenceNumber()) * electrolyte.thermodynamicFactor() : 0.0;
        saltSourceFactor = (1.0 - electrolyte.transferenceNumber()) / Constants.FARADAY;

        double[] x = mesh.centres();
        double[] xn = java.util.Arrays.copyOfRange(x, 0, negativeCells);
        double[] xp = java.util.Arrays.copyOfRange(x, positiveStart, cells);
        List<FieldOutput> f = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        f.add(new FieldOutput(CellOutputs.ELECTROLYTE_CONCENTRATION, "x [m]", x));
        kinds.add("ce");
        f.add(new FieldOutput(CellOutputs.ELECTROLYTE_POTENTIAL, "x [m]", x));
        kinds.add("phie");
        if (!planar) {
            f.add(new FieldOutput(CellOutputs.NEGATIVE_POTENTIAL, "x_n [m]", xn));
            kinds.add("phis-n");
        }
        f.add(new FieldOutput(CellOutputs.POSITIVE_POTENTIAL, "x_p [m]", xp));
        kinds.add("phis-p");
        if (!planar) {
            f.add(new FieldOutput(CellOutputs.NEGATIVE_SURFACE_CONCENTRATION, "x_n [m]", xn));
            kinds.add("cs-n");
        }
        f.add(new FieldOutput(CellOutputs.POSITIVE_SURFACE_CONCENTRATION, "x_p [m]", xp));
        kinds.add("cs-p");
        if (!planar) {
            f.add(new FieldOutput(CellOutputs.NEGATIVE_INTERFACIAL_CURRENT, "x_n [m]", xn));
            kinds.add("j-n");
        }
        f.add(new FieldOutput(CellOutputs.POSITIVE_INTERFACIAL_CURRENT, "x_p [m]", xp));
        kinds.add("j-p");
        fields = Collections.unmodifiableList(f);
        fieldKinds = List.copyOf(kinds);
        recordPattern(dimension);
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

    @Override
    protected void markAlgebraic(boolean[] algebraic) {
        if (planar) {
            algebraic[interfacePotentialIndex] = true;
            if (binary) {
                algebraic[interfaceConcentrationIndex] = true;
            }
        }
        for (int i = 0; i < cells; i++) {
            algebraic[electrolytePotentialIndex[i]] = true;
            if (domain[i] != SEPARATOR) {
                // the surface concentration relaxes (SphericalParticle): a differential unknown
                algebraic[solidPotentialIndex[i]] = true;
            }
        }
    }

    @Override
    public double[] initialState() {
        double[] y = new double[dimension()];
        double un = planar ? metal.openCircuitPotential()
                : negative.openCircuitPotential().value(negative.initialConcentration() / negative.maximumConcentration(), temperature);
        double up = positive.openCircuitPotential().value(positive.initialConcentration() / positive.maximumConcentration(), temperature);
        for (int i = 0; i < cells; i++) {
            if (binary) {
                y[concentrationIndex[i]] = electrolyte.initialConcentration();
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
        if (planar) {
            y[interfacePotentialIndex] = -un;
            if (binary) {
                y[interfaceConcentrationIndex] = electrolyte.initialConcentration();
            }
        }
        y[currentIndex()] = initialCurrentGuess(up - un);
        return y;
    }

    private double concentration(double[] y, int cell) {
        return binary ? y[concentrationIndex[cell]] : constantConcentration;
    }

    /** Interfacial current density j [A/m2] of an electrode cell in state y. */
    private double reaction(double[] y, int i) {
        PorousElectrode e = electrodeOf(i);
        double cs = y[surfaceIndex[i]];
        double eta = y[solidPotentialIndex[i]] - y[electrolytePotentialIndex[i]]
                - e.openCircuitPotential().value(cs / e.maximumConcentration(), temperature);
        return e.kinetics().current(eta, concentration(y, i), cs, temperature);
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        double current = y[currentIndex()];
        double currentDensity = current / design.electrodeArea();
        for (int i = 0; i < cells; i++) {
            int ce = concentrationIndex[i];
            int phie = electrolytePotentialIndex[i];
            if (domain[i] == SEPARATOR) {
                if (binary) {
                    residual[ce] = porosity[i] * yDot[ce];
                }
                residual[phie] = 0.0;
                continue;
            }
            double j = reaction(y, i);
            particleOf(i).residual(y, yDot, particleStart[i], fluxFactor[i] * j / Constants.FARADAY, temperature, residual);
            double aj = specificArea[i] * j;
            if (binary) {
                residual[ce] = porosity[i] * yDot[ce] - saltSourceFactor * aj;
            }
            residual[phie] = -aj * width[i];
            residual[solidPotentialIndex[i]] = aj * width[i];
        }
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            double g = electrolyteFaceConductance[f];
            double potentialDrop = y[electrolytePotentialIndex[f]] - y[electrolytePotentialIndex[l]];
            double ionicCurrent;
            if (binary) {
                double cl = y[concentrationIndex[l]];
                double cr = y[concentrationIndex[f]];
                double cf = faceWeightLeft[f] * cl + (1.0 - faceWeightLeft[f]) * cr;
                double saltFlux = -diffusivity.value(cf, temperature) * g * (cr - cl);
                residual[concentrationIndex[l]] += saltFlux / width[l];
                residual[concentrationIndex[f]] -= saltFlux / width[f];
                ionicCurrent = -conductivity.value(cf, temperature) * g
                        * (potentialDrop - diffusionPotentialFactor * Math.log(cr / cl));
            } else {
                ionicCurrent = -conductivity.value(constantConcentration, temperature) * g * potentialDrop;
            }
            residual[electrolytePotentialIndex[l]] += ionicCurrent;
            residual[electrolytePotentialIndex[f]] -= ionicCurrent;
            double gs = solidFaceConductance[f];
            if (gs > 0.0) {
                double electronicCurrent = -gs * (y[solidPotentialIndex[f]] - y[solidPotentialIndex[l]]);
                residual[solidPotentialIndex[l]] += electronicCurrent;
                residual[solidPotentialIndex[f]] -= electronicCurrent;
            }
        }
        if (planar) {
            metalInterfaceResidual(y, residual);
        } else {
            // Ground at x = 0: i_s(0) = -sigma_eff (phi_s,0 - 0) / (dx/2) enters cell 0.
            residual[solidPotentialIndex[0]] += groundConductance * y[solidPotentialIndex[0]];
        }
        // Collector at x = L: i_s = I/A leaves the last cell.
        residual[solidPotentialIndex[cells - 1]] += currentDensity;
        residual[currentIndex()] = controlResidual(voltage(y), current);
    }

    @Override
    protected void assembleJacobian(double t, double[] y, double[] yDot, double cj) {
        double[] kw = kineticsWork;
        for (int i = 0; i < cells; i++) {
            int ce = concentrationIndex[i];
            int phie = electrolytePotentialIndex[i];
            if (domain[i] == SEPARATOR) {
                if (binary) {
                    recorder.add(ce, ce, cj * porosity[i]);
                }
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
            e.kinetics().evaluate(eta, concentration(y, i), csValue, temperature, kw);
            double j = kw[0];
            double djdEta = kw[1];
            double djdCe = binary ? kw[2] : 0.0;
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
            if (binary) {
                recorder.add(ce, ce, cj * porosity[i]);
                addReactionRow(ce, -saltSourceFactor * a, i, djdCs, djdCe, djdEta);
            }
            addReactionRow(phie, -a * width[i], i, djdCs, djdCe, djdEta);
            addReactionRow(phis, a * width[i], i, djdCs, djdCe, djdEta);
        }
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            double g = electrolyteFaceConductance[f];
            int phiL = electrolytePotentialIndex[l];
            int phiR = electrolytePotentialIndex[f];
            double potentialDrop = y[phiR] - y[phiL];
            if (binary) {
                int ceL = concentrationIndex[l];
                int ceR = concentrationIndex[f];
                double cl = y[ceL];
                double cr = y[ceR];
                double wl = faceWeightLeft[f];
                double wr = 1.0 - wl;
                double cf = wl * cl + wr * cr;
                double d = diffusivity.value(cf, temperature);
                double dd = diffusivity.derivative(cf, temperature);
                double dFluxDl = -dd * wl * g * (cr - cl) + d * g;
                double dFluxDr = -dd * wr * g * (cr - cl) - d * g;
                recorder.add(ceL, ceL, dFluxDl / width[l]);
                recorder.add(ceL, ceR, dFluxDr / width[l]);
                recorder.add(ceR, ceL, -dFluxDl / width[f]);
                recorder.add(ceR, ceR, -dFluxDr / width[f]);
                double k = conductivity.value(cf, temperature);
                double dk = conductivity.derivative(cf, temperature);
                double drive = potentialDrop - diffusionPotentialFactor * Math.log(cr / cl);
                double dIdCl = -dk * wl * g * drive - k * g * diffusionPotentialFactor / cl;
                double dIdCr = -dk * wr * g * drive + k * g * diffusionPotentialFactor / cr;
                recorder.add(phiL, ceL, dIdCl);
                recorder.add(phiL, ceR, dIdCr);
                recorder.add(phiR, ceL, -dIdCl);
                recorder.add(phiR, ceR, -dIdCr);
                double kg = k * g;
                recorder.add(phiL, phiL, kg);
                recorder.add(phiL, phiR, -kg);
                recorder.add(phiR, phiL, -kg);
                recorder.add(phiR, phiR, kg);
            } else {
                double kg = conductivity.value(constantConcentration, temperature) * g;
                recorder.add(phiL, phiL, kg);
                recorder.add(phiL, phiR, -kg);
                recorder.add(phiR, phiL, -kg);
                recorder.add(phiR, phiR, kg);
            }
            double gs = solidFaceConductance[f];
            if (gs > 0.0) {
                int sl = solidPotentialIndex[l];
                int sr = solidPotentialIndex[f];
                recorder.add(sl, sl, gs);
                recorder.add(sl, sr, -gs);
                recorder.add(sr, sl, -gs);
                recorder.add(sr, sr, gs);
            }
        }
        if (planar) {
            metalInterfaceJacobian(y);
        } else {
            recorder.add(solidPotentialIndex[0], solidPotentialIndex[0], groundConductance);
        }
        int last = solidPotentialIndex[cells - 1];
        int iI = currentIndex();
        double area = design.electrodeArea();
        recorder.add(last, iI, 1.0 / area);
        double current = y[iI];
        double v = voltage(y);
        recorder.add(iI, last, controlDerivative(v, current, 1.0, false));
        recorder.add(iI, iI, controlDerivative(v, current, -collectorResistance / area, true));
    }

    /** Electrolyte concentration at the metal surface (planar anode). */
    private double interfaceConcentration(double[] y) {
        return binary ? y[interfaceConcentrationIndex] : constantConcentration;
    }

    /** Interface current density j_Li [A/m2] of a planar anode, the metal at potential 0. */
    private double metalReaction(double[] y) {
        double eta = -y[interfacePotentialIndex] - metal.openCircuitPotential();
        return metal.kinetics().current(eta, interfaceConcentration(y), 0.0, temperature);
    }

    /** Interface rows and the left-face fluxes of cell 0 for a planar anode. */
    private void metalInterfaceResidual(double[] y, double[] residual) {
        double j = metalReaction(y);
        int phi0 = electrolytePotentialIndex[0];
        double phiIf = y[interfacePotentialIndex];
        double g = interfaceConductance;
        double ionic;
        if (binary) {
            int ce0 = concentrationIndex[0];
            double c0 = y[ce0];
            double cIf = y[interfaceConcentrationIndex];
            ionic = -conductivity.value(cIf, temperature) * g * ((y[phi0] - phiIf) - diffusionPotentialFactor * Math.log(c0 / cIf));
            double salt = -diffusivity.value(cIf, temperature) * g * (c0 - cIf);
            residual[interfaceConcentrationIndex] = salt - saltSourceFactor * j;
            residual[ce0] -= salt / width[0];
        } else {
            ionic = -conductivity.value(constantConcentration, temperature) * g * (y[phi0] - phiIf);
        }
        residual[interfacePotentialIndex] = ionic - j;
        residual[phi0] -= ionic;
    }

    private void metalInterfaceJacobian(double[] y) {
        double[] kw = kineticsWork;
        double eta = -y[interfacePotentialIndex] - metal.openCircuitPotential();
        metal.kinetics().evaluate(eta, interfaceConcentration(y), 0.0, temperature, kw);
        double djdEta = kw[1];
        double djdC = binary ? kw[2] : 0.0;
        int phi0 = electrolytePotentialIndex[0];
        int phiIf = interfacePotentialIndex;
        double g = interfaceConductance;
        if (binary) {
            int ce0 = concentrationIndex[0];
            int cIf = interfaceConcentrationIndex;
            double c0 = y[ce0];
            double ci = y[cIf];
            double k = conductivity.value(ci, temperature);
            double dk = conductivity.derivative(ci, temperature);
            double drive = (y[phi0] - y[phiIf]) - diffusionPotentialFactor * Math.log(c0 / ci);
            double kg = k * g;
            double dIonicDc0 = kg * diffusionPotentialFactor / c0;
            double dIonicDcIf = -dk * g * drive - kg * diffusionPotentialFactor / ci;
            recorder.add(phiIf, phi0, -kg);
            recorder.add(phiIf, phiIf, kg + djdEta);
            recorder.add(phiIf, ce0, dIonicDc0);
            recorder.add(phiIf, cIf, dIonicDcIf - djdC);
            recorder.add(phi0, phi0, kg);
            recorder.add(phi0, phiIf, -kg);
            recorder.add(phi0, ce0, -dIonicDc0);
            recorder.add(phi0, cIf, -dIonicDcIf);
            double d = diffusivity.value(ci, temperature);
            double dd = diffusivity.derivative(ci, temperature);
            double dSaltDc0 = -d * g;
            double dSaltDcIf = -dd * g * (c0 - ci) + d * g;
            recorder.add(cIf, ce0, dSaltDc0);
            recorder.add(cIf, cIf, dSaltDcIf - saltSourceFactor * djdC);
            recorder.add(cIf, phiIf, saltSourceFactor * djdEta);
            recorder.add(ce0, ce0, -dSaltDc0 / width[0]);
            recorder.add(ce0, cIf, -dSaltDcIf / width[0]);
        } else {
            double kg = conductivity.value(constantConcentration, temperature) * g;
            recorder.add(phiIf, phi0, -kg);
            recorder.add(phiIf, phiIf, kg + djdEta);
            recorder.add(phi0, phi0, kg);
            recorder.add(phi0, phiIf, -kg);
        }
    }

    /** Adds scale * dj/d(column) for the four columns j depends on in cell i. */
    private void addReactionRow(int row, double scale, int i, double djdCs, double djdCe, double djdEta) {
        recorder.add(row, surfaceIndex[i], scale * djdCs);
        if (binary) {
            recorder.add(row, concentrationIndex[i], scale * djdCe);
        }
        recorder.add(row, electrolytePotentialIndex[i], -scale * djdEta);
        recorder.add(row, solidPotentialIndex[i], scale * djdEta);
    }

    @Override
    public double voltage(double[] y) {
        return y[solidPotentialIndex[cells - 1]] - y[currentIndex()] / design.electrodeArea() * collectorResistance;
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
        double s = 0.0;
        for (int i = 0; i < cells; i++) {
            s += porosity[i] * width[i] * concentration(y, i);
        }
        return s * design.electrodeArea();
    }

    @Override
    public void scalarOutputs(double t, double[] y, double[] yDot, double[] out) {
        double v = voltage(y);
        double ocv = 0.0;
        double etaR = 0.0;
        double lnCe = 0.0;
        double phiE = 0.0;
        double phiS = 0.0;
        double stoN = planar ? Double.NaN : 0.0;
        if (planar) {
            // The metal interface plays the role of the negative electrode's x-average.
            double phiIf = y[interfacePotentialIndex];
            ocv = -metal.openCircuitPotential();
            etaR = phiIf + metal.openCircuitPotential(); // -(0 - phi_e - U)
            lnCe = -Math.log(interfaceConcentration(y));
            phiE = -phiIf;
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
            lnCe += w * Math.log(concentration(y, i));
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
        double etaC = diffusionPotentialFactor * lnCe;
        double particles = lithiumInParticles(y);
        double liquid = lithiumInElectrolyte(y);
        CellOutputs.writeScalars(out, v, ocv, positive.openCircuitPotential().value(stoP, temperature)
                - (planar ? metal.openCircuitPotential() : negative.openCircuitPotential().value(stoN, temperature)),
                etaR, etaC, phiE - etaC, phiS, stoN, stoP, particles, liquid);
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
                out[i] = kind.equals("ce") ? concentration(y, i) : y[electrolytePotentialIndex[i]];
            }
            return;
        }
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
                value = reaction(y, i);
            }
            out[i - from] = value;
        }
    }

    /** Interfacial current density of the planar anode [A/m2] (NaN for a porous anode). */
    public double metalInterfaceCurrentDensity(double[] y) {
        return planar ? metalReaction(y) : Double.NaN;
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

    /** Number of shells per particle. */
    public int particleShells() {
        return positiveParticle.shells();
    }
}

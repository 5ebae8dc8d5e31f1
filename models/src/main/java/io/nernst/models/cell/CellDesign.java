package io.nernst.models.cell;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.electrode.EffectiveMedium;
import io.nernst.models.electrode.Electrode;
import io.nernst.models.electrode.ElectrodeKind;
import io.nernst.models.electrode.PlanarMetalElectrode;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.electrode.Separator;
import io.nernst.models.electrolyte.BinaryElectrolyte;
import io.nernst.models.electrolyte.Electrolyte;
import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.InsertionExchangeCurrent;
import io.nernst.models.kinetics.Kinetics;
import io.nernst.models.kinetics.KineticsKind;
import io.nernst.models.kinetics.MetalExchangeCurrent;
import io.nernst.models.electrolyte.SingleIonConductor;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.materials.EntropicOcp;
import io.nernst.models.thermal.LumpedThermalProperties;

/**
 * The physical description of a cell that the models discretise: two electrodes, a
 * separator, an electrolyte, and the operating constants. Built from a
 * {@link ParameterSet} with {@link #fromParameters}.
 *
 * @param negative        porous or planar-metal negative electrode
 * @param separator       separator
 * @param positive        porous positive electrode
 * @param electrolyte     binary or single-ion electrolyte
 * @param temperature     isothermal cell temperature, or the initial one of a lumped cell [K]
 * @param electrodeArea   plate area [m2]
 * @param nominalCapacity [A.h]
 * @param lowerCutoff     lower voltage cut-off [V]
 * @param upperCutoff     upper voltage cut-off [V]
 * @param thermal         lumped thermal properties, or null for an isothermal cell at {@code temperature}
 * @param composite       the composite cathode behind {@code positive} (solid-state cells: state-dependent
 *                        electronic conductivity, derived composition), or null for a conventional electrode
 */
public record CellDesign(Electrode negative, Separator separator, PorousElectrode positive, Electrolyte electrolyte,
                         double temperature, double electrodeArea, double nominalCapacity,
                         double lowerCutoff, double upperCutoff, LumpedThermalProperties thermal,
                         io.nernst.models.solidstate.CompositeCathode composite) {

    /** A cell with a conventional positive electrode. */
    public CellDesign(Electrode negative, Separator separator, PorousElectrode positive, Electrolyte electrolyte,
                      double temperature, double electrodeArea, double nominalCapacity, double lowerCutoff, double upperCutoff,
                      LumpedThermalProperties thermal) {
        this(negative, separator, positive, electrolyte, temperature, electrodeArea, nominalCapacity, lowerCutoff, upperCutoff,
                thermal, null);
    }

    /** An isothermal cell. */
    public CellDesign(Electrode negative, Separator separator, PorousElectrode positive, Electrolyte electrolyte,
                      double temperature, double electrodeArea, double nominalCapacity, double lowerCutoff, double upperCutoff) {
        this(negative, separator, positive, electrolyte, temperature, electrodeArea, nominalCapacity, lowerCutoff, upperCutoff, null);
    }

    /**
     * Reads a liquid-electrolyte cell with two porous electrodes (the DFN parameter names of
     * {@link io.nernst.models.parameters.ParameterNames}).
     *
     * @throws ParameterException naming the missing or inconsistent parameter
     */
    public static CellDesign fromParameters(ParameterSet p, KineticsKind kineticsKind) {
        return fromParameters(p, kineticsKind, ElectrodeKind.POROUS);
    }

    /**
     * As {@link #fromParameters(ParameterSet, KineticsKind)} with the kind of negative electrode:
     * PLANAR_METAL reads "Lithium metal exchange-current density" (at the initial electrolyte
     * concentration) and the optional "Lithium metal open-circuit potential" (default 0 V) and
     * "Lithium metal charge transfer coefficient" (default 0.5).
     */
    public static CellDesign fromParameters(ParameterSet p, KineticsKind kineticsKind, ElectrodeKind negativeKind) {
        Builder b = builder(p).kinetics(kineticsKind);
        if (negativeKind == ElectrodeKind.PLANAR_METAL) {
            b.negative(metalElectrode(p, kineticsKind, 0.0));
        }
        return b.build();
    }

    /** A builder reading {@code p}; components ({@link io.nernst.models.registry.CellComponent}) fill its slots. */
    public static Builder builder(ParameterSet p) {
        return new Builder(p);
    }

    /**
     * The cell under construction: the registry applies one component per slot, then {@link
     * #build()} reads what no component set (the positive electrode, separator, geometry) and
     * fills the defaults (porous negative, binary electrolyte, isothermal).
     */
    public static final class Builder {
        private final ParameterSet parameters;
        private KineticsKind kinetics = KineticsKind.SYMMETRIC_BUTLER_VOLMER;
        private Electrode negative;
        private Electrolyte electrolyte;
        private LumpedThermalProperties thermal;
        private PorousElectrode positive;
        private io.nernst.models.solidstate.CompositeCathode composite;

        private Builder(ParameterSet parameters) {
            this.parameters = parameters;
        }

        /** The parameter set the cell is read from. */
        public ParameterSet parameters() {
            return parameters;
        }

        public Builder kinetics(KineticsKind kind) {
            this.kinetics = kind;
            return this;
        }

        /** The Butler-Volmer form chosen so far (kinetics is applied before the electrodes). */
        public KineticsKind kinetics() {
            return kinetics;
        }

        public Builder negative(Electrode electrode) {
            this.negative = electrode;
            return this;
        }

        public Builder electrolyte(Electrolyte electrolyte) {
            this.electrolyte = electrolyte;
            return this;
        }

        /** Sets the positive electrode (default: read from the "Positive electrode ..." parameters). */
        public Builder positive(PorousElectrode electrode) {
            this.positive = electrode;
            return this;
        }

        /** Sets a composite positive electrode: {@code electrode} is its homogenised form, {@code cathode} its closures. */
        public Builder positive(PorousElectrode electrode, io.nernst.models.solidstate.CompositeCathode cathode) {
            this.positive = electrode;
            this.composite = cathode;
            return this;
        }

        /** Makes the cell lumped-thermal (null: isothermal). */
        public Builder thermal(LumpedThermalProperties properties) {
            this.thermal = properties;
            return this;
        }

        /** @throws ParameterException naming the missing or inconsistent parameter */
        public CellDesign build() {
            ParameterSet p = parameters;
            double referenceTemperature = p.value(REFERENCE_TEMPERATURE);
            Electrode neg = negative != null ? negative : porousElectrode(p, NEGATIVE, kinetics);
            PorousElectrode pos = this.positive != null ? this.positive : porousElectrode(p, POSITIVE, kinetics);
            Separator separator = new Separator(p.value(SEPARATOR_THICKNESS), p.value(SEPARATOR_POROSITY),
                    EffectiveMedium.bruggeman(p.value(SEPARATOR_BRUGGEMAN)));
            Electrolyte e = electrolyte != null ? electrolyte : binaryElectrolyte(p);
            double area = p.value(ELECTRODE_HEIGHT) * p.value(ELECTRODE_WIDTH);
            double temperature = thermal != null ? thermal.initialTemperature() : p.value(AMBIENT_TEMPERATURE);
            if (!(referenceTemperature > 0)) {
                throw new ParameterException("parameter '" + REFERENCE_TEMPERATURE + "' = " + referenceTemperature + " K must be > 0");
            }
            return new CellDesign(neg, separator, pos, e, temperature, area,
                    p.value(NOMINAL_CAPACITY), p.value(LOWER_CUTOFF), p.value(UPPER_CUTOFF), thermal, composite);
        }
    }

    /** The binary (concentrated-solution) electrolyte of the DFN parameter names. */
    public static BinaryElectrolyte binaryElectrolyte(ParameterSet p) {
        double t = p.value(TRANSFERENCE_NUMBER);
        if (t >= 1.0) {
            throw new ParameterException("parameter '" + TRANSFERENCE_NUMBER + "' = " + t
                    + " describes a single-ion conductor; a binary electrolyte needs t+ in [0, 1) (or model.electrolyte: single-ion)");
        }
        return new BinaryElectrolyte(p.value(INITIAL_ELECTROLYTE_CONCENTRATION), t,
                p.value(THERMODYNAMIC_FACTOR),
                differentiable(p, ELECTROLYTE_DIFFUSIVITY),
                differentiable(p, ELECTROLYTE_CONDUCTIVITY));
    }

    /**
     * A single-ion conductor (t+ = 1, uniform Li+ concentration): "Electrolyte conductivity" may
     * depend on temperature but not on concentration, which does not vary in such a conductor.
     */
    public static SingleIonConductor singleIonConductor(ParameterSet p) {
        DifferentiableFunction kappa = differentiable(p, ELECTROLYTE_CONDUCTIVITY);
        if (!kappa.independentOfState()) {
            throw new ParameterException("model.electrolyte = 'single-ion' needs parameter '" + ELECTROLYTE_CONDUCTIVITY
                    + "' independent of concentration (the Li+ concentration of a single-ion conductor is fixed), but set '"
                    + p.name() + "' gives a function of c; override it with a constant, e.g. --set \"" + ELECTROLYTE_CONDUCTIVITY
                    + "=0.2 S/m\", or use electrolyte: binary");
        }
        return new SingleIonConductor(p.value(INITIAL_ELECTROLYTE_CONCENTRATION), kappa);
    }

    /**
     * A planar metal negative electrode: "Lithium metal exchange-current density" (at the
     * initial electrolyte concentration), "Lithium metal open-circuit potential" (default
     * {@code defaultOcp}), "Lithium metal charge transfer coefficient" (default 0.5),
     * "Lithium metal exchange-current activation energy" (default 0).
     */
    public static PlanarMetalElectrode metalElectrode(ParameterSet p, KineticsKind kineticsKind, double defaultOcp) {
        double referenceTemperature = p.value(REFERENCE_TEMPERATURE);
        double i0 = p.value(METAL_EXCHANGE_CURRENT);
        double ocp = p.contains(METAL_OCP) ? p.value(METAL_OCP) : defaultOcp;
        double alpha = p.contains(METAL_CHARGE_TRANSFER_COEFFICIENT) ? p.value(METAL_CHARGE_TRANSFER_COEFFICIENT) : 0.5;
        double ea = p.contains(METAL_ACTIVATION_ENERGY) ? p.value(METAL_ACTIVATION_ENERGY) : 0.0;
        double c0 = p.value(INITIAL_ELECTROLYTE_CONCENTRATION);
        Kinetics kinetics = kineticsKind == KineticsKind.SYMMETRIC_BUTLER_VOLMER
                ? ButlerVolmer.symmetric(new MetalExchangeCurrent(i0, c0, 0.5, ea, referenceTemperature))
                : ButlerVolmer.asymmetric(new MetalExchangeCurrent(i0, c0, 1 - alpha, ea, referenceTemperature), 1 - alpha, alpha);
        return new PlanarMetalElectrode(ocp, kinetics);
    }

    /**
     * A porous insertion electrode ("Negative"/"Positive" names). When the parameter set has
     * the entropic change dU/dT of the electrode, U(sto, T) = U(sto) + (T - T_ref) dU/dT(sto).
     */
    public static PorousElectrode porousElectrode(ParameterSet p, String side, KineticsKind kineticsKind) {
        double referenceTemperature = p.value(REFERENCE_TEMPERATURE);
        double cmax = p.value(electrode(side, MAXIMUM_CONCENTRATION));
        double c0 = p.value(electrode(side, INITIAL_CONCENTRATION));
        if (!(c0 < cmax)) {
            throw new ParameterException("parameter '" + electrode(side, INITIAL_CONCENTRATION) + "' = " + c0
                    + " mol.m-3 must be below '" + electrode(side, MAXIMUM_CONCENTRATION) + "' = " + cmax);
        }
        double porosity = p.value(electrode(side, POROSITY));
        double active = p.value(electrode(side, ACTIVE_FRACTION));
        if (porosity + active > 1.0 + 1e-12) {
            throw new ParameterException("'" + electrode(side, POROSITY) + "' + '" + electrode(side, ACTIVE_FRACTION)
                    + "' = " + (porosity + active) + " exceeds 1");
        }
        double theta = p.contains(electrode(side, CONTACT_FRACTION)) ? p.value(electrode(side, CONTACT_FRACTION)) : 1.0;
        Kinetics kinetics = insertionKinetics(p, side, kineticsKind);
        return new PorousElectrode(p.value(electrode(side, THICKNESS)), porosity, active, 1.0 - porosity,
                p.value(electrode(side, PARTICLE_RADIUS)), theta, p.value(electrode(side, CONDUCTIVITY)),
                EffectiveMedium.bruggeman(p.value(electrode(side, BRUGGEMAN_ELECTROLYTE))),
                EffectiveMedium.bruggeman(p.value(electrode(side, BRUGGEMAN_ELECTRODE))),
                cmax, c0,
                differentiable(p, electrode(side, PARTICLE_DIFFUSIVITY)),
                openCircuitPotential(p, side, referenceTemperature),
                kinetics);
    }

    /** Butler-Volmer kinetics of an insertion electrode ("... reaction rate constant", "... charge transfer coefficient"). */
    public static Kinetics insertionKinetics(ParameterSet p, String side, KineticsKind kineticsKind) {
        double referenceTemperature = p.value(REFERENCE_TEMPERATURE);
        double cmax = p.value(electrode(side, MAXIMUM_CONCENTRATION));
        double alpha = p.value(electrode(side, CHARGE_TRANSFER_COEFFICIENT));
        double rate = p.value(electrode(side, REACTION_RATE_CONSTANT));
        double ea = p.value(electrode(side, REACTION_ACTIVATION_ENERGY));
        Kinetics kinetics;
        if (kineticsKind == KineticsKind.SYMMETRIC_BUTLER_VOLMER) {
            kinetics = ButlerVolmer.symmetric(new InsertionExchangeCurrent(rate, cmax, 0.5, 0.5, ea, referenceTemperature));
        } else {
            if (!(alpha > 0 && alpha < 1)) {
                throw new ParameterException("parameter '" + electrode(side, CHARGE_TRANSFER_COEFFICIENT) + "' = " + alpha
                        + " must lie in (0, 1) for asymmetric Butler-Volmer kinetics");
            }
            kinetics = ButlerVolmer.asymmetric(new InsertionExchangeCurrent(rate, cmax, 1 - alpha, alpha, ea, referenceTemperature),
                    1 - alpha, alpha);
        }
        return kinetics;
    }

    /** U(sto, T) of an electrode, with its entropic change when the set has one. */
    public static DifferentiableFunction openCircuitPotential(ParameterSet p, String side, double referenceTemperature) {
        DifferentiableFunction u = differentiable(p, electrode(side, OCP));
        String entropic = electrode(side, OCP_ENTROPIC_CHANGE);
        return p.contains(entropic) ? EntropicOcp.of(u, differentiable(p, entropic), referenceTemperature) : u;
    }

    /**
     * A parameter as a differentiable function: constants (also functions overridden by a
     * constant with {@link ParameterSet#with(String, double)}) become state-independent.
     */
    public static DifferentiableFunction differentiable(ParameterSet p, String name) {
        ParameterSet.Parameter parameter = p.parameter(name);
        return parameter.isFunction() ? DifferentiableFunction.of(parameter.function())
                : DifferentiableFunction.constant(parameter.value());
    }

    /** The negative electrode as a porous electrode, or an error for planar anodes. */
    public PorousElectrode porousNegative() {
        if (negative instanceof PorousElectrode pe) {
            return pe;
        }
        throw new IllegalStateException("the negative electrode is " + negative.kind() + ", not porous");
    }
}

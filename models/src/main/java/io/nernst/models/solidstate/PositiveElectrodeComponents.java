package io.nernst.models.solidstate;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.error.BadInputException;
import io.nernst.core.parameters.ParameterException;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.cell.CellDesign;
import io.nernst.models.electrode.EffectiveMedium;
import io.nernst.models.electrode.PorousElectrode;
import io.nernst.models.kinetics.FilmResistanceKinetics;
import io.nernst.models.kinetics.Kinetics;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.registry.AbstractCellComponent;
import io.nernst.models.registry.ModelSlots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The registered choices of the {@code positive} slot: the conventional porous electrode and
 * the composite cathode of all-solid-state cells (issue 10 section 1; solid-state.md 1.2, 1.6).
 */
public final class PositiveElectrodeComponents {
    private PositiveElectrodeComponents() {
    }

    /** "porous": a porous insertion electrode read from the "Positive electrode ..." parameters (the default). */
    public static final class Porous extends AbstractCellComponent {
        public Porous() {
            super(ModelSlots.POSITIVE, "porous",
                    "porous insertion electrode (particles in an electrolyte-filled matrix)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.positive(CellDesign.porousElectrode(cell.parameters(), POSITIVE, cell.kinetics()));
        }
    }

    /**
     * "composite": active material + catholyte (+ carbon) with voids, given as the papers give it
     * (mass fractions, densities, porosity, active loading or thickness), percolation closures
     * for the ionic and electronic networks, the electronic utilisation and a = 3 eps theta / R
     * of the utilised, contacted material; the active material's conductivity depends on its
     * local lithiation (the DFN puts sigma_e,eff(x) into its residual and Jacobian).
     */
    public static final class Composite extends AbstractCellComponent {
        public Composite() {
            super(ModelSlots.POSITIVE, "composite",
                    "composite cathode (active material + catholyte [+ carbon]): percolation closures, utilisation, sigma_AM(x)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            build(cell, false);
        }
    }

    /** "composite-bruggeman": as "composite" with Bruggeman closures (f = phi^b) and full utilisation. */
    public static final class CompositeBruggeman extends AbstractCellComponent {
        public CompositeBruggeman() {
            super(ModelSlots.POSITIVE, "composite-bruggeman",
                    "composite cathode with Bruggeman closures (the Bruggeman coefficients of the positive electrode)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            build(cell, true);
        }
    }

    /** The composition read from the parameters (mass fractions and densities). */
    public static CompositeComposition composition(ParameterSet p) {
        double wAm = p.value(COMPOSITE_ACTIVE_MASS_FRACTION);
        double wC = p.contains(COMPOSITE_CARBON_MASS_FRACTION) ? p.value(COMPOSITE_CARBON_MASS_FRACTION) : 0.0;
        double wCat = 1.0 - wAm - wC;
        if (!(wCat > 0)) {
            throw new BadInputException(String.format(Locale.ROOT, "mass fractions do not add up: '%s' = %s + '%s' = %s leaves "
                    + "%s for the catholyte; they must add up to less than 1", COMPOSITE_ACTIVE_MASS_FRACTION, wAm,
                    COMPOSITE_CARBON_MASS_FRACTION, wC, wCat));
        }
        List<CompositeComposition.Phase> phases = new ArrayList<>();
        phases.add(new CompositeComposition.Phase("active", CompositeComposition.Role.ACTIVE, wAm, p.value(COMPOSITE_ACTIVE_DENSITY)));
        phases.add(new CompositeComposition.Phase("catholyte", CompositeComposition.Role.CATHOLYTE, wCat,
                p.value(COMPOSITE_CATHOLYTE_DENSITY)));
        if (wC > 0) {
            phases.add(new CompositeComposition.Phase("carbon", CompositeComposition.Role.CARBON, wC, p.value(COMPOSITE_CARBON_DENSITY)));
        }
        try {
            CompositeComposition.Builder b = CompositeComposition.of(phases).porosity(p.value(COMPOSITE_POROSITY));
            if (p.contains(COMPOSITE_ACTIVE_LOADING)) {
                if (p.contains(electrode(POSITIVE, THICKNESS))) {
                    throw new BadInputException("give one of '" + COMPOSITE_ACTIVE_LOADING + "' and '" + electrode(POSITIVE, THICKNESS)
                            + "' for a composite positive electrode, not both");
                }
                b.activeLoading(p.value(COMPOSITE_ACTIVE_LOADING));
            } else {
                b.thickness(p.value(electrode(POSITIVE, THICKNESS)));
            }
            return b.build();
        } catch (BadInputException | ParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("composite positive electrode: " + e.getMessage());
        }
    }

    static void build(CellDesign.Builder cell, boolean bruggeman) {
        ParameterSet p = cell.parameters();
        CompositeComposition composition = composition(p);
        double temperature = p.value(AMBIENT_TEMPERATURE);
        double c0e = p.value(INITIAL_ELECTROLYTE_CONCENTRATION);
        // The DFN carries one electrolyte conductivity ("Electrolyte conductivity", the separator's);
        // a catholyte of another material enters as the ratio sigma_cat/sigma_sep in the
        // electrode's transport factor, exact for an isothermal cell at the design temperature.
        DifferentiableFunction separatorKappa = CellDesign.differentiable(p, ELECTROLYTE_CONDUCTIVITY);
        DifferentiableFunction catholyteKappa = p.contains(COMPOSITE_CATHOLYTE_CONDUCTIVITY)
                ? CellDesign.differentiable(p, COMPOSITE_CATHOLYTE_CONDUCTIVITY) : separatorKappa;
        double kappaRatio = catholyteKappa.value(c0e, temperature) / separatorKappa.value(c0e, temperature);
        EffectiveMedium ionic;
        double ionicThreshold;
        EffectiveMedium electronic;
        double electronicThreshold;
        if (bruggeman) {
            ionic = EffectiveMedium.bruggeman(p.value(electrode(POSITIVE, BRUGGEMAN_ELECTROLYTE)));
            ionicThreshold = 0.0;
            electronic = EffectiveMedium.bruggeman(p.value(electrode(POSITIVE, BRUGGEMAN_ELECTRODE)));
            electronicThreshold = Double.NaN;
        } else {
            ionicThreshold = p.value(COMPOSITE_IONIC_THRESHOLD);
            ionic = EffectiveMedium.percolation(ionicThreshold, p.value(COMPOSITE_IONIC_EXPONENT));
            electronicThreshold = p.value(COMPOSITE_ELECTRONIC_THRESHOLD);
            double te = p.value(COMPOSITE_ELECTRONIC_EXPONENT);
            electronic = p.contains(COMPOSITE_ELECTRONIC_PREFACTOR)
                    ? CompositeClosures.scaledPercolation(p.value(COMPOSITE_ELECTRONIC_PREFACTOR), electronicThreshold, te)
                    : EffectiveMedium.percolation(electronicThreshold, te);
        }
        double beta = p.contains(COMPOSITE_UTILISATION_EXPONENT) ? p.value(COMPOSITE_UTILISATION_EXPONENT)
                : CompositeClosures.ORDER_PARAMETER_EXPONENT;
        boolean carbon = composition.volumeFraction(CompositeComposition.Role.CARBON) > 0;
        double radius = p.value(electrode(POSITIVE, PARTICLE_RADIUS));
        String contactKey = electrode(POSITIVE, CONTACT_FRACTION);
        double theta = p.contains(contactKey) ? p.value(contactKey) : 1.0;
        if (!(theta > 0 && theta <= 1)) {
            throw new BadInputException("'" + contactKey + "' = " + theta + " is outside (0, 1]");
        }
        CompositeCathode cathode;
        try {
            cathode = new CompositeCathode(composition, catholyteKappa, ionic, ionicThreshold,
                    CellDesign.differentiable(p, COMPOSITE_ACTIVE_CONDUCTIVITY), electronic, electronicThreshold, beta,
                    carbon ? p.value(COMPOSITE_CARBON_CONDUCTIVITY) : 0.0,
                    carbon ? EffectiveMedium.percolation(p.value(COMPOSITE_CARBON_THRESHOLD), p.value(COMPOSITE_CARBON_EXPONENT)) : null,
                    carbon ? p.value(COMPOSITE_CARBON_THRESHOLD) : 0.0, radius, theta);
        } catch (BadInputException | ParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("composite positive electrode ('" + COMPOSITE_ACTIVE_MASS_FRACTION + "' = "
                    + p.value(COMPOSITE_ACTIVE_MASS_FRACTION) + "): " + e.getMessage());
        }
        if (cathode.utilisation() <= 0.0) {
            throw new BadInputException("'" + COMPOSITE_ACTIVE_MASS_FRACTION + "' = " + p.value(COMPOSITE_ACTIVE_MASS_FRACTION)
                    + ": " + String.join("; ", cathode.warnings()) + " - no active material is connected, the cell cannot run");
        }
        double cmax = p.value(electrode(POSITIVE, MAXIMUM_CONCENTRATION));
        double c0 = p.value(electrode(POSITIVE, INITIAL_CONCENTRATION));
        if (!(c0 < cmax)) {
            throw new ParameterException("parameter '" + electrode(POSITIVE, INITIAL_CONCENTRATION) + "' = " + c0
                    + " mol.m-3 must be below '" + electrode(POSITIVE, MAXIMUM_CONCENTRATION) + "' = " + cmax);
        }
        Kinetics kinetics = CellDesign.insertionKinetics(p, POSITIVE, cell.kinetics());
        if (p.contains(COMPOSITE_FILM_RESISTANCE) && p.value(COMPOSITE_FILM_RESISTANCE) > 0) {
            kinetics = new FilmResistanceKinetics(kinetics, p.value(COMPOSITE_FILM_RESISTANCE));
        }
        double phiCatholyte = composition.volumeFraction(CompositeComposition.Role.CATHOLYTE);
        double phiActive = composition.volumeFraction(CompositeComposition.Role.ACTIVE);
        EffectiveMedium transport = phi -> ionic.factor(phi) * kappaRatio;
        double sigma0 = cathode.electronicConductivity(c0 / cmax, temperature);
        // The electrode record keeps the utilised active fraction (it sets a and the capacity);
        // its conductivity is the initial sigma_e,eff, which the DFN replaces by sigma_e,eff(x).
        PorousElectrode electrode = new PorousElectrode(composition.thickness(), phiCatholyte, cathode.activeVolumeFraction(),
                phiActive, radius, theta, sigma0 > 0 ? sigma0 : Double.MIN_NORMAL, transport, phi -> 1.0, cmax, c0,
                CellDesign.differentiable(p, electrode(POSITIVE, PARTICLE_DIFFUSIVITY)),
                CellDesign.openCircuitPotential(p, POSITIVE, p.value(REFERENCE_TEMPERATURE)), kinetics);
        cell.positive(electrode, cathode);
    }
}

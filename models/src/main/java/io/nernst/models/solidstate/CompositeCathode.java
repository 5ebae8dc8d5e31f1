package io.nernst.models.solidstate;

import io.nernst.models.electrode.EffectiveMedium;
import io.nernst.models.materials.DifferentiableFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Effective properties of a composite cathode from its composition and closures, the inputs a
 * solid-state cell model needs (solid-state.md sections 1.2 and 1.6; physics.md section 4):
 * <pre>
 *   sigma_ion,eff(T)    = sigma_catholyte(T) f_ion(phi_catholyte)
 *   sigma_e,eff(x, T)   = sigma_AM(x, T) f_e(phi_AM) + sigma_carbon f_carbon(phi_carbon)   (parallel networks)
 *   theta_AM            = 1 if the carbon network percolates (assumption: it touches every particle),
 *                         else utilisation(phi_AM; phi_c,e, beta)      (0 at or below the threshold)
 *   a                   = 3 phi_AM theta_AM theta_c / R
 * </pre>
 * A catholyte at or below its ionic percolation threshold is refused (no ionic path: the
 * electrode could not work at all); a composition whose electronic network does not percolate
 * is accepted with utilisation 0 and a warning, since that is a result, not an input error.
 */
public final class CompositeCathode {
    private final CompositeComposition composition;
    private final DifferentiableFunction catholyteConductivity;
    private final EffectiveMedium ionicClosure;
    private final DifferentiableFunction activeConductivity;
    private final EffectiveMedium electronicClosure;
    private final double electronicThreshold;
    private final double utilisationExponent;
    private final double carbonConductivity;
    private final EffectiveMedium carbonClosure;
    private final double carbonThreshold;
    private final double particleRadius;
    private final double contactFraction;
    private final double utilisation;
    private final List<String> warnings;

    /**
     * @param composition           phases, porosity, thickness
     * @param catholyteConductivity sigma of the catholyte bulk [S/m] as a function of (unused x, T)
     * @param ionicClosure          f_ion(phi) of the catholyte network; its threshold is {@code ionicThreshold}
     * @param ionicThreshold        phi_c of the catholyte network (for the refusal message)
     * @param activeConductivity    sigma_AM(x, T) [S/m]
     * @param electronicClosure     f_e(phi) of the active-material network
     * @param electronicThreshold   phi_c of the active-material network (NaN: no percolation closure, utilisation 1)
     * @param utilisationExponent   beta of the utilisation closure
     * @param carbonConductivity    bulk sigma of the carbon phase [S/m] (ignored without carbon)
     * @param carbonClosure         f(phi) of the carbon network (may be null without carbon)
     * @param carbonThreshold       phi_c of the carbon network
     * @param particleRadius        R [m]
     * @param contactFraction       theta_c in (0, 1]
     */
    public CompositeCathode(CompositeComposition composition, DifferentiableFunction catholyteConductivity,
                            EffectiveMedium ionicClosure, double ionicThreshold, DifferentiableFunction activeConductivity,
                            EffectiveMedium electronicClosure, double electronicThreshold, double utilisationExponent,
                            double carbonConductivity, EffectiveMedium carbonClosure, double carbonThreshold,
                            double particleRadius, double contactFraction) {
        this.composition = composition;
        this.catholyteConductivity = catholyteConductivity;
        this.ionicClosure = ionicClosure;
        this.activeConductivity = activeConductivity;
        this.electronicClosure = electronicClosure;
        this.electronicThreshold = electronicThreshold;
        this.utilisationExponent = utilisationExponent;
        this.carbonConductivity = carbonConductivity;
        this.carbonClosure = carbonClosure;
        this.carbonThreshold = carbonThreshold;
        this.particleRadius = particleRadius;
        PartialContactParticle.checkContactFraction(contactFraction);
        this.contactFraction = contactFraction;
        List<String> notes = new ArrayList<>();
        double catholyte = composition.volumeFraction(CompositeComposition.Role.CATHOLYTE);
        if (catholyte <= ionicThreshold || ionicClosure.factor(catholyte) <= 0.0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "catholyte volume fraction %.4f is at or below its ionic percolation threshold %.4f: the composition has "
                            + "no percolating ionic path (composition.catholyte)", catholyte, ionicThreshold));
        }
        double carbon = composition.volumeFraction(CompositeComposition.Role.CARBON);
        boolean carbonPercolates = carbon > 0 && carbonClosure != null && carbon > carbonThreshold;
        double active = composition.volumeFraction(CompositeComposition.Role.ACTIVE);
        this.utilisation = carbonPercolates || Double.isNaN(electronicThreshold) ? 1.0
                : CompositeClosures.utilisation(active, electronicThreshold, utilisationExponent);
        if (utilisation == 0.0) {
            notes.add(String.format(java.util.Locale.ROOT, "active-material volume fraction %.4f is at or below the electronic "
                    + "percolation threshold %.4f and no carbon network percolates: utilisation 0", active, electronicThreshold));
        }
        this.warnings = List.copyOf(notes);
    }

    public CompositeComposition composition() {
        return composition;
    }

    /** Effective ionic conductivity of the catholyte network [S/m]. */
    public double ionicConductivity(double temperature) {
        double phi = composition.volumeFraction(CompositeComposition.Role.CATHOLYTE);
        return catholyteConductivity.value(0.0, temperature) * ionicClosure.factor(phi);
    }

    /** Effective electronic conductivity [S/m] at active-material stoichiometry x. */
    public double electronicConductivity(double stoichiometry, double temperature) {
        double phiAm = composition.volumeFraction(CompositeComposition.Role.ACTIVE);
        double s = activeConductivity.value(stoichiometry, temperature) * electronicClosure.factor(phiAm);
        double carbon = composition.volumeFraction(CompositeComposition.Role.CARBON);
        if (carbon > 0 && carbonClosure != null) {
            s += carbonConductivity * carbonClosure.factor(carbon);
        }
        return s;
    }

    /** d sigma_e,eff / dx. */
    public double electronicConductivityDerivative(double stoichiometry, double temperature) {
        double phiAm = composition.volumeFraction(CompositeComposition.Role.ACTIVE);
        return activeConductivity.derivative(stoichiometry, temperature) * electronicClosure.factor(phiAm);
    }

    /** Fraction of the active material in the electronic network, theta_AM. */
    public double utilisation() {
        return utilisation;
    }

    /** Utilised active volume fraction theta_AM phi_AM. */
    public double activeVolumeFraction() {
        return utilisation * composition.volumeFraction(CompositeComposition.Role.ACTIVE);
    }

    /** Interfacial area of the utilised, contacted active material [1/m]. */
    public double interfacialArea() {
        return CompositeClosures.interfacialArea(activeVolumeFraction(), contactFraction, particleRadius);
    }

    public double particleRadius() {
        return particleRadius;
    }

    public double contactFraction() {
        return contactFraction;
    }

    /** Notes on the composition that are results rather than input errors. */
    public List<String> warnings() {
        return warnings;
    }

    /** Derived values for summary.json (SI units), at temperature T and stoichiometry x. */
    public Map<String, Object> summary(double temperature, double stoichiometry) {
        Map<String, Object> out = new LinkedHashMap<>(composition.summary());
        out.put("ionic_conductivity_effective_S_per_m", ionicConductivity(temperature));
        out.put("electronic_conductivity_effective_S_per_m", electronicConductivity(stoichiometry, temperature));
        out.put("utilisation", utilisation);
        out.put("interfacial_area_per_m", interfacialArea());
        out.put("warnings", warnings);
        return Collections.unmodifiableMap(out);
    }
}

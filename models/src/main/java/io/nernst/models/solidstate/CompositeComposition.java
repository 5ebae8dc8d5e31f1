package io.nernst.models.solidstate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The make-up of a composite electrode as papers give it, converted to what a cell model needs
 * (solid-state.md section 2.5; physics.md section 4):
 * <ul>
 * <li>mass ratios of the phases (any positive numbers, e.g. NCM : Li3InCl6 = 65 : 35) and the
 *     phase densities -> solid-basis volume fractions phi_i,s = (w_i/rho_i) / sum(w/rho) and the
 *     void-free density rho_s = 1 / sum(w_i/rho_i) (w normalised);</li>
 * <li>porosity eps, or the pellet (apparent) density rho_p with eps = 1 - rho_p/rho_s ->
 *     total-volume fractions phi_i = (1 - eps) phi_i,s;</li>
 * <li>areal loading of the composite or of the active phase [kg/m2], or the thickness L ->
 *     L = m_composite / (rho_s (1 - eps)), or m_composite = rho_s (1 - eps) L.</li>
 * </ul>
 * Input outside its range is refused naming the key and value. Immutable.
 */
public final class CompositeComposition {

    /** What a phase does in the composite. */
    public enum Role {
        /** Active (insertion) material; also the electronic conductor in carbon-free composites. */
        ACTIVE,
        /** Solid or polymer electrolyte in the electrode (ionic network). */
        CATHOLYTE,
        /** Carbon black, CNT (electronic network). */
        CARBON,
        /** Binder or another passive phase. */
        OTHER
    }

    /**
     * One phase as given.
     *
     * @param name      a name for messages and summaries
     * @param role      what it does
     * @param massParts mass ratio part (> 0; normalised over all phases)
     * @param density   phase density [kg/m3] (> 0)
     */
    public record Phase(String name, Role role, double massParts, double density) {
        public Phase {
            if (!(massParts > 0) || !Double.isFinite(massParts)) {
                throw new IllegalArgumentException("composition." + name + ".mass_ratio = " + massParts + " must be finite and > 0");
            }
            if (!(density > 0) || !Double.isFinite(density)) {
                throw new IllegalArgumentException("composition." + name + ".density = " + density
                        + " kg/m3 must be finite and > 0");
            }
        }
    }

    private final List<Phase> phases;
    private final double[] massFraction;
    private final double[] solidVolumeFraction;
    private final double solidDensity;
    private final double porosity;
    private final double thickness;
    private final double arealMass;

    private CompositeComposition(List<Phase> phases, double porosity, double thickness, double arealMass) {
        this.phases = List.copyOf(phases);
        int n = phases.size();
        double totalParts = 0.0;
        for (Phase p : phases) {
            totalParts += p.massParts();
        }
        this.massFraction = new double[n];
        this.solidVolumeFraction = new double[n];
        double specificVolume = 0.0;
        for (int i = 0; i < n; i++) {
            massFraction[i] = phases.get(i).massParts() / totalParts;
            specificVolume += massFraction[i] / phases.get(i).density();
        }
        for (int i = 0; i < n; i++) {
            solidVolumeFraction[i] = massFraction[i] / phases.get(i).density() / specificVolume;
        }
        this.solidDensity = 1.0 / specificVolume;
        this.porosity = porosity;
        if (Double.isNaN(thickness)) {
            this.arealMass = arealMass;
            this.thickness = arealMass / (solidDensity * (1.0 - porosity));
        } else {
            this.thickness = thickness;
            this.arealMass = solidDensity * (1.0 - porosity) * thickness;
        }
    }

    /**
     * One phase given by its volume fraction of the total electrode volume (voids included), as
     * some papers give compositions (e.g. Minnmann 2021: 42 vol% NCM, 44 vol% LPSCl, 14 % voids).
     */
    public record VolumePhase(String name, Role role, double volumeFraction, double density) {
        public VolumePhase {
            if (!(volumeFraction > 0 && volumeFraction <= 1)) {
                throw new IllegalArgumentException("composition." + name + ".volume_fraction = " + volumeFraction
                        + " is outside (0, 1]");
            }
        }
    }

    /**
     * Starts a composition from total-volume fractions and the porosity; they must add up to 1
     * (within 1e-6), else the sum is named in the refusal. Mass ratios follow as phi_i rho_i.
     */
    public static Builder ofVolumeFractions(List<VolumePhase> phases, double porosity) {
        double sum = porosity;
        List<Phase> massPhases = new ArrayList<>();
        for (VolumePhase p : phases) {
            sum += p.volumeFraction();
            massPhases.add(new Phase(p.name(), p.role(), p.volumeFraction() * p.density(), p.density()));
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            StringBuilder terms = new StringBuilder();
            for (VolumePhase p : phases) {
                terms.append(p.name()).append(' ').append(p.volumeFraction()).append(" + ");
            }
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "composition volume fractions do not add up: %sporosity %s = %.6f, not 1", terms, porosity, sum));
        }
        return of(massPhases).porosity(porosity);
    }

    /** Starts a composition from its phases (at least one ACTIVE). */
    public static Builder of(List<Phase> phases) {
        return new Builder(phases);
    }

    /** Builder: exactly one of porosity / pellet density and one of loading / thickness. */
    public static final class Builder {
        private final List<Phase> phases;
        private double porosity = Double.NaN;
        private double pelletDensity = Double.NaN;
        private double compositeLoading = Double.NaN;
        private double activeLoading = Double.NaN;
        private double thickness = Double.NaN;

        private Builder(List<Phase> phases) {
            if (phases == null || phases.isEmpty()) {
                throw new IllegalArgumentException("composition needs at least one phase");
            }
            long active = phases.stream().filter(p -> p.role() == Role.ACTIVE).count();
            if (active != 1) {
                throw new IllegalArgumentException("composition needs exactly one active phase, got " + active);
            }
            List<String> names = new ArrayList<>();
            for (Phase p : phases) {
                if (names.contains(p.name())) {
                    throw new IllegalArgumentException("composition names phase '" + p.name() + "' twice");
                }
                names.add(p.name());
            }
            this.phases = new ArrayList<>(phases);
        }

        /** Void fraction eps in [0, 1). */
        public Builder porosity(double value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException("composition.porosity = " + value + " is outside [0, 1)");
            }
            this.porosity = value;
            return this;
        }

        /** Apparent (pellet) density of the composite [kg/m3]; porosity = 1 - rho_p / rho_solid. */
        public Builder pelletDensity(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("composition.pellet_density = " + value + " kg/m3 must be finite and > 0");
            }
            this.pelletDensity = value;
            return this;
        }

        /** Areal mass of the whole composite [kg/m2]. */
        public Builder compositeLoading(double value) {
            this.compositeLoading = checkLoading("composition.composite_loading", value);
            return this;
        }

        /** Areal mass of the active material [kg/m2] (papers' "mg/cm2" usually). */
        public Builder activeLoading(double value) {
            this.activeLoading = checkLoading("composition.active_loading", value);
            return this;
        }

        /** Electrode thickness [m]. */
        public Builder thickness(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("composition.thickness = " + value + " m must be finite and > 0");
            }
            this.thickness = value;
            return this;
        }

        private static double checkLoading(String key, double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(key + " = " + value + " kg/m2 must be finite and > 0");
            }
            return value;
        }

        public CompositeComposition build() {
            boolean hasPorosity = !Double.isNaN(porosity);
            boolean hasPellet = !Double.isNaN(pelletDensity);
            if (hasPorosity == hasPellet) {
                throw new IllegalArgumentException("composition needs exactly one of porosity and pellet_density, got "
                        + (hasPorosity ? "both" : "neither"));
            }
            int sizes = (Double.isNaN(compositeLoading) ? 0 : 1) + (Double.isNaN(activeLoading) ? 0 : 1)
                    + (Double.isNaN(thickness) ? 0 : 1);
            if (sizes != 1) {
                throw new IllegalArgumentException("composition needs exactly one of composite_loading, active_loading and "
                        + "thickness, got " + sizes);
            }
            double eps = porosity;
            if (hasPellet) {
                double specificVolume = 0.0;
                double parts = 0.0;
                for (Phase p : phases) {
                    parts += p.massParts();
                }
                for (Phase p : phases) {
                    specificVolume += p.massParts() / parts / p.density();
                }
                double solid = 1.0 / specificVolume;
                if (pelletDensity > solid) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "composition.pellet_density = %.1f kg/m3 exceeds the void-free density %.1f kg/m3 of the phases "
                                    + "(negative porosity): check the densities or the pellet density", pelletDensity, solid));
                }
                eps = 1.0 - pelletDensity / solid;
            }
            double areal = compositeLoading;
            if (!Double.isNaN(activeLoading)) {
                double parts = 0.0;
                double activeParts = 0.0;
                for (Phase p : phases) {
                    parts += p.massParts();
                    if (p.role() == Role.ACTIVE) {
                        activeParts = p.massParts();
                    }
                }
                areal = activeLoading * parts / activeParts;
            }
            return new CompositeComposition(phases, eps, thickness, areal);
        }
    }

    public List<Phase> phases() {
        return phases;
    }

    private int indexOf(String name) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no phase named '" + name + "' in the composition");
    }

    /** Mass fraction of a phase. */
    public double massFraction(String name) {
        return massFraction[indexOf(name)];
    }

    /** Solid-basis (void-free) volume fraction of a phase. */
    public double solidVolumeFraction(String name) {
        return solidVolumeFraction[indexOf(name)];
    }

    /** Total-volume fraction (voids included) of a phase. */
    public double volumeFraction(String name) {
        return (1.0 - porosity) * solidVolumeFraction[indexOf(name)];
    }

    /** Sum of the total-volume fractions of all phases with this role. */
    public double volumeFraction(Role role) {
        double s = 0.0;
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).role() == role) {
                s += (1.0 - porosity) * solidVolumeFraction[i];
            }
        }
        return s;
    }

    /** The active phase. */
    public Phase activePhase() {
        return phases.stream().filter(p -> p.role() == Role.ACTIVE).findFirst().orElseThrow();
    }

    /** Void-free density rho_s [kg/m3]. */
    public double solidDensity() {
        return solidDensity;
    }

    /** Apparent density (1 - eps) rho_s [kg/m3]. */
    public double apparentDensity() {
        return (1.0 - porosity) * solidDensity;
    }

    public double porosity() {
        return porosity;
    }

    /** Thickness [m]. */
    public double thickness() {
        return thickness;
    }

    /** Areal mass of the composite [kg/m2]. */
    public double compositeLoading() {
        return arealMass;
    }

    /** Areal mass of the active material [kg/m2]. */
    public double activeLoading() {
        return arealMass * massFraction[indexOf(activePhase().name())];
    }

    /** Derived values for a summary (SI units; keys name the quantity). */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Double> fractions = new LinkedHashMap<>();
        Map<String, Double> solidFractions = new LinkedHashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            fractions.put(phases.get(i).name(), (1.0 - porosity) * solidVolumeFraction[i]);
            solidFractions.put(phases.get(i).name(), solidVolumeFraction[i]);
        }
        out.put("volume_fractions", Collections.unmodifiableMap(fractions));
        out.put("solid_volume_fractions", Collections.unmodifiableMap(solidFractions));
        out.put("porosity", porosity);
        out.put("solid_density_kg_per_m3", solidDensity);
        out.put("thickness_m", thickness);
        out.put("composite_loading_kg_per_m2", arealMass);
        out.put("active_loading_kg_per_m2", activeLoading());
        return Collections.unmodifiableMap(out);
    }
}

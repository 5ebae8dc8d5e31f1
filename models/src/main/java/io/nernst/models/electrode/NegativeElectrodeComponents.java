package io.nernst.models.electrode;

import static io.nernst.models.parameters.ParameterNames.NEGATIVE;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.CellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code negative} slot. */
public final class NegativeElectrodeComponents {
    private NegativeElectrodeComponents() {
    }

    /** "porous": a porous insertion electrode read from the "Negative electrode ..." parameters (the default). */
    public static final class Porous implements CellComponent {
        @Override
        public String slot() {
            return ModelSlots.NEGATIVE;
        }

        @Override
        public String name() {
            return "porous";
        }

        @Override
        public String description() {
            return "porous insertion electrode (particles in an electrolyte-filled matrix)";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.negative(CellDesign.porousElectrode(cell.parameters(), NEGATIVE, cell.kinetics()));
        }
    }

    /** "lithium-metal": a planar Li foil, U = 0 V vs Li/Li+. */
    public static final class LithiumMetal implements CellComponent {
        @Override
        public String slot() {
            return ModelSlots.NEGATIVE;
        }

        @Override
        public String name() {
            return "lithium-metal";
        }

        @Override
        public String description() {
            return "planar lithium-metal foil (U = 0 V vs Li/Li+)";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.negative(CellDesign.metalElectrode(cell.parameters(), cell.kinetics(), 0.0));
        }
    }

    /**
     * "lithium-indium": a planar Li-In alloy foil in the In + InLi two-phase field, U = 0.62 V vs
     * Li/Li+ (Santhosha et al., Batteries &amp; Supercaps 2 (2019) 524; Nam et al., J. Mater.
     * Chem. A 6 (2018) 14867) unless "Lithium metal open-circuit potential" says otherwise.
     */
    public static final class LithiumIndium implements CellComponent {
        /** U of the In + InLi two-phase alloy vs Li/Li+ [V]. */
        public static final double OPEN_CIRCUIT_POTENTIAL = 0.62;

        @Override
        public String slot() {
            return ModelSlots.NEGATIVE;
        }

        @Override
        public String name() {
            return "lithium-indium";
        }

        @Override
        public String description() {
            return "planar Li-In alloy foil (U = 0.62 V vs Li/Li+)";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.negative(CellDesign.metalElectrode(cell.parameters(), cell.kinetics(), OPEN_CIRCUIT_POTENTIAL));
        }
    }
}

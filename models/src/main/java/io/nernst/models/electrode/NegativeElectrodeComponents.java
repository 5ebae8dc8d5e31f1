package io.nernst.models.electrode;

import static io.nernst.models.parameters.ParameterNames.NEGATIVE;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.AbstractCellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code negative} slot. */
public final class NegativeElectrodeComponents {
    private NegativeElectrodeComponents() {
    }

    /** "porous": a porous insertion electrode read from the "Negative electrode ..." parameters (the default). */
    public static final class Porous extends AbstractCellComponent {
        public Porous() {
            super(ModelSlots.NEGATIVE, "porous",
                    "porous insertion electrode (particles in an electrolyte-filled matrix)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.negative(CellDesign.porousElectrode(cell.parameters(), NEGATIVE, cell.kinetics()));
        }
    }

    /** "lithium-metal": a planar Li foil, U = 0 V vs Li/Li+. */
    public static final class LithiumMetal extends AbstractCellComponent {
        public LithiumMetal() {
            super(ModelSlots.NEGATIVE, "lithium-metal",
                    "planar lithium-metal foil (U = 0 V vs Li/Li+)");
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
    public static final class LithiumIndium extends AbstractCellComponent {
        /** U of the In + InLi two-phase alloy vs Li/Li+ [V]. */
        public static final double OPEN_CIRCUIT_POTENTIAL = 0.62;

        public LithiumIndium() {
            super(ModelSlots.NEGATIVE, "lithium-indium", "planar Li-In alloy foil (U = 0.62 V vs Li/Li+)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.negative(CellDesign.metalElectrode(cell.parameters(), cell.kinetics(), OPEN_CIRCUIT_POTENTIAL));
        }
    }
}

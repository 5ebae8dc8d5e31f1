package io.nernst.models.electrolyte;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.AbstractCellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code electrolyte} slot. */
public final class ElectrolyteComponents {
    private ElectrolyteComponents() {
    }

    /** "binary": a concentrated binary salt (liquid or polymer), the default. */
    public static final class Binary extends AbstractCellComponent {
        public Binary() {
            super(ModelSlots.ELECTROLYTE, "binary",
                    "binary salt, concentrated-solution transport (liquid, polymer)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.electrolyte(CellDesign.binaryElectrolyte(cell.parameters()));
        }
    }

    /** "single-ion": a single-ion conductor (t+ = 1, uniform Li+, Ohm's law). */
    public static final class SingleIon extends AbstractCellComponent {
        public SingleIon() {
            super(ModelSlots.ELECTROLYTE, "single-ion",
                    "single-ion conductor (inorganic solid electrolyte): t+ = 1, Ohm's law");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.electrolyte(CellDesign.singleIonConductor(cell.parameters()));
        }
    }
}

package io.nernst.models.electrolyte;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.CellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code electrolyte} slot. */
public final class ElectrolyteComponents {
    private ElectrolyteComponents() {
    }

    /** "binary": a concentrated binary salt (liquid or polymer), the default. */
    public static final class Binary implements CellComponent {
        @Override
        public String slot() {
            return ModelSlots.ELECTROLYTE;
        }

        @Override
        public String name() {
            return "binary";
        }

        @Override
        public String description() {
            return "binary salt, concentrated-solution transport (liquid, polymer)";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.electrolyte(CellDesign.binaryElectrolyte(cell.parameters()));
        }
    }

    /** "single-ion": a single-ion conductor (t+ = 1, uniform Li+, Ohm's law). */
    public static final class SingleIon implements CellComponent {
        @Override
        public String slot() {
            return ModelSlots.ELECTROLYTE;
        }

        @Override
        public String name() {
            return "single-ion";
        }

        @Override
        public String description() {
            return "single-ion conductor (inorganic solid electrolyte): t+ = 1, Ohm's law";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.electrolyte(CellDesign.singleIonConductor(cell.parameters()));
        }
    }
}

package io.nernst.models.thermal;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.CellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code thermal} slot. */
public final class ThermalComponents {
    private ThermalComponents() {
    }

    /** "isothermal": the cell stays at the ambient temperature (the default). */
    public static final class Isothermal implements CellComponent {
        @Override
        public String slot() {
            return ModelSlots.THERMAL;
        }

        @Override
        public String name() {
            return "isothermal";
        }

        @Override
        public String description() {
            return "the cell stays at the ambient temperature";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.thermal(null);
        }
    }

    /** "lumped": one temperature for the cell, heated by its losses, cooled through its surface. */
    public static final class Lumped implements CellComponent {
        @Override
        public String slot() {
            return ModelSlots.THERMAL;
        }

        @Override
        public String name() {
            return "lumped";
        }

        @Override
        public String description() {
            return "lumped thermal mass: rho c_p V dT/dt = Q - h A (T - T_amb)";
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.thermal(LumpedThermalProperties.read(cell.parameters()));
        }
    }
}

package io.nernst.models.thermal;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.AbstractCellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code thermal} slot. */
public final class ThermalComponents {
    private ThermalComponents() {
    }

    /** "isothermal": the cell stays at the ambient temperature (the default). */
    public static final class Isothermal extends AbstractCellComponent {
        public Isothermal() {
            super(ModelSlots.THERMAL, "isothermal",
                    "the cell stays at the ambient temperature");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.thermal(null);
        }
    }

    /** "lumped": one temperature for the cell, heated by its losses, cooled through its surface. */
    public static final class Lumped extends AbstractCellComponent {
        public Lumped() {
            super(ModelSlots.THERMAL, "lumped",
                    "lumped thermal mass: rho c_p V dT/dt = Q - h A (T - T_amb)");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.thermal(LumpedThermalProperties.read(cell.parameters()));
        }
    }
}

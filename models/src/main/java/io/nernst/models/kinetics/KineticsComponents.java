package io.nernst.models.kinetics;

import io.nernst.models.cell.CellDesign;
import io.nernst.models.registry.AbstractCellComponent;
import io.nernst.models.registry.ModelSlots;

/** The registered choices of the {@code kinetics} slot. */
public final class KineticsComponents {
    private KineticsComponents() {
    }

    /** "symmetric": j = 2 i0 sinh(F eta / 2RT), the default. */
    public static final class Symmetric extends AbstractCellComponent {
        public Symmetric() {
            super(ModelSlots.KINETICS, "symmetric",
                    "symmetric Butler-Volmer, alpha = 1/2");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.kinetics(KineticsKind.SYMMETRIC_BUTLER_VOLMER);
        }
    }

    /** "asymmetric": Butler-Volmer with each electrode's charge-transfer coefficient. */
    public static final class Asymmetric extends AbstractCellComponent {
        public Asymmetric() {
            super(ModelSlots.KINETICS, "asymmetric",
                    "Butler-Volmer with the electrode's charge-transfer coefficient alpha");
        }

        @Override
        public void apply(CellDesign.Builder cell) {
            cell.kinetics(KineticsKind.ASYMMETRIC_BUTLER_VOLMER);
        }
    }
}

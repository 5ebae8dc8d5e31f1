package io.nernst.models.registry;

import io.nernst.core.model.CellModel;
import io.nernst.models.ModelOptions;
import io.nernst.models.cell.CellDesign;
import java.util.List;

/**
 * A kind of cell model ("SPM", "SPMe", "DFN"): its name, which components of each slot it
 * can assemble, and how it is built. Registered like components, through
 * {@code META-INF/services/io.nernst.models.registry.CellModelType}.
 */
public interface CellModelType {

    /** The name written in scenarios, e.g. "DFN" (matched case-insensitively). */
    String name();

    /** One line for listings. */
    String description();

    /**
     * The component names of {@code slot} this model takes (the first is the default), or an
     * empty list when the model does not use the slot at all.
     */
    List<String> accepted(String slot);

    /** Builds the model for a cell whose components have been applied. */
    CellModel create(CellDesign design, ModelOptions options);
}

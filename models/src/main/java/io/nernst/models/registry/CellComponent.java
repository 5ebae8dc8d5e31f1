package io.nernst.models.registry;

import io.nernst.models.cell.CellDesign;

/**
 * One choice for one slot of a cell model ("electrolyte" = "single-ion", "negative" =
 * "lithium-indium", "thermal" = "lumped" ...). A component reads the parameters it needs and
 * puts the physics it stands for into the cell being built.
 *
 * <p>Components register themselves: list the class in
 * {@code META-INF/services/io.nernst.models.registry.CellComponent}; {@link
 * io.nernst.models.ModelRegistry} finds them with {@link java.util.ServiceLoader}. A public
 * no-argument constructor is required.
 */
public interface CellComponent {

    /** The slot this component fills, e.g. "negative" (the key under {@code model:}). */
    String slot();

    /** The name written in scenarios, e.g. "lithium-indium" (lower case, hyphenated). */
    String name();

    /** One line for listings and messages. */
    String description();

    /**
     * Puts this component into the cell. Slots are applied in {@link ModelSlots#ORDER}, so a
     * negative electrode may read the kinetics form chosen before it.
     *
     * @throws io.nernst.core.parameters.ParameterException naming a missing or unsuitable parameter
     */
    void apply(CellDesign.Builder cell);
}

package io.nernst.models.registry;

/**
 * The slot, name and description every {@link CellComponent} carries, held once, so a
 * component class states them in its no-argument constructor and writes only {@link #apply}.
 */
public abstract class AbstractCellComponent implements CellComponent {
    private final String slot;
    private final String name;
    private final String description;

    /**
     * @param slot        the slot filled, e.g. {@link ModelSlots#NEGATIVE}
     * @param name        the scenario name, e.g. "lithium-indium"
     * @param description one line for listings and messages
     */
    protected AbstractCellComponent(String slot, String name, String description) {
        this.slot = slot;
        this.name = name;
        this.description = description;
    }

    @Override
    public final String slot() {
        return slot;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}

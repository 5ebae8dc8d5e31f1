package io.nernst.models.electrode;

import io.nernst.models.kinetics.Kinetics;

/**
 * A planar metal electrode (Li foil, Li-In alloy): a single interface at the separator whose
 * rate law carries the whole cell current, in series with the separator (physics.md
 * section 4). Its lithium inventory is treated as unlimited.
 *
 * @param openCircuitPotential U versus Li/Li+ [V] (0 for Li metal, about 0.62 V for Li-In)
 * @param kinetics             rate law of the interface (the solid concentration argument is unused)
 */
public record PlanarMetalElectrode(double openCircuitPotential, Kinetics kinetics) implements Electrode {

    @Override
    public ElectrodeKind kind() {
        return ElectrodeKind.PLANAR_METAL;
    }
}

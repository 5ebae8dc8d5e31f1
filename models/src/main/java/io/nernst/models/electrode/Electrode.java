package io.nernst.models.electrode;

/** One electrode of a cell: a {@link PorousElectrode} or a {@link PlanarMetalElectrode}. */
public sealed interface Electrode permits PorousElectrode, PlanarMetalElectrode {

    ElectrodeKind kind();
}

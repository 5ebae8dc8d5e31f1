package io.nernst.core.simulation;

/**
 * A spatial output of the model at one time.
 *
 * @param time      [s] from the start of the run
 * @param stepIndex 0-based index of the experiment step it belongs to (written 1-based to fields.csv)
 * @param name      field name with unit, e.g. "Electrolyte concentration [mol.m-3]"
 * @param axisName  coordinate name with unit, e.g. "x [m]"
 * @param positions coordinates (SI)
 * @param values    field values at the positions
 */
public record FieldSnapshot(double time, int stepIndex, String name, String axisName, double[] positions, double[] values) {
}

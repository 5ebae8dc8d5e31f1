package io.nernst.core.model;

/**
 * A spatial output: a named quantity on a fixed set of positions, e.g. "Electrolyte
 * concentration [mol.m-3]" on the cell-centre coordinates "x [m]".
 *
 * @param name        output name with unit in brackets
 * @param axisName    name of the coordinate with unit, e.g. "x [m]" or "r_p [m]"
 * @param positions   coordinates of the values (SI); not to be modified
 */
public record FieldOutput(String name, String axisName, double[] positions) {
}

package io.nernst.solvers.multigrid;

/** The two y walls of a grid: south ({@code j = 0} side) and north ({@code j = ny - 1} side). */
public enum WallSide {
    /** The wall below row 0 (y = originY). */
    SOUTH,
    /** The wall above row ny - 1 (y = originY + height). */
    NORTH
}

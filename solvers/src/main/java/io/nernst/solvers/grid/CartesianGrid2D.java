package io.nernst.solvers.grid;

import java.util.function.DoubleBinaryOperator;

/**
 * A uniform, cell-centred 2D Cartesian grid of {@code nx * ny} rectangular cells, optionally
 * periodic in x, always bounded by walls in y.
 *
 * <h2>Geometry</h2>
 * Cell {@code (i, j)}, {@code 0 <= i < nx}, {@code 0 <= j < ny}, occupies
 * {@code [originX + i dx, originX + (i+1) dx] x [originY + j dy, originY + (j+1) dy]}; its centre is
 * {@link #xCentre(int)}, {@link #yCentre(int)}. The x faces are numbered {@code 0..nx} (face
 * {@code i} is the west face of cell {@code i}), the y faces {@code 0..ny} (face {@code j} is the
 * south face of cell {@code j}). "East" is +x, "north" is +y.
 *
 * <h2>Field convention (plain {@code double[]})</h2>
 * A cell field is a plain {@code double[]} of length {@link #cellCount()} indexed by the linear
 * index {@code k = i + nx * j} ({@link #index(int, int)}): i (x) runs fastest, so one grid row
 * {@code j} is the contiguous slice {@code [j*nx, (j+1)*nx)}. Hot loops should iterate
 * {@code for j { for i { k++ } }}. There is no wrapper class: callers own their arrays (and
 * workspaces), which keeps operators allocation-free; {@link #newField()} and
 * {@link #requireField(double[], String)} help allocate and validate.
 *
 * <h2>Boundaries</h2>
 * If {@link #isPeriodicX()}, column {@code -1} is column {@code nx-1} and column {@code nx} is column
 * 0 (side walls glued). Otherwise the x ends are walls like the y ends. At a wall the neighbour
 * helpers ({@link #east(int)} etc.) return {@link #NO_NEIGHBOUR}; what a wall means for a given
 * operator (zero flux, zero gradient, Dirichlet value) is that operator's choice and is documented
 * there. For wide stencils, {@link #wrapOrClampI(int)} and {@link #clampJ(int)} map an out-of-range
 * column or row to a valid one (periodic wrap, or the nearest boundary cell, i.e. a zero-gradient
 * ghost-cell extension).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CartesianGrid2D {

    /** Returned by the neighbour helpers when the neighbour lies beyond a wall. */
    public static final int NO_NEIGHBOUR = -1;

    private final int nx;
    private final int ny;
    private final double dx;
    private final double dy;
    private final double originX;
    private final double originY;
    private final boolean periodicX;

    /**
     * @param nx        number of cells along x, at least 1 (at least 3 recommended for stencils)
     * @param ny        number of cells along y, at least 1
     * @param dx        cell width along x [m], finite and positive
     * @param dy        cell height along y [m], finite and positive
     * @param originX   x of the west domain edge [m]
     * @param originY   y of the south domain edge [m]
     * @param periodicX whether the west and east edges are glued (periodic side walls)
     * @throws IllegalArgumentException naming the offending argument and its value
     */
    public CartesianGrid2D(int nx, int ny, double dx, double dy, double originX, double originY, boolean periodicX) {
        if (nx < 1) {
            throw new IllegalArgumentException("nx must be >= 1, got " + nx);
        }
        if (ny < 1) {
            throw new IllegalArgumentException("ny must be >= 1, got " + ny);
        }
        if ((long) nx * ny > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("nx * ny = " + ((long) nx * ny) + " exceeds the int index range");
        }
        if (!(dx > 0) || !Double.isFinite(dx)) {
            throw new IllegalArgumentException("dx must be finite and > 0, got " + dx);
        }
        if (!(dy > 0) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("dy must be finite and > 0, got " + dy);
        }
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new IllegalArgumentException("origin must be finite, got (" + originX + ", " + originY + ")");
        }
        this.nx = nx;
        this.ny = ny;
        this.dx = dx;
        this.dy = dy;
        this.originX = originX;
        this.originY = originY;
        this.periodicX = periodicX;
    }

    /**
     * A grid covering {@code [0, width] x [0, height]}.
     *
     * @param nx        cells along x
     * @param ny        cells along y
     * @param width     domain width along x [m]
     * @param height    domain height along y [m]
     * @param periodicX whether the side walls are periodic
     * @return the grid with {@code dx = width/nx}, {@code dy = height/ny}, origin (0, 0)
     */
    public static CartesianGrid2D ofSize(int nx, int ny, double width, double height, boolean periodicX) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("nx and ny must be >= 1, got nx=" + nx + ", ny=" + ny);
        }
        return new CartesianGrid2D(nx, ny, width / nx, height / ny, 0.0, 0.0, periodicX);
    }

    /** @return number of cells along x */
    public int nx() {
        return nx;
    }

    /** @return number of cells along y */
    public int ny() {
        return ny;
    }

    /** @return total number of cells {@code nx * ny}, the length of every cell field */
    public int cellCount() {
        return nx * ny;
    }

    /** @return cell width along x [m] */
    public double dx() {
        return dx;
    }

    /** @return cell height along y [m] */
    public double dy() {
        return dy;
    }

    /** @return cell area {@code dx * dy} [m^2] */
    public double cellArea() {
        return dx * dy;
    }

    /** @return x of the west domain edge [m] */
    public double originX() {
        return originX;
    }

    /** @return y of the south domain edge [m] */
    public double originY() {
        return originY;
    }

    /** @return domain width {@code nx * dx} [m] */
    public double width() {
        return nx * dx;
    }

    /** @return domain height {@code ny * dy} [m] */
    public double height() {
        return ny * dy;
    }

    /** @return whether the west and east edges are periodic */
    public boolean isPeriodicX() {
        return periodicX;
    }

    /** @return x of the centre of column {@code i} [m] */
    public double xCentre(int i) {
        return originX + (i + 0.5) * dx;
    }

    /** @return y of the centre of row {@code j} [m] */
    public double yCentre(int j) {
        return originY + (j + 0.5) * dy;
    }

    /** @return x of x-face {@code i} (west face of column i), {@code 0 <= i <= nx} [m] */
    public double xFace(int i) {
        return originX + i * dx;
    }

    /** @return y of y-face {@code j} (south face of row j), {@code 0 <= j <= ny} [m] */
    public double yFace(int j) {
        return originY + j * dy;
    }

    /**
     * @return linear index {@code i + nx * j} of cell (i, j); not range-checked (hot path)
     */
    public int index(int i, int j) {
        return i + nx * j;
    }

    /** @return column i of linear index k */
    public int iOf(int k) {
        return k % nx;
    }

    /** @return row j of linear index k */
    public int jOf(int k) {
        return k / nx;
    }

    /**
     * Maps any column number to a valid one: periodic wrap if {@link #isPeriodicX()}, otherwise
     * clamped to {@code [0, nx-1]} (zero-gradient ghost extension).
     *
     * @param i a column number, possibly outside {@code [0, nx)}
     * @return a column in {@code [0, nx)}
     */
    public int wrapOrClampI(int i) {
        if (periodicX) {
            int r = i % nx;
            return r < 0 ? r + nx : r;
        }
        return i < 0 ? 0 : (i >= nx ? nx - 1 : i);
    }

    /**
     * Clamps a row number to {@code [0, ny-1]} (zero-gradient ghost extension at the y walls).
     *
     * @param j a row number
     * @return a row in {@code [0, ny)}
     */
    public int clampJ(int j) {
        return j < 0 ? 0 : (j >= ny ? ny - 1 : j);
    }

    /** @return linear index of the east (+x) neighbour of cell k, wrapping if periodic, else {@link #NO_NEIGHBOUR} at the wall */
    public int east(int k) {
        int i = k % nx;
        if (i < nx - 1) {
            return k + 1;
        }
        return periodicX ? k + 1 - nx : NO_NEIGHBOUR;
    }

    /** @return linear index of the west (-x) neighbour of cell k, wrapping if periodic, else {@link #NO_NEIGHBOUR} at the wall */
    public int west(int k) {
        int i = k % nx;
        if (i > 0) {
            return k - 1;
        }
        return periodicX ? k - 1 + nx : NO_NEIGHBOUR;
    }

    /** @return linear index of the north (+y) neighbour of cell k, or {@link #NO_NEIGHBOUR} at the top wall */
    public int north(int k) {
        int kn = k + nx;
        return kn < nx * ny ? kn : NO_NEIGHBOUR;
    }

    /** @return linear index of the south (-y) neighbour of cell k, or {@link #NO_NEIGHBOUR} at the bottom wall */
    public int south(int k) {
        return k >= nx ? k - nx : NO_NEIGHBOUR;
    }

    /** @return a new zero cell field of length {@link #cellCount()} */
    public double[] newField() {
        return new double[nx * ny];
    }

    /**
     * Fills a cell field with a function of the cell-centre coordinates.
     *
     * @param field    cell field of length {@link #cellCount()}, overwritten
     * @param function value at (x, y) [SI]
     * @return {@code field}
     */
    public double[] fill(double[] field, DoubleBinaryOperator function) {
        requireField(field, "field");
        for (int j = 0, k = 0; j < ny; j++) {
            double y = yCentre(j);
            for (int i = 0; i < nx; i++, k++) {
                field[k] = function.applyAsDouble(xCentre(i), y);
            }
        }
        return field;
    }

    /**
     * Checks that an array is a cell field of this grid.
     *
     * @param field the array
     * @param name  its name, for the message
     * @return {@code field}
     * @throws IllegalArgumentException if null or of the wrong length
     */
    public double[] requireField(double[] field, String name) {
        if (field == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (field.length != nx * ny) {
            throw new IllegalArgumentException(name + " has length " + field.length + ", expected nx*ny = "
                    + nx + "*" + ny + " = " + (nx * ny));
        }
        return field;
    }

    /**
     * Sum of a cell field times the cell area, i.e. the midpoint-rule integral over the domain.
     *
     * @param field cell field
     * @return {@code sum_k field[k] * dx * dy}
     */
    public double integrate(double[] field) {
        requireField(field, "field");
        double sum = 0.0;
        for (double v : field) {
            sum += v;
        }
        return sum * dx * dy;
    }

    @Override
    public String toString() {
        return "CartesianGrid2D[" + nx + " x " + ny + ", dx=" + dx + ", dy=" + dy + ", origin=(" + originX + ", "
                + originY + "), periodicX=" + periodicX + "]";
    }
}

package io.nernst.solvers.multigrid;

/**
 * One level of a {@link GeometricMultigrid} hierarchy: the cell-centred five-point operator
 * {@code -div(k grad u) + m u} on an {@code nx x ny} grid (equations per unit area), its
 * red-black Gauss-Seidel smoother, the transfer tables to the next coarser level, and the
 * level's work vectors. Package-private; every array is allocated at construction.
 */
final class MultigridLevel {
    final int nx;
    final int ny;
    final int n;
    final double dx;
    final double dy;
    final boolean periodicX;
    final WallCondition south;
    final WallCondition north;

    /** Face coefficients: west face of each cell (0 at a wall or for a single periodic column). */
    final double[] kWest;
    /** South face of each cell; row 0 holds the south wall face. */
    final double[] kSouth;
    /** North wall face above each column. */
    final double[] kNorthWall;
    /** Reaction coefficient m per cell. */
    final double[] reaction;

    /** Neighbour couplings k/h^2 (zero where there is no neighbour cell). */
    final double[] cWest;
    final double[] cEast;
    final double[] cSouth;
    final double[] cNorth;
    final double[] diagonal;
    final double[] inverseDiagonal;
    /** Diagonal without the reaction: sum of couplings plus Dirichlet wall terms. */
    final double[] baseDiagonal;

    /** Work vectors: correction (or solution), right-hand side, residual. */
    final double[] u;
    final double[] f;
    final double[] r;

    /* Transfer to the next coarser level (null on the coarsest): for each fine column / row the
     * primary and secondary coarse index and their 1D bilinear weights. */
    boolean coarsenX;
    boolean coarsenY;
    int[] xPrimary;
    int[] xSecondary;
    double[] xPrimaryWeight;
    double[] xSecondaryWeight;
    int[] yPrimary;
    int[] ySecondary;
    double[] yPrimaryWeight;
    double[] ySecondaryWeight;
    /* Per-cell operator-dependent weights (see computeTransferWeights). */
    double[] cellXPrimary;
    double[] cellXSecondary;
    double[] cellYPrimary;
    double[] cellYSecondary;

    MultigridLevel(int nx, int ny, double dx, double dy, boolean periodicX, WallCondition south, WallCondition north) {
        this.nx = nx;
        this.ny = ny;
        this.n = nx * ny;
        this.dx = dx;
        this.dy = dy;
        this.periodicX = periodicX;
        this.south = south;
        this.north = north;
        kWest = new double[n];
        kSouth = new double[n];
        kNorthWall = new double[nx];
        reaction = new double[n];
        cWest = new double[n];
        cEast = new double[n];
        cSouth = new double[n];
        cNorth = new double[n];
        diagonal = new double[n];
        inverseDiagonal = new double[n];
        baseDiagonal = new double[n];
        u = new double[n];
        f = new double[n];
        r = new double[n];
    }

    /** Whether column 0 couples to column nx-1 (a single periodic column couples to itself: no flux). */
    boolean wrapsX() {
        return periodicX && nx > 1;
    }

    /** Recomputes the couplings and the diagonal from the face and reaction coefficients. */
    void assemble() {
        double ix2 = 1.0 / (dx * dx);
        double iy2 = 1.0 / (dy * dy);
        boolean wraps = wrapsX();
        boolean dirichletSouth = south == WallCondition.DIRICHLET;
        boolean dirichletNorth = north == WallCondition.DIRICHLET;
        for (int j = 0, k = 0; j < ny; j++) {
            int rowStart = j * nx;
            for (int i = 0; i < nx; i++, k++) {
                double w = (i > 0 || wraps) ? kWest[k] * ix2 : 0.0;
                double e;
                if (i < nx - 1) {
                    e = kWest[k + 1] * ix2;
                } else {
                    e = wraps ? kWest[rowStart] * ix2 : 0.0;
                }
                double s = j > 0 ? kSouth[k] * iy2 : 0.0;
                double nn = j < ny - 1 ? kSouth[k + nx] * iy2 : 0.0;
                double base = w + e + s + nn;
                if (j == 0 && dirichletSouth) {
                    base += 2.0 * kSouth[k] * iy2;
                }
                if (j == ny - 1 && dirichletNorth) {
                    base += 2.0 * kNorthWall[i] * iy2;
                }
                double d = base + reaction[k];
                cWest[k] = w;
                cEast[k] = e;
                cSouth[k] = s;
                cNorth[k] = nn;
                baseDiagonal[k] = base;
                diagonal[k] = d;
                inverseDiagonal[k] = d > 0.0 ? 1.0 / d : 0.0;
            }
        }
    }

    /** Diagonal from the stored couplings and the (new) reaction; the couplings are unchanged. */
    void assembleReaction() {
        for (int k = 0; k < n; k++) {
            double d = baseDiagonal[k] + reaction[k];
            diagonal[k] = d;
            inverseDiagonal[k] = d > 0.0 ? 1.0 / d : 0.0;
        }
    }

    /** Coarse reaction from this level's (children's average), then the coarse diagonal. */
    void restrictReaction(MultigridLevel coarse) {
        int cnx = coarse.nx;
        for (int cj = 0; cj < coarse.ny; cj++) {
            for (int ci = 0; ci < cnx; ci++) {
                int fk = (coarsenX ? 2 * ci : ci) + nx * (coarsenY ? 2 * cj : cj);
                double m = restrictedReaction(fk);
                coarse.reaction[ci + cnx * cj] = m;
            }
        }
        coarse.assembleReaction();
    }

    /** out = A x. */
    void apply(double[] x, double[] out) {
        boolean wraps = wrapsX();
        for (int j = 0; j < ny; j++) {
            int base = j * nx;
            boolean hasS = j > 0;
            boolean hasN = j < ny - 1;
            for (int i = 0; i < nx; i++) {
                int k = base + i;
                out[k] = diagonal[k] * x[k] - neighbourSum(x, k, i, base, hasS, hasN, wraps);
            }
        }
    }

    /**
     * sum over neighbours of coupling * x. The east and north couplings are read from the west and
     * south coefficients of the neighbour (two arrays fewer to stream through memory in the hot loops).
     */
    private double neighbourSum(double[] x, int k, int i, int base, boolean hasS, boolean hasN, boolean wraps) {
        double sum;
        if (i > 0) {
            sum = cWest[k] * x[k - 1];
        } else {
            sum = wraps ? cWest[k] * x[base + nx - 1] : 0.0;
        }
        if (i < nx - 1) {
            sum += cWest[k + 1] * x[k + 1];
        } else if (wraps) {
            sum += cWest[base] * x[base];
        }
        if (hasS) {
            sum += cSouth[k] * x[k - nx];
        }
        if (hasN) {
            sum += cSouth[k + nx] * x[k + nx];
        }
        return sum;
    }

    /** res = b - A x; returns the squared 2-norm of res. */
    double residual(double[] b, double[] x, double[] res) {
        boolean wraps = wrapsX();
        double total = 0.0;
        for (int j = 0; j < ny; j++) {
            int base = j * nx;
            boolean hasS = j > 0;
            boolean hasN = j < ny - 1;
            for (int i = 0; i < nx; i++) {
                int k = base + i;
                double v = b[k] - diagonal[k] * x[k] + neighbourSum(x, k, i, base, hasS, hasN, wraps);
                res[k] = v;
                total += v * v;
            }
        }
        return total;
    }

    /**
     * One Gauss-Seidel sweep over the cells of one colour ((i + j) mod 2 == colour). With an even
     * nx (or no x coupling) the cells of one colour are mutually independent.
     */
    void relaxColour(int colour, double[] x, double[] b) {
        for (int j = 0; j < ny; j++) {
            relaxRow(j, colour, x, b);
        }
    }

    /** Gauss-Seidel update of the cells of one colour in row j. */
    private void relaxRow(int j, int colour, double[] x, double[] b) {
        boolean wraps = wrapsX();
        int base = j * nx;
        boolean hasS = j > 0;
        boolean hasN = j < ny - 1;
        for (int i = (j + colour) & 1; i < nx; i += 2) {
            int k = base + i;
            x[k] = (b[k] + neighbourSum(x, k, i, base, hasS, hasN, wraps)) * inverseDiagonal[k];
        }
    }

    /**
     * A full sweep of colour {@code first} followed by a full sweep of the other colour, fused into one
     * pass over the rows: colour {@code first} in row j, then the other colour in row j - 1. The
     * result is identical (the second colour in row j - 1 needs the first colour of rows j - 2 .. j
     * only, all updated by then, and the first colour of row j reads the second colour before it
     * changes), but each row is brought from memory once instead of twice.
     */
    private void relaxPair(int first, double[] x, double[] b) {
        int second = 1 - first;
        relaxRow(0, first, x, b);
        for (int j = 1; j < ny; j++) {
            relaxRow(j, first, x, b);
            relaxRow(j - 1, second, x, b);
        }
        relaxRow(ny - 1, second, x, b);
    }

    /** Red then black: the pre-smoother. */
    void smoothForward(double[] x, double[] b, int sweeps) {
        for (int s = 0; s < sweeps; s++) {
            relaxPair(0, x, b);
        }
    }

    /** Black then red: the adjoint of {@link #smoothForward}, keeping the V-cycle symmetric. */
    void smoothBackward(double[] x, double[] b, int sweeps) {
        for (int s = 0; s < sweeps; s++) {
            relaxPair(1, x, b);
        }
    }

    /**
     * Builds the transfer tables to {@code coarse}, made from this level by halving x
     * ({@code coarsenX}) and/or y ({@code coarsenY}). The prolongation is the cell-centred
     * (bi)linear interpolant: weights 3/4 and 1/4 from the two nearest coarse centres; beyond a
     * Neumann wall the ghost equals the boundary value, beyond a Dirichlet wall it is its
     * negative (linear through the zero correction on the wall).
     */
    void linkCoarse(MultigridLevel coarse, boolean halveX, boolean halveY) {
        this.coarsenX = halveX;
        this.coarsenY = halveY;
        xPrimary = new int[nx];
        xSecondary = new int[nx];
        xPrimaryWeight = new double[nx];
        xSecondaryWeight = new double[nx];
        cellXPrimary = new double[n];
        cellXSecondary = new double[n];
        cellYPrimary = new double[n];
        cellYSecondary = new double[n];
        yPrimary = new int[ny];
        ySecondary = new int[ny];
        yPrimaryWeight = new double[ny];
        ySecondaryWeight = new double[ny];
        // x has no Dirichlet walls: beyond a non-periodic x wall the ghost is Neumann.
        axisTransfer(nx, coarse.nx, halveX, periodicX, WallCondition.NEUMANN, WallCondition.NEUMANN,
                xPrimary, xSecondary, xPrimaryWeight, xSecondaryWeight);
        axisTransfer(ny, coarse.ny, halveY, false, south, north, yPrimary, ySecondary, yPrimaryWeight, ySecondaryWeight);
    }

    /**
     * One axis of the prolongation tables of {@link #linkCoarse}: fine index i takes weight 3/4
     * from its coarse parent and 1/4 from the next-nearest coarse centre; beyond a wall the
     * parent alone carries weight 1 (Neumann ghost) or 1/2 (Dirichlet ghost); a periodic axis
     * wraps instead. Without halving, the coarse index equals the fine one.
     */
    private static void axisTransfer(int fineCount, int coarseCount, boolean halve, boolean periodic,
            WallCondition lowWall, WallCondition highWall, int[] primary, int[] secondary, double[] primaryWeight,
            double[] secondaryWeight) {
        for (int i = 0; i < fineCount; i++) {
            if (!halve) {
                primary[i] = i;
                secondary[i] = i;
                primaryWeight[i] = 1.0;
                continue;
            }
            int c = i >> 1;
            int other = (i & 1) == 0 ? c - 1 : c + 1;
            primary[i] = c;
            if (other >= 0 && other < coarseCount) {
                secondary[i] = other;
                primaryWeight[i] = 0.75;
                secondaryWeight[i] = 0.25;
            } else if (periodic) {
                secondary[i] = other < 0 ? other + coarseCount : other - coarseCount;
                primaryWeight[i] = 0.75;
                secondaryWeight[i] = 0.25;
            } else {
                WallCondition wall = other < 0 ? lowWall : highWall;
                secondary[i] = c;
                primaryWeight[i] = wall == WallCondition.DIRICHLET ? 0.5 : 1.0;
            }
        }
    }

    /** Coarse coefficients from this level's: faces averaged along the coarse face, reaction averaged. */
    void restrictCoefficients(MultigridLevel coarse) {
        int cnx = coarse.nx;
        for (int cj = 0; cj < coarse.ny; cj++) {
            for (int ci = 0; ci < cnx; ci++) {
                int ck = ci + cnx * cj;
                int fi = coarsenX ? 2 * ci : ci;
                int fj = coarsenY ? 2 * cj : cj;
                int fk = fi + nx * fj;
                // West face of the coarse cell: the fine west faces of the fine column fi, over the rows it spans.
                double west = coarsenY ? 0.5 * (kWest[fk] + kWest[fk + nx]) : kWest[fk];
                double southFace = coarsenX ? 0.5 * (kSouth[fk] + kSouth[fk + 1]) : kSouth[fk];
                double m = restrictedReaction(fk);
                coarse.kWest[ck] = west;
                coarse.kSouth[ck] = southFace;
                coarse.reaction[ck] = m;
            }
        }
        for (int ci = 0; ci < cnx; ci++) {
            int fi = coarsenX ? 2 * ci : ci;
            coarse.kNorthWall[ci] = coarsenX ? 0.5 * (kNorthWall[fi] + kNorthWall[fi + 1]) : kNorthWall[fi];
        }
        coarse.assemble();
        computeTransferWeights();
    }

    /** coarse.f = (P^T / children) fineResidual: the scaled transpose of {@link #prolongAdd}. */
    void restrictResidual(double[] fine, MultigridLevel coarse) {
        double[] out = coarse.f;
        java.util.Arrays.fill(out, 0.0);
        double scale = 1.0 / ((coarsenX ? 2 : 1) * (coarsenY ? 2 : 1));
        int cnx = coarse.nx;
        for (int j = 0; j < ny; j++) {
            int pa = yPrimary[j] * cnx;
            int pb = ySecondary[j] * cnx;
            int base = j * nx;
            for (int i = 0; i < nx; i++) {
                int k = base + i;
                double v = fine[k] * scale;
                int qa = xPrimary[i];
                int qb = xSecondary[i];
                double wa = cellYPrimary[k] * v;
                double wb = cellYSecondary[k] * v;
                double a = cellXPrimary[k];
                double b = cellXSecondary[k];
                out[pa + qa] += wa * a;
                out[pa + qb] += wa * b;
                out[pb + qa] += wb * a;
                out[pb + qb] += wb * b;
            }
        }
    }

    /** fine += P coarse.u, the (operator-dependent) bilinear cell-centred interpolant. */
    void prolongAdd(MultigridLevel coarse, double[] fine) {
        double[] e = coarse.u;
        int cnx = coarse.nx;
        for (int j = 0; j < ny; j++) {
            int pa = yPrimary[j] * cnx;
            int pb = ySecondary[j] * cnx;
            int base = j * nx;
            for (int i = 0; i < nx; i++) {
                int k = base + i;
                int qa = xPrimary[i];
                int qb = xSecondary[i];
                double a = cellXPrimary[k];
                double b = cellXSecondary[k];
                fine[k] += cellYPrimary[k] * (a * e[pa + qa] + b * e[pa + qb])
                        + cellYSecondary[k] * (a * e[pb + qa] + b * e[pb + qb]);
            }
        }
    }

    /**
     * Operator-dependent interpolation weights (after {@link #assemble()}). In each coarsened
     * direction a fine cell lies between its own coarse cell (primary) and the neighbouring one
     * (secondary); geometric linear interpolation gives them 3/4 and 1/4. Here the secondary weight
     * is {@code c_s / (3 c_p + c_s)}, with {@code c_p} the coupling to the sibling fine cell (same
     * coarse cell) and {@code c_s} the coupling to the fine neighbour in the secondary coarse cell:
     * 1/4 for a constant coefficient, tending to 0 when the fine cell is cut off from the secondary
     * coarse cell by a low coefficient. This keeps a large correction of a weakly coupled
     * low-coefficient region from leaking into the well-conducting cells next to it, the failure of
     * geometric interpolation across coefficient jumps (Alcouffe, Brandt, Dendy, Painter 1981).
     * Walls keep the geometric weights (Neumann: 1, Dirichlet: 1/2).
     */
    void computeTransferWeights() {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = i + nx * j;
                cellXPrimary[k] = xPrimaryWeight[i];
                cellXSecondary[k] = xSecondaryWeight[i];
                if (coarsenX && xSecondaryWeight[i] > 0.0) {
                    boolean even = (i & 1) == 0;
                    operatorWeights(k, even ? cEast[k] : cWest[k], even ? cWest[k] : cEast[k], cellXPrimary,
                            cellXSecondary);
                }
                cellYPrimary[k] = yPrimaryWeight[j];
                cellYSecondary[k] = ySecondaryWeight[j];
                if (coarsenY && ySecondaryWeight[j] > 0.0) {
                    boolean even = (j & 1) == 0;
                    operatorWeights(k, even ? cNorth[k] : cSouth[k], even ? cSouth[k] : cNorth[k], cellYPrimary,
                            cellYSecondary);
                }
            }
        }
    }

    /**
     * Replaces the geometric weights of cell k in one direction by the operator-dependent ones of
     * {@link #computeTransferWeights}: secondary {@code c_s / (3 c_p + c_s)}, primary its complement;
     * kept geometric when both couplings vanish.
     */
    private static void operatorWeights(int k, double siblingCoupling, double otherCoupling, double[] primary,
            double[] secondary) {
        double total = 3.0 * siblingCoupling + otherCoupling;
        if (total > 0.0) {
            secondary[k] = otherCoupling / total;
            primary[k] = 1.0 - secondary[k];
        }
    }

    /**
     * Mean of the reaction coefficient over the fine cells that make up one coarse cell whose
     * lower-left fine cell is {@code fk} (volume-weighted restriction; the same arithmetic serves
     * the reaction-only update and the full coarsening).
     */
    private double restrictedReaction(int fk) {
        if (coarsenX && coarsenY) {
            return 0.25 * (reaction[fk] + reaction[fk + 1] + reaction[fk + nx] + reaction[fk + nx + 1]);
        } else if (coarsenX) {
            return 0.5 * (reaction[fk] + reaction[fk + 1]);
        } else if (coarsenY) {
            return 0.5 * (reaction[fk] + reaction[fk + nx]);
        }
        return reaction[fk];
    }
}

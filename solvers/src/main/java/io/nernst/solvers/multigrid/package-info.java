/**
 * Geometric multigrid for the cell-centred 2D variable-coefficient diffusion-reaction
 * operator {@code A u = -div(k grad u) + m u} on a uniform Cartesian grid, periodic (or
 * zero-flux) in x, Dirichlet or Neumann at the two y walls.
 *
 * <p>Discretisation: two-point fluxes {@code k_face (u_a - u_b) / h} between cell centres,
 * with the face coefficient supplied by the caller (or the harmonic mean of two cell values),
 * and {@code 2 k_wall (u - g) / h} to a Dirichlet wall half a cell away. Equations are scaled
 * per unit area, so the matrix is symmetric and, with {@code m >= 0} and at least one Dirichlet
 * wall or positive {@code m}, positive definite.
 *
 * <p>Hierarchy: cells are merged 2x2 (or 2x1 in one direction when only that direction can
 * be halved without creating strong anisotropy); a coarse face coefficient is the average of
 * the fine face coefficients lying on it (faces in series are already combined by the
 * harmonic mean inside each fine face coefficient), the coarse reaction the average of the
 * children's. Transfers: cell-centred bilinear prolongation and its scaled transpose as
 * restriction, so that together with red-black Gauss-Seidel pre-smoothing and the reversed
 * (black-red) post-smoothing the V-cycle is a symmetric operator and may precondition the
 * conjugate-gradient method (Krylov acceleration for strongly varying coefficients). The
 * coarsest grid is solved exactly by a banded Cholesky factorisation.
 *
 * <p>References: P. Wesseling, <i>An Introduction to Multigrid Methods</i> (Wiley 1992),
 * ch. 5 (cell-centred transfers, the rule m_P + m_R &gt; 2 for the transfer orders) and
 * ch. 7 (smoothing); U. Trottenberg, C. Oosterlee, A. Schueller, <i>Multigrid</i>
 * (Academic Press 2001), sec. 7.8 (multigrid as a preconditioner), sec. 7.7 (discontinuous
 * coefficients); R.E. Alcouffe, A. Brandt, J.E. Dendy, J.W. Painter, SIAM J. Sci. Stat.
 * Comput. 2 (1981) 430 (why interface problems need care).
 */
package io.nernst.solvers.multigrid;

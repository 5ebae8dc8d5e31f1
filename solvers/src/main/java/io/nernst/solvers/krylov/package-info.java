/**
 * Preconditioned Krylov subspace solvers behind {@link io.nernst.solvers.linear.LinearSolver}:
 * restarted GMRES(m) ({@link io.nernst.solvers.krylov.GmresSolver}, Saad and Schultz 1986) and
 * BiCGSTAB ({@link io.nernst.solvers.krylov.BiCgStabSolver}, van der Vorst 1992), both right
 * preconditioned with any {@link io.nernst.solvers.precond.Preconditioner}, configured by
 * {@link io.nernst.solvers.krylov.KrylovSettings}. Failure to reach the tolerance raises
 * {@link io.nernst.solvers.krylov.KrylovConvergenceException}.
 */
package io.nernst.solvers.krylov;

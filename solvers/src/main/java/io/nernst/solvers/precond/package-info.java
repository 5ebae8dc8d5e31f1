/**
 * Preconditioners for the Krylov solvers of {@code io.nernst.solvers.krylov}: an operator
 * {@code M ~ A} whose inverse is cheap to apply. {@link io.nernst.solvers.precond.Preconditioner}
 * is the contract; {@link io.nernst.solvers.precond.IdentityPreconditioner},
 * {@link io.nernst.solvers.precond.JacobiPreconditioner} and
 * {@link io.nernst.solvers.precond.Ilu0Preconditioner} are the implementations.
 */
package io.nernst.solvers.precond;

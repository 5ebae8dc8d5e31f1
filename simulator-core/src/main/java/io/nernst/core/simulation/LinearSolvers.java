package io.nernst.core.simulation;

import io.nernst.solvers.linear.BandedLuSolver;
import io.nernst.solvers.linear.DenseLuSolver;
import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.SparseLuSolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Linear solvers selectable by name in scenario files and on the command line: "dense"
 * (LU with partial pivoting), "banded" (band LU after reverse Cuthill-McKee), "sparse"
 * (sparse LU with a fill-reducing ordering), and {@value #DEFAULT}: the BDF integrator's
 * own choice, which compares the operation counts of dense, banded and sparse LU on the
 * system's Jacobian pattern. Other modules register theirs with {@link #register}.
 */
public final class LinearSolvers {

    /** Name meaning "the integrator's default". */
    public static final String DEFAULT = "default";

    private static final Map<String, Supplier<LinearSolver>> SOLVERS = new LinkedHashMap<>();

    static {
        SOLVERS.put(DEFAULT, null);
        SOLVERS.put("dense", DenseLuSolver::new);
        SOLVERS.put("banded", BandedLuSolver::new);
        SOLVERS.put("sparse", SparseLuSolver::new);
    }

    private LinearSolvers() {
    }

    /** Registers (or replaces) a named solver factory. */
    public static synchronized void register(String name, Supplier<LinearSolver> factory) {
        if (name == null || name.isBlank() || factory == null) {
            throw new IllegalArgumentException("a linear solver needs a name and a factory");
        }
        SOLVERS.put(name, factory);
    }

    /** The known names. */
    public static synchronized Iterable<String> names() {
        return java.util.List.copyOf(SOLVERS.keySet());
    }

    /**
     * The factory for {@code name}, or {@code null} for {@value #DEFAULT} (the integrator chooses).
     *
     * @throws IllegalArgumentException naming the unknown solver and listing the known ones
     */
    public static synchronized Supplier<LinearSolver> factory(String name) {
        check(name);
        return SOLVERS.get(name);
    }

    static synchronized void check(String name) {
        if (!SOLVERS.containsKey(name)) {
            throw new io.nernst.core.error.BadInputException("unknown linear solver '" + name + "'; known: " + String.join(", ", SOLVERS.keySet()));
        }
    }
}

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
 * (sparse LU with a fill-reducing ordering), and {@value #DEFAULT}: dense up to
 * {@value #DENSE_LIMIT} unknowns, sparse above (a dense factorisation costs n^3/3 flops,
 * already about 3 Mflop at n = 200, and grows too fast for DFN meshes of ~1000 unknowns).
 * Other modules register theirs with {@link #register}.
 */
public final class LinearSolvers {

    /** Name meaning "the integrator's default". */
    public static final String DEFAULT = "default";

    /** Largest system for which {@value #DEFAULT} means dense LU. */
    public static final int DENSE_LIMIT = 200;

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
     * The factory for {@code name} and a system of {@code dimension} unknowns.
     *
     * @throws IllegalArgumentException naming the unknown solver and listing the known ones
     */
    public static synchronized Supplier<LinearSolver> factory(String name, int dimension) {
        check(name);
        if (DEFAULT.equals(name)) {
            return dimension <= DENSE_LIMIT ? DenseLuSolver::new : SparseLuSolver::new;
        }
        return SOLVERS.get(name);
    }

    static synchronized void check(String name) {
        if (!SOLVERS.containsKey(name)) {
            throw new IllegalArgumentException("unknown linear solver '" + name + "'; known: " + String.join(", ", SOLVERS.keySet()));
        }
    }
}

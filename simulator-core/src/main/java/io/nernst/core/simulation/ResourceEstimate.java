package io.nernst.core.simulation;

import io.nernst.core.error.BadInputException;
import io.nernst.core.experiment.Experiment;
import io.nernst.core.experiment.ExperimentStep;
import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import java.util.Locale;

/**
 * Up-front estimates of what a run needs, so that a request that cannot fit is refused before it
 * starts, with the estimate, instead of running for hours or ending in an OutOfMemoryError
 * (docs/reliability.md): the output rows (one per output period over each step's expected
 * duration) and the memory (rows times columns, plus the model's unknowns).
 *
 * <p>Per unknown the run holds the BDF history and work vectors (about 20 doubles), a Jacobian
 * row and its LU factor (about 40 entries of value and index): {@value #BYTES_PER_UNKNOWN}
 * bytes is the planning figure. A run may use at most {@value #HEAP_SHARE_PERCENT} % of the
 * Java heap ({@code Runtime.maxMemory()}).
 */
public final class ResourceEstimate {

    /** Planning figure of memory per unknown [bytes]. */
    public static final long BYTES_PER_UNKNOWN = 20 * 8 + 40 * 12;
    /** Share of the heap a run may plan to use. */
    public static final int HEAP_SHARE_PERCENT = 80;

    private final double rows;
    private final double bytes;
    private final String what;

    private ResourceEstimate(double rows, double bytes, String what) {
        this.rows = rows;
        this.bytes = bytes;
        this.what = what;
    }

    /** Estimated output rows. */
    public double rows() {
        return rows;
    }

    /** Estimated memory [bytes]. */
    public double bytes() {
        return bytes;
    }

    /**
     * The estimate of a run of {@code experiment} on {@code model}: rows on the output-period grid
     * over each step's expected duration (its duration; for a current step with a voltage limit the
     * time to pass the nominal capacity, 3600 Q / |I|; else the default step duration), two rows per
     * step without a period (the integrator's own steps cannot be known in advance), plus the
     * start and end rows of every step.
     */
    public static ResourceEstimate of(CellModel model, Experiment experiment) {
        double rows = 0;
        double longestPeriodRows = 0;
        double q = model.nominalCapacity();
        double area = model.electrodeArea();
        for (Experiment.ScheduledStep s : experiment.schedule()) {
            ExperimentStep step = s.step();
            double period = Double.isNaN(step.period()) ? experiment.period() : step.period();
            rows += 2;
            if (!Double.isNaN(period)) {
                double duration = expectedDuration(step, q, area);
                double r = duration / period;
                rows += r;
                longestPeriodRows = Math.max(longestPeriodRows, r);
            }
        }
        int columns = Solution.LOOP_COLUMNS.size() + model.scalarOutputNames().size();
        double bytes = rows * columns * 8.0 + (double) model.dimension() * BYTES_PER_UNKNOWN;
        String what = String.format(Locale.ROOT, "%s output rows of %d columns (%s) and %d unknowns", count(rows), columns,
                Double.isNaN(experiment.period()) ? "output period set per step" : "output period " + Simulation.seconds(experiment.period()),
                model.dimension());
        return new ResourceEstimate(rows, bytes, what);
    }

    /**
     * Refuses mesh counts whose unknowns cannot fit before a model is built: at most
     * (x cells) (particle shells + 3) unknowns (the DFN: every electrode cell holds a particle,
     * its surface, the electrolyte concentration and two potentials).
     *
     * @param xCells         cells across the cell (negative + separator + positive)
     * @param particleShells shells per particle
     * @throws BadInputException with the estimate when it does not fit
     */
    public static void requireMeshFits(long xCells, long particleShells, String meshText) {
        double unknowns = (double) xCells * (particleShells + 3);
        double bytes = unknowns * BYTES_PER_UNKNOWN;
        if (unknowns > Integer.MAX_VALUE - 8 || bytes > budget()) {
            throw new BadInputException("mesh " + meshText + " gives up to " + count(unknowns) + " unknowns, needing about "
                    + size(bytes) + " of memory; this Java heap allows " + size(budget()) + " (" + HEAP_SHARE_PERCENT + " % of "
                    + size(Runtime.getRuntime().maxMemory()) + "): use a coarser mesh (or raise the heap with JAVA_TOOL_OPTIONS=-Xmx...)");
        }
    }

    /** Throws, with the estimate, when the run would need more memory than the heap allows. */
    public void requireFits() {
        if (bytes > budget()) {
            throw new BadInputException("the run would write " + what + ", needing about " + size(bytes) + " of memory; this Java "
                    + "heap allows " + size(budget()) + " (" + HEAP_SHARE_PERCENT + " % of " + size(Runtime.getRuntime().maxMemory())
                    + "): use a longer output period (experiment.period), shorter steps, fewer repeats or a coarser mesh");
        }
    }

    private static double budget() {
        return Runtime.getRuntime().maxMemory() * (HEAP_SHARE_PERCENT / 100.0);
    }

    private static double expectedDuration(ExperimentStep step, double q, double area) {
        if (step.durationIfGiven().isPresent()) {
            return step.duration();
        }
        if (step.control() == Control.CURRENT) {
            double target = step.target(q, area);
            if (target != 0.0 && !step.voltageLimits().isEmpty()) {
                return 3600.0 * q / Math.abs(target);
            }
        }
        return Simulation.DEFAULT_STEP_DURATION;
    }

    private static String count(double n) {
        return n < 1e6 ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.3g", n);
    }

    static String size(double bytes) {
        if (bytes >= 1e12) {
            return String.format(Locale.ROOT, "%.3g TB", bytes / 1e12);
        }
        if (bytes >= 1e9) {
            return String.format(Locale.ROOT, "%.3g GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.3g MB", bytes / 1e6);
    }
}

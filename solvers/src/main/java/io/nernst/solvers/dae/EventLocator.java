package io.nernst.solvers.dae;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Event location on the dense output of accepted steps: the event functions are evaluated at
 * each step's end; sign changes in an accepted direction are located on the interpolating
 * polynomial with Hipparchus' {@link BracketingNthOrderBrentSolver}. One instance per integrator;
 * {@link #start} is called once per integration. Allocates only when an event is found.
 */
final class EventLocator {
    private final BracketingNthOrderBrentSolver rootSolver;
    private final EventFunction function = new EventFunction();
    private List<DaeEvent> events = List.of();
    private int[] lastSign = new int[0];
    private int[] endSign = new int[0];
    private final List<double[]> found = new ArrayList<>();

    EventLocator(BdfSettings settings) {
        this.rootSolver = new BracketingNthOrderBrentSolver(settings.eventTimeRelativeTolerance(),
                settings.eventTimeAbsoluteTolerance(), 0.0, 5);
    }

    /** Starts an integration with these events at (t0, y0, y'0). */
    void start(List<DaeEvent> eventList, double t0, double[] y0, double[] yp0) {
        events = eventList == null ? List.of() : eventList;
        int count = events.size();
        lastSign = new int[count];
        endSign = new int[count];
        for (int e = 0; e < count; e++) {
            lastSign[e] = sign(events.get(e).g(t0, y0, yp0));
        }
    }

    int eventCount() {
        return events.size();
    }

    /**
     * Finds the sign changes over [tStart, stepEnd] of {@code dense}, sorted by time then index,
     * as {time, event index} pairs (the returned list is reused by the next call).
     * {@code y} and {@code yp} are scratch buffers of the system dimension.
     */
    List<double[]> locate(DenseOutput dense, double tStart, double stepEnd, double[] y, double[] yp) {
        found.clear();
        int count = events.size();
        // All signs at the step end first: root location reuses the state buffers.
        dense.interpolate(stepEnd, y, yp);
        for (int e = 0; e < count; e++) {
            endSign[e] = sign(events.get(e).g(stepEnd, y, yp));
        }
        for (int e = 0; e < count; e++) {
            DaeEvent event = events.get(e);
            int s = endSign[e];
            if (lastSign[e] != 0 && s != lastSign[e] && event.direction().accepts(lastSign[e])) {
                double root = s == 0 ? stepEnd : locateRoot(dense, event, lastSign[e], tStart, stepEnd, y, yp);
                found.add(new double[] {root, e});
            }
            lastSign[e] = s;
        }
        if (!found.isEmpty()) {
            found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        }
        return found;
    }

    /** True when event {@code index} is terminal. */
    boolean terminal(int index) {
        return events.get(index).terminal();
    }

    private double locateRoot(DenseOutput dense, DaeEvent event, int signBefore, double a, double b, double[] y,
            double[] yp) {
        function.dense = dense;
        function.event = event;
        function.y = y;
        function.yp = yp;
        double ga = function.value(a);
        if (sign(ga) != signBefore) {
            // The polynomial's start value disagrees with the stored sign (should not happen): take the start.
            return a;
        }
        try {
            return rootSolver.solve(200, function, a, b, AllowedSolution.RIGHT_SIDE);
        } catch (MathRuntimeException ex) {
            throw new IllegalStateException("event root location failed on [" + a + ", " + b + "]: " + ex.getMessage(), ex);
        }
    }

    /** g of one event along the dense output of the current step. */
    private static final class EventFunction implements UnivariateFunction {
        DenseOutput dense;
        DaeEvent event;
        double[] y;
        double[] yp;

        @Override
        public double value(double t) {
            dense.interpolate(t, y, yp);
            return event.g(t, y, yp);
        }
    }

    static int sign(double g) {
        if (Double.isNaN(g)) {
            throw new IllegalStateException("event function returned NaN");
        }
        return g > 0.0 ? 1 : (g < 0.0 ? -1 : 0);
    }
}

package io.nernst.validation;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.models.cell.CellOutputs;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.BdfStatistics;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.DenseOutput;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.dae.StepListener;
import java.util.List;

/**
 * A constant-current discharge driven directly through {@link BdfIntegrator}: consistent
 * initialisation, integration to tEnd or a terminal lower-cut-off event, the voltage sampled
 * at requested times through the dense output, state snapshots at requested times, and the
 * total lithium tracked at every accepted step.
 */
public final class ConstantCurrentDischarge {

    /** What one discharge produced. */
    public record Result(double[] sampleTimes, double[] sampleVoltages, double[][] snapshots, double endTime,
                         boolean cutoffReached, double initialLithium, double maxLithiumDeviation,
                         BdfStatistics statistics, long wallNanos) {

        /** Largest |Li(t) - Li(0)| / Li(0) over the accepted steps. */
        public double relativeLithiumDrift() {
            return maxLithiumDeviation / initialLithium;
        }
    }

    private ConstantCurrentDischarge() {
    }

    /**
     * Runs the discharge.
     *
     * @param model         the cell model (its control is set to CURRENT)
     * @param current       discharge current [A]
     * @param endTime       final time [s]
     * @param cutoffVoltage lower cut-off [V] (terminal event), or NaN for none
     * @param settings      integrator settings
     * @param sampleTimes   times at which to record the voltage (within [0, endTime]), sorted
     * @param snapshotTimes times at which to record the full state, sorted
     */
    public static Result run(CellModel model, double current, double endTime, double cutoffVoltage, BdfSettings settings,
                             double[] sampleTimes, double[] snapshotTimes) {
        long start = System.nanoTime();
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(settings);
        integrator.initialize(model, 0.0, y, yDot);
        int lithiumIndex = model.scalarOutputNames().indexOf(CellOutputs.TOTAL_LITHIUM);
        double[] scalars = new double[model.scalarOutputNames().size()];
        model.scalarOutputs(0.0, y, yDot, scalars);
        double lithium0 = scalars[lithiumIndex];
        double[] voltages = new double[sampleTimes.length];
        java.util.Arrays.fill(voltages, Double.NaN);
        double[][] snapshots = new double[snapshotTimes.length][];
        double[] yi = new double[y.length];
        double[] ypi = new double[y.length];
        int[] nextSample = {0};
        int[] nextSnapshot = {0};
        double[] maxDeviation = {0.0};
        // Samples at t0 come from the consistent initial state.
        while (nextSample[0] < sampleTimes.length && sampleTimes[nextSample[0]] <= 0.0) {
            voltages[nextSample[0]++] = model.voltage(y);
        }
        while (nextSnapshot[0] < snapshotTimes.length && snapshotTimes[nextSnapshot[0]] <= 0.0) {
            snapshots[nextSnapshot[0]++] = y.clone();
        }
        StepListener listener = (DenseOutput out) -> {
            double t1 = out.currentTime();
            while (nextSample[0] < sampleTimes.length && sampleTimes[nextSample[0]] <= t1) {
                out.interpolate(sampleTimes[nextSample[0]], yi, ypi);
                voltages[nextSample[0]++] = model.voltage(yi);
            }
            while (nextSnapshot[0] < snapshotTimes.length && snapshotTimes[nextSnapshot[0]] <= t1) {
                out.interpolate(snapshotTimes[nextSnapshot[0]], yi, ypi);
                snapshots[nextSnapshot[0]++] = yi.clone();
            }
            out.interpolate(t1, yi, ypi);
            model.scalarOutputs(t1, yi, ypi, scalars);
            maxDeviation[0] = Math.max(maxDeviation[0], Math.abs(scalars[lithiumIndex] - lithium0));
        };
        List<DaeEvent> events = Double.isNaN(cutoffVoltage) ? List.of() : List.of(new DaeEvent() {
            @Override
            public double g(double t, double[] state, double[] stateDot) {
                return model.voltage(state) - cutoffVoltage;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.DECREASING;
            }

            @Override
            public boolean terminal() {
                return true;
            }
        });
        IntegrationResult r = integrator.integrate(model, 0.0, y, yDot, endTime, events, listener);
        double[] yEnd = r.y();
        double[] ypEnd = r.yDot();
        model.scalarOutputs(r.time(), yEnd, ypEnd, scalars);
        maxDeviation[0] = Math.max(maxDeviation[0], Math.abs(scalars[lithiumIndex] - lithium0));
        return new Result(sampleTimes.clone(), voltages, snapshots, r.time(), r.stoppedByEvent(), lithium0, maxDeviation[0],
                r.statistics(), System.nanoTime() - start);
    }
}

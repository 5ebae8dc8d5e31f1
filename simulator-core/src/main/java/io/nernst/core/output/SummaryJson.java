package io.nernst.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverStatistics;
import io.nernst.core.simulation.StepSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code summary.json}: the run's inputs (model, parameter set, overrides,
 * experiment, settings), how it ended, totals, one record per step and the solver
 * statistics. Quantities carry their unit in the key ({@code capacityAh}, {@code endVoltageV});
 * a value that is not a number (e.g. no voltage because the step never started) is null.
 * Steps and cycles are numbered from 1 ({@code index}, {@code cycle}), as in
 * {@code timeseries.csv} and the printed summary.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /** The summary as a JSON tree. */
    public static ObjectNode toJson(RunInfo info, Solution solution, List<String> files) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", solution.status().name());
        root.put("failure", solution.failure());
        root.put("model", info.model());
        root.put("parameterSet", info.parameterSet());
        ObjectNode overrides = root.putObject("overrides");
        for (Map.Entry<String, String> e : info.overrides().entrySet()) {
            overrides.put(e.getKey(), e.getValue());
        }
        ArrayNode experiment = root.putArray("experiment");
        info.experiment().forEach(experiment::add);
        root.set("settings", MAPPER.valueToTree(info.settings()));
        number(root, "wallTimeSeconds", solution.wallTime());

        ObjectNode totals = root.putObject("totals");
        number(totals, "durationSeconds", solution.rows() == 0 ? 0.0 : solution.last(Solution.TIME));
        number(totals, "dischargeCapacityAh", solution.rows() == 0 ? 0.0 : solution.last(Solution.CAPACITY));
        number(totals, "dischargeEnergyWh", solution.rows() == 0 ? 0.0 : solution.last(Solution.ENERGY));
        totals.put("stepsRun", solution.steps().size());
        totals.put("rowsRecorded", solution.rows());

        ArrayNode steps = root.putArray("steps");
        for (StepSummary s : solution.steps()) {
            ObjectNode n = steps.addObject();
            // numbered from 1, as in the printed summary and timeseries.csv
            n.put("index", s.index() + 1);
            n.put("cycle", s.cycle() + 1);
            n.put("sentence", s.sentence());
            number(n, "startTimeSeconds", s.startTime());
            number(n, "durationSeconds", s.duration());
            number(n, "capacityAh", s.capacity());
            number(n, "energyWh", s.energy());
            number(n, "startVoltageV", s.startVoltage());
            number(n, "endVoltageV", s.endVoltage());
            number(n, "endCurrentA", s.endCurrent());
            n.put("end", s.end().name());
            n.put("reason", s.reason());
            n.put("integratorSteps", s.integratorSteps());
        }

        SolverStatistics st = solution.statistics();
        ObjectNode stats = root.putObject("solverStatistics");
        stats.put("steps", st.steps());
        stats.put("rejectedSteps", st.rejectedSteps());
        stats.put("newtonIterations", st.newtonIterations());
        stats.put("residualEvaluations", st.residualEvaluations());
        stats.put("jacobianEvaluations", st.jacobianEvaluations());
        stats.put("factorizations", st.factorizations());
        stats.put("linearSolver", st.linearSolver());

        ArrayNode out = root.putArray("files");
        files.forEach(out::add);
        return root;
    }

    /** Writes the summary atomically. */
    public static void write(Path file, RunInfo info, Solution solution, List<String> files) {
        ObjectNode json = toJson(info, solution, files);
        AtomicFiles.write(file, out -> {
            MAPPER.writeValue(new java.io.FilterOutputStream(out) {
                @Override
                public void close() {
                    // AtomicFiles closes the stream; Jackson must not close it first
                }
            }, json);
            out.write('\n');
        });
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}

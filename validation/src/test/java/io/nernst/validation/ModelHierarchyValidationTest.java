package io.nernst.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.linear.SparseLuSolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPM, SPMe and DFN of the Marquis 2019 cell agree at low rate (0.05C), where electrolyte
 * polarisation and reaction non-uniformity vanish: the asymptotic hierarchy of Marquis et al.
 * 2019. Compared over the whole 20 h discharge (to 3.105 V or 72000 s).
 */
class ModelHierarchyValidationTest {

    @Test
    void reducedModelsAgreeWithDfnAtOneTwentiethC() {
        double current = 24.0 * 0.05;
        double end = 72000.0;
        double[] times = new double[241];
        for (int k = 0; k < times.length; k++) {
            times[k] = end * k / (times.length - 1);
        }
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6).linearSolver(SparseLuSolver::new).build();
        double[][] voltages = new double[3][];
        double[] ends = new double[3];
        List<String> names = ModelRegistry.modelNames();
        for (int m = 0; m < 3; m++) {
            CellModel model = ModelRegistry.create(names.get(m), ModelRegistry.parameterSet("marquis2019"), ModelOptions.defaults());
            ConstantCurrentDischarge.Result r = ConstantCurrentDischarge.run(model, current, end, 3.105, settings, times, new double[0]);
            voltages[m] = r.sampleVoltages();
            ends[m] = r.endTime();
            assertTrue(r.relativeLithiumDrift() <= 1e-9, names.get(m) + " lithium drift " + r.relativeLithiumDrift());
        }
        int dfn = names.indexOf("DFN");
        double lastCommon = Math.min(Math.min(ends[0], ends[1]), ends[2]);
        ValidationReport report = ValidationReport.shared();
        List<ValidationReport.Series> series = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            List<Double> tx = new ArrayList<>();
            List<Double> vy = new ArrayList<>();
            for (int k = 0; k < times.length; k++) {
                if (!Double.isNaN(voltages[m][k])) {
                    tx.add(times[k]);
                    vy.add(voltages[m][k]);
                }
            }
            series.add(new ValidationReport.Series(names.get(m), tx.stream().mapToDouble(Double::doubleValue).toArray(),
                    vy.stream().mapToDouble(Double::doubleValue).toArray(), false));
        }
        String image = report.plot("hierarchy-005C", "SPM, SPMe and DFN at 0.05C (Marquis 2019 cell)", "time [s]", "voltage [V]", series);
        for (int m = 0; m < 3; m++) {
            if (m == dfn) {
                continue;
            }
            double max = 0.0;
            for (int k = 0; k < times.length; k++) {
                if (times[k] <= lastCommon) {
                    max = Math.max(max, Math.abs(voltages[m][k] - voltages[dfn][k]));
                }
            }
            double maxMv = max * 1e3;
            report.addUpperBound(names.get(m) + " vs DFN 0.05C", "max |V - V_DFN|", maxMv, 5.0, "mV", image);
            System.out.printf("%s vs DFN at 0.05C: max %.4f mV (to t = %.0f s)%n", names.get(m), maxMv, lastCommon);
            assertTrue(maxMv <= 5.0, names.get(m) + " differs from DFN by " + maxMv + " mV at 0.05C");
        }
    }
}

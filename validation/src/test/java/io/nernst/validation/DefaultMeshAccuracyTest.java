package io.nernst.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.cell.DfnModel;
import io.nernst.models.parameters.ParameterNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the default discretisation for the shipped cells (issue 8, section 4): the DFN
 * on the default mesh (31/11/31 cells, 11 shells) against a mesh-converged one (4x in every
 * direction), voltage compared at 60 times over the discharge until the converged run reaches
 * the cut-off, at t = 0 (the start-up: the surface concentration starts at c0 on every mesh)
 * and at t = 10 s (a diffusion layer of sqrt(D t) = 0.6 um in chen2020's graphite, about one
 * outer shell of the default particle mesh).
 */
class DefaultMeshAccuracyTest {

    static ModelOptions mesh(int factor) {
        ModelOptions d = ModelOptions.defaults();
        return ModelOptions.builder().negativePoints(d.negativePoints() * factor).separatorPoints(d.separatorPoints() * factor)
                .positivePoints(d.positivePoints() * factor).particlePoints(d.particlePoints() * factor).build();
    }

    /** {RMS [mV], max [mV], error at 0 s [mV], error at 10 s [mV]} of the default mesh against the 4x mesh. */
    static double[] errors(String set, double cRate) {
        ParameterSet p = ModelRegistry.parameterSet(set);
        double current = cRate * p.value(ParameterNames.NOMINAL_CAPACITY);
        double cutoff = p.value(ParameterNames.LOWER_CUTOFF);
        double tEnd = 1.2 * 3600 / cRate;
        ConstantCurrentDischarge.Result fine0 = ConstantCurrentDischarge.run((DfnModel) ModelRegistry.create("DFN", p, mesh(4)),
                current, tEnd, cutoff, ComsolMarquis2019ValidationTest.settings(), new double[0], new double[0]);
        double end = fine0.endTime();
        double[] times = new double[62];
        times[0] = 0.0;
        times[1] = 10.0;
        for (int k = 2; k < times.length; k++) {
            times[k] = end * (k - 1) / 60.0 * 0.999;
        }
        ConstantCurrentDischarge.Result fine = ConstantCurrentDischarge.run((DfnModel) ModelRegistry.create("DFN", p, mesh(4)),
                current, end * 0.9995, Double.NaN, ComsolMarquis2019ValidationTest.settings(), times, new double[0]);
        ConstantCurrentDischarge.Result coarse = ConstantCurrentDischarge.run((DfnModel) ModelRegistry.create("DFN", p, mesh(1)),
                current, end * 0.9995, Double.NaN, ComsolMarquis2019ValidationTest.settings(), times, new double[0]);
        double rms = Interpolation.rms(coarse.sampleVoltages(), fine.sampleVoltages()) * 1e3;
        double max = Interpolation.maxAbs(coarse.sampleVoltages(), fine.sampleVoltages()) * 1e3;
        double start = (coarse.sampleVoltages()[0] - fine.sampleVoltages()[0]) * 1e3;
        double tenSeconds = (coarse.sampleVoltages()[1] - fine.sampleVoltages()[1]) * 1e3;
        return new double[] {rms, max, start, tenSeconds};
    }

    @Test
    void startUpOfChen2020At2CIsWithinAFewMillivoltsOfTheConvergedMesh() {
        double[] e = errors("chen2020", 2.0);
        System.out.printf("chen2020 2C default vs 4x mesh: RMS %.2f mV, max %.2f mV, at 0 s %.3f mV, at 10 s %.2f mV%n",
                e[0], e[1], e[2], e[3]);
        assertTrue(Math.abs(e[2]) < 1.0, "start-up error " + e[2] + " mV (46 mV with the quasi-steady surface, issue 8)");
        assertTrue(e[0] < 2.0, "RMS " + e[0] + " mV");
    }

    @Test
    @Tag("slow")
    void convergenceTable() {
        for (String set : new String[] {"chen2020", "ecker2015"}) {
            for (double c : new double[] {0.5, 1, 2, 5}) {
                double[] e = errors(set, c);
                System.out.printf("| %s | %.1fC | %.2f | %.2f | %.3f | %.2f |%n", set, c, e[0], e[1], e[2], e[3]);
            }
        }
    }
}

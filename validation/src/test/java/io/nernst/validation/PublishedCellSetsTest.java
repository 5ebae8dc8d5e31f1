package io.nernst.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.cell.DfnModel;
import io.nernst.models.parameters.ParameterNames;
import io.nernst.models.parameters.StoichiometryWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped parameter set loads from its resource file and runs a 1C DFN discharge from
 * its initial state to its lower cut-off, on the default mesh: the lithium inventory is
 * conserved to round-off, and the delivered capacity lies below the open-circuit capacity of
 * the set's stoichiometry window (the zero-current limit; {@link StoichiometryWindow}) but
 * within 15 % of it (1C polarisation of these cells costs a few per cent, Chen 2020 Fig. 16
 * and Ecker 2015 II Fig. 4 show 1C capacities within 5 % of C/20).
 *
 * <p>ecker2015 loads (checked below) but its 1C DFN run does not start yet: its graphite
 * diffusivity (8.7e-16 m2/s at the initial stoichiometry 0.82, rising 40-fold near 0.6) makes
 * the quasi-steady surface reconstruction of the particle (issue 8, section 4) multi-valued
 * at t = 0, and the consistent initialisation fails.
 */
class PublishedCellSetsTest {

    @org.junit.jupiter.api.Test
    void eckerLoadsWithItsWindowInsideTheCutoffs() {
        ParameterSet p = ModelRegistry.parameters("ecker2015", null, null);
        StoichiometryWindow w = StoichiometryWindow.toLowerCutoff(p);
        // one electrode pair of the 7.5 A.h Kokam cell: the open-circuit window holds its 0.156 A.h within 10 %
        assertTrue(Math.abs(w.capacityAh() / 0.15625 - 1) < 0.1, "ecker2015 open-circuit capacity " + w.capacityAh());
    }

    @ParameterizedTest
    @ValueSource(strings = {"marquis2019", "chen2020", "ecker2015"})
    void oneCDischargeReachesTheCutoffWithConservedLithium(String name) {
        ParameterSet p = ModelRegistry.parameters(name, null, null);
        double oneC = p.value(ParameterNames.NOMINAL_CAPACITY); // A.h -> A at 1C
        double cutoff = p.value(ParameterNames.LOWER_CUTOFF);
        DfnModel model = (DfnModel) ModelRegistry.create("DFN", p, ModelOptions.defaults());
        ConstantCurrentDischarge.Result r = ConstantCurrentDischarge.run(model, oneC, 2 * 3600.0, cutoff,
                ComsolMarquis2019ValidationTest.settings(), new double[0], new double[0]);
        assertTrue(r.cutoffReached(), name + ": the 1C discharge did not reach " + cutoff + " V in 2 h (ended at " + r.endTime() + " s)");
        double delivered = oneC * r.endTime() / 3600.0;
        double theoretical = StoichiometryWindow.toLowerCutoff(p).capacityAh();
        double ratio = delivered / theoretical;
        System.out.printf("%s: 1C to %.3f V delivers %.4f A.h; open-circuit window %.4f A.h (ratio %.4f); nominal %.4f A.h; "
                + "lithium drift %.2e; %d steps%n", name, cutoff, delivered, theoretical, ratio, oneC, r.relativeLithiumDrift(),
                r.statistics().steps());
        assertTrue(ratio < 1.0 && ratio > 0.85, name + ": 1C capacity " + delivered + " A.h vs open-circuit window " + theoretical);
        assertTrue(r.relativeLithiumDrift() < 1e-9, name + ": lithium drift " + r.relativeLithiumDrift());
    }
}

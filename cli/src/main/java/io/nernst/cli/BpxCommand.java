package io.nernst.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nernst.core.output.AtomicFiles;
import io.nernst.core.scenario.MeshSettings;
import io.nernst.models.parameters.BpxValidation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nernst bpx validate cell.json}: imports a BPX file, runs its Validation experiments
 * with the DFN model and reports the voltage RMS and max errors and the discharge capacities,
 * writing {@code bpx-validation.json} and {@code bpx-validation.png}.
 */
@Command(name = "bpx", mixinStandardHelpOptions = true, description = "Battery Parameter eXchange (BPX) files.",
        subcommands = {BpxCommand.ValidateCommand.class})
public final class BpxCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nernst bpx: missing subcommand (validate)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Run the file's Validation experiments and compare voltage and capacity.")
    static final class ValidateCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CELL.json", description = "BPX file.")
        private Path file;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: out/<file name>-validation).")
        private Path out;

        @Option(names = "--debug", description = "Print stack traces of errors.")
        private boolean debug;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            return ParamsCommand.guarded(spec, debug, () -> {
                List<BpxValidation.Result> results = BpxValidation.run(file, BuiltInCatalog.options(MeshSettings.defaults()));
                PrintWriter w = spec.commandLine().getOut();
                if (results.isEmpty()) {
                    throw new IllegalArgumentException(file + ": no 'Validation' section to run");
                }
                String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                Path dir = out != null ? out : Path.of("out", stem + "-validation");
                List<Map<String, Object>> summary = new ArrayList<>();
                w.printf(Locale.ROOT, "%-16s %10s %10s %14s %14s %9s%n", "experiment", "RMS[mV]", "max[mV]", "measured[A.h]",
                        "Nernst[A.h]", "cap.err");
                for (BpxValidation.Result r : results) {
                    w.printf(Locale.ROOT, "%-16s %10.1f %10.1f %14.4f %14.4f %+8.2f%%%n", r.experiment(), r.rmsVoltageError() * 1e3,
                            r.maxVoltageError() * 1e3, r.measuredCapacityAh(), r.simulatedCapacityAh(), r.capacityError() * 100);
                    summary.add(BpxValidation.summary(r));
                }
                String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n";
                AtomicFiles.write(dir.resolve("bpx-validation.json"), o -> o.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                BpxValidation.plot(results, dir.resolve("bpx-validation.png"), "BPX validation: " + stem);
                w.printf("outputs in %s: bpx-validation.json, bpx-validation.png%n", dir);
                w.flush();
                return ExitCodes.OK;
            });
        }
    }
}

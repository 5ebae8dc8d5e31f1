package io.nernst.cli;

import io.nernst.core.output.AtomicFiles;
import io.nernst.core.parameters.DefinedFunction;
import io.nernst.core.parameters.ParameterFiles;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelRegistry;
import io.nernst.models.parameters.Bpx;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nernst params list | show NAME|FILE | export NAME|FILE --format yaml|bpx}: the
 * built-in parameter sets, every value of a set or file with unit and source, and a set
 * written as a parameter file or a BPX file.
 */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "List, show and export parameter sets.",
        subcommands = {ParamsCommand.ListCommand.class, ParamsCommand.ShowCommand.class, ParamsCommand.ExportCommand.class})
public final class ParamsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nernst params: missing subcommand (list, show, export)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** Runs {@code body}, turning bad input into one message and exit code 2. */
    static int guarded(CommandSpec spec, boolean debug, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            err.println("nernst: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (java.io.UncheckedIOException e) {
            err.println("nernst: cannot write outputs: " + e.getMessage());
            err.flush();
            return ExitCodes.OUTPUT_ERROR;
        } catch (Exception e) {
            err.println("nernst: internal error: " + e + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in parameter sets.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (String n : ModelRegistry.parameterSetNames()) {
                out.printf(Locale.ROOT, "%-12s %s%n", n, ModelRegistry.parameterSetDescription(n));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show every value of a set or file with its unit and source.")
    static final class ShowCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME|FILE", description = "A built-in set, a parameter file (YAML/JSON) or a BPX file.")
        private String name;

        @Option(names = "--debug", description = "Print stack traces of errors.")
        private boolean debug;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, debug, () -> {
                ParameterSet p = ModelRegistry.parameterSetOrFile(name);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("parameter set %s (%d parameters; SI units)%n", p.name(), p.names().size());
                for (String n : p.names()) {
                    ParameterSet.Parameter par = p.parameter(n);
                    String value;
                    if (!par.isFunction()) {
                        value = par.value() + " " + par.unit();
                    } else if (par.function() instanceof DefinedFunction f) {
                        value = (par.domain() == null ? "f(x, T) = " : "f(" + par.domain().variable() + ", T) = ") + f.describe(par.unit());
                    } else {
                        value = "function of (x, T) [" + par.unit() + "] (defined in code)";
                    }
                    out.printf("  %s = %s%s%n", n, value, par.source() == null ? "" : "    # " + par.source());
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a set as a parameter file (yaml) or a BPX file (bpx).")
    static final class ExportCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME|FILE", description = "A built-in set, a parameter file or a BPX file.")
        private String name;

        @Option(names = "--format", defaultValue = "yaml", description = "yaml or bpx (default: ${DEFAULT-VALUE}).")
        private String format;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (default: standard output).")
        private Path out;

        @Option(names = "--debug", description = "Print stack traces of errors.")
        private boolean debug;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            return guarded(spec, debug, () -> {
                String f = format.trim().toLowerCase(Locale.ROOT);
                if (!f.equals("yaml") && !f.equals("bpx")) {
                    throw new IllegalArgumentException("--format " + format + " is not allowed: expected yaml or bpx");
                }
                ParameterSet p = ModelRegistry.parameterSetOrFile(name);
                String text = f.equals("bpx") ? Bpx.write(p) : ParameterFiles.write(p, ModelRegistry.parameterSetDescription(p.name()));
                if (out == null) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                } else {
                    AtomicFiles.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
                }
                return ExitCodes.OK;
            });
        }
    }
}

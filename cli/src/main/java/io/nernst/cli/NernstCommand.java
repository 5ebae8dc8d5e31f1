package io.nernst.cli;

import io.nernst.core.error.ErrorKind;
import io.nernst.core.error.Failures;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code nernst} command: the main class of the runnable jar. Subcommands are listed in
 * the {@link Command#subcommands()} of this class; a new one (e.g. {@code deposit}) is a
 * class annotated with {@code @Command} implementing {@code Callable<Integer>} and added to
 * that list (and to the factory in {@link #commandLine} if it needs constructor arguments).
 */
@Command(name = "nernst",
        mixinStandardHelpOptions = true,
        versionProvider = NernstCommand.Version.class,
        description = "Physics-based battery-cell simulation.",
        subcommands = {RunCommand.class, DepositCommand.class, StudyCommand.class, AnalyzeCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:completed",
            "1:internal error (run again with --debug)",
            "2:bad input (usage, scenario, parameter, unit, experiment)",
            "3:solver failure (outputs up to the failure written)",
            "4:outputs could not be written"})
public final class NernstCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("nernst: missing command; try 'nernst run SCENARIO.yaml' or 'nernst --help'");
        spec.commandLine().usage(err);
        return ExitCodes.BAD_INPUT;
    }

    /** Version from the jar manifest, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NernstCommand.class.getPackage().getImplementationVersion();
            return new String[] {"nernst " + (v == null ? "dev" : v)};
        }
    }

    /** A command line using {@code catalog} for models and parameter sets. */
    public static CommandLine commandLine(ModelCatalog catalog) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(catalog));
                }
                return defaults.create(type);
            }
        };
        CommandLine cl = new CommandLine(new NernstCommand(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // usage errors: one "nernst: " line naming the problem and where help is, exit 2 (not picocli's bare text)
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine bad = ex.getCommandLine();
            PrintWriter err = bad.getErr();
            err.println("nernst: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("nernst: try '" + bad.getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return ErrorKind.BAD_INPUT.exitStatus();
        });
        // anything a command did not catch itself goes through the same table as the commands' own errors
        cl.setExecutionExceptionHandler((ex, bad, parsed) -> Failures.report(ex, bad.getErr(), false));
        return cl;
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        // plots are rendered off-screen
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine(ModelCatalog.builtIn()).execute(args));
    }
}

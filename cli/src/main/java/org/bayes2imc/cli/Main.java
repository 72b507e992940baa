package org.bayes2imc.cli;

import org.bayes2imc.io.InputException;
import org.bayes2imc.infer.Parallel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The bayes2imc command-line tool: each subcommand is a thin shell over one domain. */
@Command(name = "bayes2imc", mixinStandardHelpOptions = true, version = "bayes2imc 0.1.0",
        description = "Train Bayesian binary neural networks, deploy them on simulated PCM in-memory-computing cores, "
                + "correct, exploit sampling sparsity and project power, performance and area.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                DriftCommand.class,
                PpaCommand.class,
                SparsityCommand.class,
                DataCommand.class,
                DeviceCommand.class,
                ReportCommand.class,
                EvaluateCommand.class,
                TrainCommand.class,
                DeployCommand.class,
                BenchCommand.class,
        })
public final class Main implements Runnable {
    /** Inherited by every subcommand, so it may stand anywhere on the line; read early by {@link #quietEngines}. */
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "also show the engines' own warnings (DJL, PyTorch) on stderr")
    boolean verbose;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        quietEngines(java.util.Arrays.asList(args).contains("--verbose"));
        System.exit(execute(args));
    }

    /**
     * Without --verbose, DJL's engine start-up chatter (the GPU-detection WARN on a CPU machine) stays off stderr:
     * it is not about the user's run. Must run before the first logger is created; an explicit -D setting wins.
     * (libtorch's one C++ warning, "AutoNonVariableTypeMode is deprecated", came from DJL's copyTo, which the
     * trainer no longer calls; TORCH_CPP_LOG_LEVEL does not reach libtorch's logging when DJL loads it.)
     */
    static void quietEngines(boolean verbose) {
        if (!verbose && System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        }
    }

    /** The thread count the user gave the command that runs ({@code --threads}), resolved; out-of-range values are
     *  left to the command's own check, which refuses them with one line. */
    static int threads(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Integer n = leaf.hasMatchedOption("--threads") ? leaf.matchedOptionValue("--threads", 0) : 0;
        return n != null && n >= 1 && n <= Checks.MAX_THREADS ? n : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs the tool and returns its exit code; user errors print one line on stderr. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // one case rule for every enum-valued option (--sampling per_chunk, --lambda-init zero, ...)
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, params) -> {
            // one line naming the option, not the whole usage text; --help shows that
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("bayes2imc: error: " + ex.getMessage() + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            if (t instanceof InputException || t instanceof IllegalArgumentException
                    || t instanceof java.io.UncheckedIOException) {
                String m = t instanceof org.bayes2imc.io.InvalidSetting s ? OptionNames.message(s) : t.getMessage();
                cmd.getErr().println("bayes2imc: error: " + (m == null ? t.getClass().getSimpleName() : m));
                return 2;
            }
            if (t instanceof OutOfMemoryError) {
                // a backstop: the checks before each run should have refused a size this large
                cmd.getErr().println("bayes2imc: error: out of memory (heap " + Checks.size(Runtime.getRuntime().maxMemory())
                        + "); use smaller counts or raise -Xmx in BAYES2IMC_JAVA_OPTS");
                return 1;
            }
            throw ex;
        });
        // the command runs on the engine of its own --threads (0 or absent = all processors), bound to this thread
        // for the run, not set globally; studies bind their configured engine themselves (infer.Parallel)
        cl.setExecutionStrategy(parsed -> Parallel.of(threads(parsed)).call(() -> new CommandLine.RunLast().execute(parsed)));
        try {
            return cl.execute(args);
        } finally {
            OutputDir.releaseAll();
        }
    }
}

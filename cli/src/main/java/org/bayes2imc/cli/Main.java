package org.bayes2imc.cli;

import org.bayes2imc.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the tool and returns its exit code; user errors print one line on stderr. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            if (t instanceof InputException || t instanceof IllegalArgumentException
                    || t instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("bayes2imc: error: " + t.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}

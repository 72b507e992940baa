package org.bayes2imc.cli;

import org.bayes2imc.data.CachedDataset;
import org.bayes2imc.data.DataFetcher;
import org.bayes2imc.data.Datasets;
import org.bayes2imc.data.PackageFetchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bayes2imc data fetch|list}: fills and inspects the data cache taken from Debian packages (docs/MODEL.md §3). */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Fetch the datasets from Debian packages into the data cache and list what is there.",
        subcommands = {DataCommand.Fetch.class, DataCommand.ListCached.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Take datasets from Debian packages (apt-get download + dpkg-deb -x, no root) into the cache "
                    + "and verify them (sizes, magic numbers, counts). Idempotent: a verified dataset is left alone.",
                    "Names: fashion-mnist (package dataset-fashion-mnist), digits and breast-cancer (package python3-sklearn)."})
    static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "fashion-mnist, digits, breast-cancer, or all")
        List<String> names;

        @picocli.CommandLine.Mixin
        DataDirOptionMixin dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> wanted = names.contains("all") ? CachedDataset.names() : names;
            wanted.forEach(CachedDataset::byName); // reject unknown names before any work
            OutputDir.writable("--data-dir", dir.resolve()); // and an unwritable cache before any download
            DataFetcher fetcher = new DataFetcher(dir.resolve(), line -> {
                err.println(line);
                err.flush();
            });
            for (String name : wanted) {
                try {
                    DataFetcher.Outcome o = fetcher.fetch(name);
                    out.println(name + ": " + o.summary()
                            + " in " + o.directory());
                    out.flush();
                } catch (PackageFetchException e) {
                    err.println("bayes2imc: error: " + e.getMessage());
                    err.println("Run these commands, then rerun `bayes2imc data fetch " + name + " --data-dir "
                            + fetcher.dataDir() + "` (it reuses what they leave):");
                    e.commands().forEach(c -> err.println("  " + c));
                    err.flush();
                    return 2;
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the fetchable datasets and whether each is cached and verified.")
    static final class ListCached implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirOptionMixin dir;

        @Option(names = "--verify", description = "Re-check the file contents, not only the verification stamp; "
                + "exit 1 when a cached dataset fails (a missing one is not a failure).")
        boolean verify;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DataFetcher fetcher = new DataFetcher(dir.resolve(), line -> { });
            out.println("data cache: " + fetcher.dataDir());
            out.printf("%-15s %-11s %-22s %s%n", "dataset", "state", "debian package", "detail");
            List<String> failed = new java.util.ArrayList<>();
            for (DataFetcher.Status s : fetcher.list(verify)) {
                out.printf("%-15s %-11s %-22s %s%n", s.name(), s.state().name().toLowerCase(), s.debianPackage(), s.detail());
                if (s.state() == DataFetcher.State.UNVERIFIED) {
                    failed.add(s.name());
                }
            }
            out.printf("%-15s %-11s %-22s %s%n", "cifar10/100", "external", "-", "load as cifar10:DIR or cifar100:DIR (binary version)");
            out.flush();
            if (verify && !failed.isEmpty()) {
                // a check that finds damage must say so to scripts, not only in the table
                spec.commandLine().getErr().println("bayes2imc: error: verification failed for " + String.join(", ", failed)
                        + "; run `bayes2imc data fetch " + String.join(" ", failed) + "` to fetch them again");
                spec.commandLine().getErr().flush();
                return 1;
            }
            return 0;
        }
    }

    /** Picocli mixin carrying {@code --data-dir}. */
    public static final class DataDirOptionMixin {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Data cache directory (default: $BAYES2IMC_DATA_DIR, else ~/.cache/bayes2imc/data).")
        Path dataDir;

        Path resolve() {
            return dataDir != null ? dataDir : Datasets.defaultDataDir();
        }
    }
}

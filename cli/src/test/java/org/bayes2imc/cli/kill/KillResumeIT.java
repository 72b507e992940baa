package org.bayes2imc.cli.kill;

import org.bayes2imc.data.TestData;
import org.bayes2imc.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection (issue 16, docs/RELIABILITY.md): {@code train}, {@code deploy} and {@code demo} are started as
 * the real tool (through the launcher), killed with SIGKILL at a seeded random point of an uninterrupted run's
 * duration, checked for half-written files, rerun (train with --resume when a checkpoint exists; deploy and demo
 * as they are, demo resuming from its step cache), and the rerun's outputs compared with the uninterrupted run's.
 * Every run of a command uses the same folders, so paths recorded in the results match too.
 */
class KillResumeIT {
    /** Kills per command; each from its own seed, so a failure names a reproducible kill point. */
    static final int KILLS = 3;

    @TempDir
    static Path dir;
    static Launcher launcher;

    @BeforeAll
    static void setUp() throws IOException {
        launcher = new Launcher(Launcher.findRoot(), TestData.dataDir());
        launcher.markBuilt();
        Process p = launcher.start(dir.resolve("version.log"), List.of("--version"));
        assertThat(exit(p, 120)).as("launcher --version").isZero();
    }

    @Test
    void train() {
        campaign("train", 16_100L, run -> List.of("train", "--arch", "fmnist-tiny", "--epochs", "2", "--limit", "600",
                        "--calibration-samples", "3", "--threads", "1", "--out", run.resolve("model.safetensors").toString(),
                        "--checkpoint-dir", run.resolve("cp").toString()),
                // the user's rerun: continue from the last epoch's checkpoint when there is one
                run -> Files.isRegularFile(run.resolve("cp/checkpoint.safetensors")) ? List.of("--resume") : List.of(),
                Set.of(), run -> 0);
    }

    @Test
    void deploy() {
        Path model = dir.resolve("deploy-model/tiny.safetensors");
        Process p = launcher.start(dir.resolve("deploy-model.log"), List.of("train", "--arch", "fmnist-tiny", "--epochs", "1",
                "--limit", "300", "--calibration-samples", "2", "--threads", "1", "--out", model.toString()));
        assertThat(exit(p, 300)).as("training the model to deploy").isZero();
        campaign("deploy", 16_200L, run -> List.of("deploy", "--model", model.toString(), "--limit", "100", "--samples", "3",
                "--deployments", "2", "--threads", "1", "--out", run.resolve("out").toString()), run -> List.of(),
                Set.of(), run -> 0);
    }

    @Test
    void demo() {
        campaign("demo", 16_300L, run -> List.of("demo", "--out", run.resolve("out").toString(), "--model-dir", run.resolve("models").toString(),
                "--train-limit", "300", "--epochs", "2", "--test-limit", "60", "--hardware-limit", "30", "--hardware-ood-limit", "20",
                "--ood-limit", "40", "--drift-limit", "20", "--drift-deployments", "1", "--drift-ood-limit", "20",
                "--drift-times", "20s,1e7s", "--calibration-images", "20", "--samples", "2", "--deployments", "2",
                "--sweep-limit", "0", // the mini-sweep's kill and resume is SweepKillResumeIT's subject
                "--sparsity-deployments", "1", "--threads", "1"), run -> List.of(),
                // the reference run trains the model into the cache; the killed runs reuse it (training and its
                // resume are the train campaign's subject), which keeps this campaign within the suite's time
                Set.of("models"), run -> Json.read(run.resolve("out/results.json")).path("timing").path("steps")
                        .path("train_seconds").asDouble());
    }

    /**
     * One uninterrupted reference run, then {@link #KILLS} killed runs, each followed by a rerun whose outputs must
     * equal the reference's. Prints and appends a summary line to target/kill-resume.txt.
     */
    /**
     * @param kept         sub-folders of the run folder that stay between runs (caches the reference run fills)
     * @param notInWindow  seconds of the reference run that the killed runs skip thanks to {@code kept}
     */
    private void campaign(String command, long seedBase, Function<Path, List<String>> args, Function<Path, List<String>> rerunExtra,
                          Set<String> kept, ToDoubleFunction<Path> notInWindow) {
        Path run = dir.resolve(command);
        long t0 = System.nanoTime();
        assertThat(exit(launcher.start(dir.resolve(command + "-reference.log"), args.apply(run)), 600))
                .as(command + " reference run, log " + dir.resolve(command + "-reference.log")).isZero();
        long durationMs = (System.nanoTime() - t0) / 1_000_000;
        long windowMs = durationMs - (long) (1000 * notInWindow.applyAsDouble(run));
        Outputs.Listing refListing = Outputs.inspect(run);
        assertThat(refListing.halfWritten()).isEmpty();
        assertThat(refListing.temps()).as("an uninterrupted run leaves no temporaries").isEmpty();
        Map<String, Object> reference = Outputs.snapshot(run);
        assertThat(reference).isNotEmpty();
        clean(run, kept);

        int killed = 0;
        int identical = 0;
        int leftovers = 0;
        List<String> points = new ArrayList<>();
        for (int k = 1; k <= KILLS; k++) {
            long seed = seedBase + k;
            // stratified: kill k falls in the k-th of KILLS equal slices of the duration, so early (start-up, data
            // loading), middle and late (writing results) points are all tried; the offset in the slice is random
            double u = (k - 1 + new SplittableRandom(seed).nextDouble()) / KILLS;
            long at = (long) (u * windowMs);
            boolean wasKilled = false;
            // a run can be faster than the reference (the machine is shared): one that finishes before its kill
            // point is a normal run; start afresh with half the delay, at most 3 times, so that kills do happen
            for (int attempt = 1; attempt <= 3 && !wasKilled; attempt++) {
                Path log = dir.resolve(command + "-kill" + k + "-" + attempt + ".log");
                Process p = launcher.start(log, args.apply(run));
                try {
                    if (!p.waitFor(at, TimeUnit.MILLISECONDS)) {
                        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                        p.waitFor(60, TimeUnit.SECONDS);
                        wasKilled = true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                if (!wasKilled) {
                    assertThat(p.exitValue()).as(command + " finished before its kill point, log " + log).isZero();
                    points.add(at + "(finished)");
                    clean(run, kept);
                    at /= 2;
                }
            }
            if (wasKilled) {
                killed++;
                points.add(Long.toString(at));
            }
            Outputs.Listing afterKill = Outputs.inspect(run);
            assertThat(afterKill.halfWritten()).as(command + " killed at " + at + " ms (seed " + seed + ")").isEmpty();
            leftovers += afterKill.temps().size();

            List<String> again = new ArrayList<>(args.apply(run));
            again.addAll(rerunExtra.apply(run));
            Path rerunLog = dir.resolve(command + "-rerun" + k + ".log");
            assertThat(exit(launcher.start(rerunLog, again), 600)).as(command + " rerun after kill at " + at + " ms, log " + rerunLog).isZero();
            assertThat(Outputs.inspect(run).halfWritten()).isEmpty();
            Map<String, Object> after = Outputs.snapshot(run);
            assertThat(Outputs.differences(reference, after))
                    .as(command + " rerun after a kill at " + at + " ms (seed " + seed + ") differs from the uninterrupted run")
                    .isEmpty();
            assertThat(after).isEqualTo(reference); // the same check, in case the listing above missed a difference
            identical++;
            clean(run, kept);
        }
        assertThat(killed).as(command + ": no run was still going at its kill point").isPositive();
        String summary = String.format("%s: uninterrupted %.1f s (kill window %.1f s), %d result files; kill points %s ms; "
                        + "killed %d of %d, reruns identical %d of %d, half-written files 0, temporaries left by kills %d",
                command, durationMs / 1000.0, windowMs / 1000.0, reference.size(), points, killed, KILLS, identical, KILLS, leftovers);
        System.out.println("kill-resume " + summary);
        try {
            Files.writeString(Path.of("target", "kill-resume.txt"), summary + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int exit(Process p, int timeoutSeconds) {
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the tool did not finish within " + timeoutSeconds + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Deletes the run folder except its {@code kept} sub-folders. */
    private static void clean(Path run, Set<String> kept) {
        if (!Files.exists(run)) {
            return; // killed before it created anything
        }
        try (Stream<Path> s = Files.walk(run)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Path rel = run.relativize(f);
                if (!f.equals(run) && !kept.contains(rel.getName(0).toString())) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

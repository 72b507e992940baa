package org.bayes2imc.cli.kill;

import org.bayes2imc.data.TestData;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.io.AtomicFiles;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bayes2imc sweep} killed with SIGKILL mid-sweep (docs/SWEEP.md "Resume"): the rerun does not recompute the
 * cells that had finished (their row files are untouched and the tool says how many it skips) and its table equals
 * an uninterrupted run's (the table holds no wall times).
 */
class SweepKillResumeIT {
    @TempDir
    static Path dir;

    @Test
    void killedSweepResumesWithoutRecomputingAndGivesTheSameTable() throws Exception {
        Launcher launcher = new Launcher(Launcher.findRoot(), TestData.dataDir());
        launcher.markBuilt();
        ModelFile.write(dir.resolve("tiny.safetensors"),
                HandmadeModels.of(Architectures.parse(Architectures.FMNIST_TINY), 0.3, 5, TestData.fashionTrain(100)));
        Path exp = dir.resolve("exp.yaml");
        AtomicFiles.writeString(exp, "models: [tiny.safetensors]\n"
                + "data: {dataset: fashion-mnist, limit: 128, calibration_images: 64}\n"
                + "fixed: {deployments: 2, samples: 4, floor: false}\n"
                + "grid:\n  time: [20s, 1d, 1y, 10y]\n  array_size: [64, 128]\n");
        List<String> args = List.of("sweep", exp.toString(), "--master", "local[1]");

        Path ref = dir.resolve("reference");
        Process p = launcher.start(dir.resolve("reference.log"), concat(args, "--out", ref.toString()));
        assertThat(p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0).as("reference run, log " + dir.resolve("reference.log")).isTrue();

        Path run = dir.resolve("run");
        Process killed = launcher.start(dir.resolve("killed.log"), concat(args, "--out", run.toString()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (cellFiles(run).size() < 2 && killed.isAlive() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        killed.destroyForcibly(); // SIGKILL: the launcher execs java, so this is the tool itself
        killed.waitFor();
        Map<String, FileTime> before = cellFiles(run);
        assertThat(before.size()).as("cells finished before the kill").isBetween(2, 7);
        assertThat(Files.exists(run.resolve("sweep.csv"))).as("no table from a killed run").isFalse();

        Process rerun = launcher.start(dir.resolve("rerun.log"), concat(args, "--out", run.toString()));
        assertThat(rerun.waitFor(600, TimeUnit.SECONDS) && rerun.exitValue() == 0).as("rerun, log " + dir.resolve("rerun.log")).isTrue();
        assertThat(Files.readString(dir.resolve("rerun.log")))
                .contains("8 cells, " + (8 - before.size()) + " to run (" + before.size() + " finished)");
        Map<String, FileTime> after = cellFiles(run);
        assertThat(after).hasSize(8);
        before.forEach((name, time) -> assertThat(after.get(name)).as("finished cell " + name + " untouched").isEqualTo(time));
        assertThat(table(run)).isEqualTo(table(ref));
    }

    private static List<String> concat(List<String> a, String... b) {
        return Stream.concat(a.stream(), Arrays.stream(b)).toList();
    }

    private static Map<String, FileTime> cellFiles(Path run) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        Path cells = run.resolve("cells");
        if (Files.isDirectory(cells)) {
            try (Stream<Path> s = Files.list(cells)) {
                for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    m.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
                }
            }
        }
        return m;
    }

    private static List<String> table(Path run) throws IOException {
        return Files.readAllLines(run.resolve("sweep.csv"));
    }
}

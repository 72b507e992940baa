package org.bayes2imc.sweep.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bayes2imc.sweep.Experiment;
import org.bayes2imc.sweep.ExperimentFile;
import org.bayes2imc.sweep.InProcessSweep;
import org.bayes2imc.sweep.SweepOutput;
import org.bayes2imc.sweep.SweepRow;
import org.bayes2imc.sweep.SweepTable;
import org.bayes2imc.sweep.TinySweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One small sweep (four cells and a failing one) three ways: in this JVM, on embedded Spark (local[2]) and on a real standalone
 * cluster (a master and a worker started as their own processes): the rows must be equal but for wall time. Then the
 * resume and the Parquet table. One class, one cluster, so the build stays short.
 */
class SweepEnginesTest {
    @TempDir
    Path dir;

    @Test
    void inProcessLocalAndStandaloneGiveTheSameRows() throws Exception {
        // four cells and one that fails in the PPA model (a 16-bit p word does not fit an 8-wide array)
        Experiment e = ExperimentFile.read(TinySweep.experiment(dir, TinySweep.FOUR_CELLS
                + "cells:\n  - {array_size: 8, p_bits: 16}\n"));
        List<SweepRow> inProcess = InProcessSweep.run(e, new SweepOutput(dir.resolve("in-process")), r -> { });
        assertThat(inProcess).hasSize(5);
        assertThat(inProcess.subList(0, 4)).allMatch(SweepRow::ok, "ok");
        assertThat(inProcess.get(0).figures().accuracyMean()).isBetween(0.0, 1.0);
        assertThat(inProcess.get(0).figures().oodAurocMean()).isBetween(0.0, 1.0);
        assertThat(inProcess.get(0).figures().energyPerImageUj()).isPositive();
        // different read times give different figures: the rows carry the cell's own results
        assertThat(inProcess.get(0).figures()).isNotEqualTo(inProcess.get(1).figures());
        // the failing cell is recorded with its one-line error; the others completed
        assertThat(inProcess.get(4).status()).isEqualTo(SweepRow.FAILED);
        assertThat(inProcess.get(4).error()).contains("p_bits").doesNotContain("\n");
        assertThat(inProcess.get(4).figures().accuracyMean()).isNaN();

        // embedded Spark: one session for the run, the rerun and reading the Parquet table back
        SparkSession local = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            SweepOutput localOut = new SweepOutput(dir.resolve("local"));
            List<SweepRow> ran = new ArrayList<>();
            List<SweepRow> rows = SparkSweep.run(local, e, localOut, ran::add);
            assertThat(ran).hasSize(5);
            assertThat(timeless(rows)).isEqualTo(timeless(inProcess));
            // rerun: the ok cells are finished and skipped; the failed one runs again (and fails again)
            List<SweepRow> again = new ArrayList<>();
            assertThat(timeless(SparkSweep.run(local, e, localOut, again::add))).isEqualTo(timeless(inProcess));
            assertThat(again).extracting(SweepRow::index).containsExactly(4);
            List<Row> parquet = ParquetTable.read(local, dir.resolve("local").resolve(SweepOutput.PARQUET));
            assertThat(parquet).hasSize(5);
            assertThat(parquet.get(2).<String>getAs("design")).isEqualTo("sram");
            assertThat(parquet.get(1).<Double>getAs("accuracy_mean")).isEqualTo(inProcess.get(1).figures().accuracyMean());
            assertThat(parquet.get(4).<String>getAs("status")).isEqualTo("failed");
        } finally {
            local.stop();
        }

        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2)) {
            List<SweepRow> standalone = SparkSweep.run(e, new SweepOutput(dir.resolve("standalone")), cluster.url, Map.of(
                    "spark.driver.host", "127.0.0.1",
                    "spark.executor.memory", "768m",
                    "spark.cores.max", "2",
                    "spark.executor.extraClassPath", cluster.classFolders,
                    "spark.executor.extraJavaOptions", StandaloneCluster.FLAGS), r -> { });
            assertThat(timeless(standalone)).isEqualTo(timeless(inProcess));
        }
        List<String> csv = Files.readAllLines(dir.resolve("standalone").resolve(SweepOutput.CSV));
        assertThat(csv).hasSize(6).isEqualTo(Files.readAllLines(dir.resolve("in-process").resolve(SweepOutput.CSV)));
        assertThat(csv.get(0).split(",")).hasSize(SweepTable.COLUMNS.size());
    }

    private static List<SweepRow> timeless(List<SweepRow> rows) {
        return rows.stream().map(SweepRow::withoutTiming).toList();
    }
}

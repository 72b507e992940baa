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
 * One small sweep (four cells) three ways: in this JVM, on embedded Spark (local[2]) and on a real standalone
 * cluster (a master and a worker started as their own processes): the rows must be equal but for wall time. Then the
 * resume and the Parquet table. One class, one cluster, so the build stays short.
 */
class SweepEnginesTest {
    @TempDir
    Path dir;

    @Test
    void inProcessLocalAndStandaloneGiveTheSameRows() throws Exception {
        Experiment e = ExperimentFile.read(TinySweep.experiment(dir, TinySweep.FOUR_CELLS));
        List<SweepRow> inProcess = InProcessSweep.run(e, new SweepOutput(dir.resolve("in-process")), r -> { });
        assertThat(inProcess).hasSize(4).allMatch(SweepRow::ok, "ok");
        assertThat(inProcess.get(0).figures().accuracyMean()).isBetween(0.0, 1.0);
        assertThat(inProcess.get(0).figures().oodAurocMean()).isBetween(0.0, 1.0);
        assertThat(inProcess.get(0).figures().energyPerImageUj()).isPositive();
        // different read times give different figures: the rows carry the cell's own results
        assertThat(inProcess.get(0).figures()).isNotEqualTo(inProcess.get(1).figures());

        SweepOutput localOut = new SweepOutput(dir.resolve("local"));
        List<SweepRow> ran = new ArrayList<>();
        List<SweepRow> local = SparkSweep.run(e, localOut, "local[2]", Map.of(), ran::add);
        assertThat(ran).hasSize(4);
        assertThat(timeless(local)).isEqualTo(timeless(inProcess));

        // rerun: every cell is finished, nothing runs, the same table comes back
        List<SweepRow> again = new ArrayList<>();
        assertThat(timeless(SparkSweep.run(e, localOut, "local[1]", Map.of(), again::add))).isEqualTo(timeless(local));
        assertThat(again).isEmpty();

        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2)) {
            List<SweepRow> standalone = SparkSweep.run(e, new SweepOutput(dir.resolve("standalone")), cluster.url, Map.of(
                    "spark.driver.host", "127.0.0.1",
                    "spark.executor.memory", "768m",
                    "spark.cores.max", "2",
                    "spark.executor.extraClassPath", cluster.classFolders,
                    "spark.executor.extraJavaOptions", StandaloneCluster.FLAGS), r -> { });
            assertThat(timeless(standalone)).isEqualTo(timeless(inProcess));
        }
        // the standalone run's table as Parquet and CSV, read back
        SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Row> parquet = ParquetTable.read(s, dir.resolve("standalone").resolve(SweepOutput.PARQUET));
            assertThat(parquet).hasSize(4);
            assertThat(parquet.get(2).<String>getAs("design")).isEqualTo("sram");
            assertThat(parquet.get(1).<Double>getAs("accuracy_mean")).isEqualTo(inProcess.get(1).figures().accuracyMean());
        } finally {
            s.stop();
        }
        List<String> csv = Files.readAllLines(dir.resolve("standalone").resolve(SweepOutput.CSV));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0).split(",")).hasSize(SweepTable.COLUMNS.size());
    }

    private static List<SweepRow> timeless(List<SweepRow> rows) {
        return rows.stream().map(SweepRow::withoutTiming).toList();
    }
}

package org.bayes2imc.sweep.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.bayes2imc.sweep.Cell;
import org.bayes2imc.sweep.Experiment;
import org.bayes2imc.sweep.SweepInputs;
import org.bayes2imc.sweep.SweepOutput;
import org.bayes2imc.sweep.SweepRow;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a sweep's pending cells on Apache Spark (docs/SWEEP.md "Engine"): one task per cell, the models and images
 * broadcast once per executor, each finished row handed back to the driver and stored at once (so a killed driver
 * loses only the cells then running), then the table written as CSV and Parquet. The master is any Spark master:
 * {@code local[*]} embedded, {@code spark://host:7077}, YARN, Kubernetes.
 */
public final class SparkSweep {
    private SparkSweep() {
    }

    /**
     * Runs the experiment with the given master and Spark configuration (e.g. spark.executor.memory), shipping
     * the project's jars (with their native libraries) to the executors; returns the table.
     */
    public static List<SweepRow> run(Experiment e, SweepOutput out, String master, Map<String, String> conf,
                                     Consumer<SweepRow> onRow) {
        SparkSession.Builder b = SparkSession.builder().appName("bayes2imc sweep " + e.file().getFileName())
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // a failing cell is caught and recorded by CellStudy; a lost executor is worth one retry, not four
                .config("spark.task.maxFailures", "2")
                // one-thread OpenMP teams on the executors too (core infer/OmpThreadLimit)
                .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                // the table has ~50 columns: no warning about truncating its plan's description
                .config("spark.sql.debug.maxToStringFields", "200");
        String jars = ProjectJars.forExecutors();
        if (!jars.isEmpty() && !master.startsWith("local")) {
            b.config("spark.jars", jars);
        }
        conf.forEach(b::config);
        SparkSession spark = b.getOrCreate();
        try {
            return run(spark, e, out, onRow);
        } finally {
            spark.stop();
        }
    }

    /** As above on a session the caller owns. */
    public static List<SweepRow> run(SparkSession spark, Experiment e, SweepOutput out, Consumer<SweepRow> onRow) {
        List<Cell> pending = out.pending(e);
        if (!pending.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SweepInputs> inputs = jsc.broadcast(SweepInputs.load(e));
            JavaRDD<String> rows = jsc.parallelize(pending, pending.size()).map(new CellTask(inputs));
            // the result handler runs on the driver as each task finishes: the row is stored before the next one ends
            Function1<Iterator<String>, String> first = (Function1<Iterator<String>, String> & Serializable) Iterator::next;
            Function2<Object, String, BoxedUnit> store = (i, json) -> {
                SweepRow r = CellTask.parse(json);
                out.record(r);
                onRow.accept(r);
                return BoxedUnit.UNIT;
            };
            jsc.sc().runJob(rows.rdd(), first, store, ClassTag$.MODULE$.apply(String.class));
            inputs.destroy();
        }
        List<SweepRow> table = out.rows(e);
        out.writeCsv(table);
        ParquetTable.write(spark, table, out.dir().resolve(SweepOutput.PARQUET));
        return table;
    }
}

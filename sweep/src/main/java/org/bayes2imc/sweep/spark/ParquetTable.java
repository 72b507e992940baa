package org.bayes2imc.sweep.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bayes2imc.sweep.SweepRow;
import org.bayes2imc.sweep.SweepTable;

import org.bayes2imc.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.List;

/** Writes and reads a sweep's table as one Parquet file (the columns of {@link SweepTable}), through Spark SQL. */
public final class ParquetTable {
    private ParquetTable() {
    }

    public static StructType schema() {
        StructField[] f = SweepTable.COLUMNS.stream().map(c -> DataTypes.createStructField(c.name(), type(c.type()), true))
                .toArray(StructField[]::new);
        return DataTypes.createStructType(f);
    }

    private static DataType type(SweepTable.Type t) {
        return switch (t) {
            case INTEGER -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case TEXT -> DataTypes.StringType;
            case FLAG -> DataTypes.BooleanType;
        };
    }

    /**
     * Replaces {@code file} with the table as one Parquet file: Spark writes a data set folder (part file, _SUCCESS,
     * checksums) into a temporary folder outside the output, whose one part file is then copied in atomically, so
     * the output folder never holds a half-written table.
     */
    public static void write(SparkSession spark, List<SweepRow> rows, Path file) {
        List<Row> r = rows.stream().map(x -> RowFactory.create(SweepTable.values(x).toArray())).toList();
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("bayes2imc-parquet-");
            Path set = tmp.resolve("table");
            spark.createDataFrame(r, schema()).coalesce(1).write().mode(SaveMode.Overwrite).parquet(set.toUri().toString());
            Path part;
            try (Stream<Path> s = Files.list(set)) {
                part = s.filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".parquet"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("Spark wrote no Parquet part file in " + set));
            }
            Path from = part;
            AtomicFiles.write(file, out -> Files.copy(from, out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** The rows of a Parquet table, ordered by index. */
    public static List<Row> read(SparkSession spark, Path file) {
        return spark.read().parquet(file.toAbsolutePath().toUri().toString()).orderBy("index").collectAsList();
    }
}

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

import java.nio.file.Path;
import java.util.List;

/** Writes and reads a sweep's table as Parquet (one file, the columns of {@link SweepTable}), through Spark SQL. */
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

    /** Replaces {@code dir} with the table (a Parquet data set of one part file). */
    public static void write(SparkSession spark, List<SweepRow> rows, Path dir) {
        List<Row> r = rows.stream().map(x -> RowFactory.create(SweepTable.values(x).toArray())).toList();
        spark.createDataFrame(r, schema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(dir.toAbsolutePath().toUri().toString());
    }

    /** The rows of a Parquet table, ordered by index. */
    public static List<Row> read(SparkSession spark, Path dir) {
        return spark.read().parquet(dir.toAbsolutePath().toUri().toString()).orderBy("index").collectAsList();
    }
}

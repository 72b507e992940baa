package org.bayes2imc.sweep;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flat table of a sweep (docs/SWEEP.md "Output"): one column per cell field, setting key ({@code time} as
 * {@code time_seconds}) and figure, typed, in a fixed order; the same columns go to CSV and Parquet. Wall times are
 * not in it (see {@link SweepRow#seconds}).
 */
public final class SweepTable {
    /** A column: snake_case name and type. */
    public record Column(String name, Type type) {
    }

    /** Column types (Parquet INT32, DOUBLE, BINARY/UTF8, BOOLEAN). */
    public enum Type { INTEGER, DOUBLE, TEXT, FLAG }

    public static final List<Column> COLUMNS = columns();

    private SweepTable() {
    }

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("index", Type.INTEGER));
        c.add(new Column("cell_id", Type.TEXT));
        c.add(new Column("model", Type.TEXT));
        for (SettingKey k : SettingKey.ALL.values()) {
            c.add(new Column(settingColumn(k), switch (k.kind()) {
                case INTEGER -> Type.INTEGER;
                case NUMBER, DURATION -> Type.DOUBLE;
                case CHOICE -> Type.TEXT;
                case FLAG -> Type.FLAG;
            }));
        }
        c.add(new Column("status", Type.TEXT));
        c.add(new Column("error", Type.TEXT));
        for (RecordComponent rc : CellFigures.class.getRecordComponents()) {
            c.add(new Column(snake(rc.getName()), rc.getType() == int.class ? Type.INTEGER : Type.DOUBLE));
        }
        // no wall-time column: the table depends on the cells alone, so a resumed run's table equals an
        // uninterrupted one byte for byte; each cell's seconds stay in its row file (cells/ID.json)
        return List.copyOf(c);
    }

    static String settingColumn(SettingKey k) {
        return k.kind() == SettingKey.Kind.DURATION ? k.name() + "_seconds" : k.name();
    }

    /** The row's values in column order (Integer, Double, String, Boolean; null where absent). */
    public static List<Object> values(SweepRow r) {
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.add(r.index());
        v.add(r.cellId());
        v.add(r.model());
        for (SettingKey k : SettingKey.ALL.values()) {
            Object s = r.settings().get(k.name());
            v.add(s instanceof Number n && (k.kind() == SettingKey.Kind.NUMBER || k.kind() == SettingKey.Kind.DURATION)
                    ? (Object) n.doubleValue() : s instanceof Number n ? (Object) n.intValue() : s);
        }
        v.add(r.status());
        v.add(r.error());
        for (RecordComponent rc : CellFigures.class.getRecordComponents()) {
            try {
                v.add(rc.getAccessor().invoke(r.figures()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return v;
    }

    /** The table as CSV: header, then one line per row; NaN and null as empty fields, doubles round-trip exactly. */
    public static String csv(List<SweepRow> rows) {
        StringBuilder s = new StringBuilder();
        s.append(String.join(",", COLUMNS.stream().map(Column::name).toList())).append('\n');
        for (SweepRow r : rows) {
            List<Object> v = values(r);
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                s.append(field(v.get(i)));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String field(Object o) {
        if (o == null || (o instanceof Double d && d.isNaN())) {
            return "";
        }
        String t = o.toString();
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}

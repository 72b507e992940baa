package org.bayes2imc.report;

import org.bayes2imc.hardware.PpaRow;
import org.bayes2imc.hardware.PpaTables;
import org.bayes2imc.sparsity.SparsityReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Power/performance/area: energy and area by component per design, and GOPS/W, GOPS/W/mm² across designs (log axes). */
final class PpaFigures {
    static final int WIDTH = 960;
    private static final String[] CONFIG_KEYS = {"network", "design", "mode", "sparsity"};

    private PpaFigures() {
    }

    /** Height grows with the number of bars so labels never overlap. */
    static int height(int bars) {
        return Math.max(380, 170 + 24 * bars);
    }

    /** One breakdown figure per network: networks differ by orders of magnitude, which stacked bars cannot share. */
    static List<Figure> breakdowns(Results r) {
        Map<String, List<PpaTables.Breakdown>> byNetwork = new LinkedHashMap<>();
        for (PpaTables.Breakdown row : r.records(PpaTables.Breakdown.class, "ppa", "breakdown")) {
            byNetwork.computeIfAbsent(Objects.requireNonNullElse(row.network(), ""), n -> new ArrayList<>()).add(row);
        }
        List<Figure> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<PpaTables.Breakdown>> e : byNetwork.entrySet()) {
            String id = byNetwork.size() == 1 ? "ppa-breakdown" : "ppa-breakdown-" + (++i);
            breakdown(r, e.getKey(), e.getValue(), id).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Figure> breakdown(Results r, String network, List<PpaTables.Breakdown> rows, String id) {
        List<Map<String, String>> keys = rows.stream()
                .map(b -> configuration(b.network(), b.design(), b.mode(), b.sparsity())).toList();
        Labels labels = new Labels(keys, CONFIG_KEYS);
        DefaultCategoryDataset energy = new DefaultCategoryDataset();
        DefaultCategoryDataset area = new DefaultCategoryDataset();
        for (int i = 0; i < rows.size(); i++) {
            PpaTables.Breakdown row = rows.get(i);
            String component = Objects.requireNonNullElse(row.component(), "other");
            String config = labels.of(keys.get(i));
            add(energy, row.energyUj(), component, config);
            add(area, row.areaMm2(), component, config);
        }
        if (energy.getColumnCount() == 0 && area.getColumnCount() == 0) {
            return Optional.empty();
        }
        CombinedDomainCategoryPlot plot = combined(labels.axisLabel());
        CategoryPlot e = stacked(energy, "Energy per inference (\u00b5J)");
        CategoryPlot a = stacked(area, "Area (mm\u00b2)");
        plot.add(e, 1);
        plot.add(a, 1);
        plot.setFixedLegendItems(e.getLegendItems());
        String title = "PPA breakdown by component" + (network.isEmpty() ? "" : ": " + network);
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        int n = Math.max(energy.getColumnCount(), area.getColumnCount());
        String caption = "Energy per inference and area split by hardware component for each design"
                + labels.constantPhrase() + ppaSettings(r) + ".";
        return Optional.of(ChartStyle.figure(id, title, caption, chart, WIDTH, height(n)));
    }

    static Optional<Figure> comparison(Results r) {
        List<PpaRow> rows = r.records(PpaRow.class, "ppa", "rows");
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        // Series = mode (pipelined / non-pipelined) so the two modes of one design sit side by side.
        List<Map<String, String>> keys = rows.stream()
                .map(p -> configuration(p.network(), p.design(), p.mode(), p.sparsity())).toList();
        Labels labels = new Labels(keys, "network", "design", "sparsity");
        DefaultCategoryDataset perW = new DefaultCategoryDataset();
        DefaultCategoryDataset perWmm2 = new DefaultCategoryDataset();
        for (int i = 0; i < rows.size(); i++) {
            PpaRow row = rows.get(i);
            String mode = Objects.requireNonNullElse(row.mode(), "design");
            String config = labels.of(keys.get(i));
            addPositive(perW, row.gopsPerW(), mode, config);
            addPositive(perWmm2, row.gopsPerWMm2(), mode, config);
        }
        if (perW.getColumnCount() == 0 && perWmm2.getColumnCount() == 0) {
            return Optional.empty();
        }
        CombinedDomainCategoryPlot plot = combined(labels.axisLabel());
        CategoryPlot left = bars(perW, "GOPS/W (log scale)");
        CategoryPlot right = bars(perWmm2, "GOPS/W/mm\u00b2 (log scale)");
        plot.add(left, 1);
        plot.add(right, 1);
        plot.setFixedLegendItems(left.getLegendItems());
        JFreeChart chart = ChartStyle.chart("Design comparison", plot, true);
        int n = Math.max(perW.getColumnCount(), perWmm2.getColumnCount());
        int series = Math.max(perW.getRowCount(), perWmm2.getRowCount());
        String caption = "Power efficiency (GOPS/W) and power-and-area efficiency (GOPS/W/mm\u00b2) per design, "
                + "mode and sparsity scheme, log axes" + labels.constantPhrase()
                + opsDefinition(r).map(d -> "; ops: " + d).orElse("") + ppaSettings(r) + ".";
        return Optional.of(ChartStyle.figure("ppa-comparison", "Design comparison", caption, chart, WIDTH,
                height(n * Math.max(1, (series + 1) / 2))));
    }

    /** The ppa section's definition of an operation, if written. */
    static Optional<String> opsDefinition(Results r) {
        return r.record(PpaTables.class, "ppa").map(PpaTables::opsDefinition);
    }

    /** The configuration fields of a table row by key, in {@link #CONFIG_KEYS} order (null where absent). */
    private static Map<String, String> configuration(String network, String design, String mode, String sparsity) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] values = {network, design, mode, sparsity};
        for (int i = 0; i < CONFIG_KEYS.length; i++) {
            m.put(CONFIG_KEYS[i], values[i]);
        }
        return m;
    }

    private static String ppaSettings(Results r) {
        Settings s = new Settings(r);
        Optional<SparsityReport> sparsity = r.record(SparsityReport.class, "sparsity");
        List<Optional<String>> parts = new ArrayList<>();
        parts.add(Settings.phrase("S = ", s.samples(), " samples"));
        parts.add(Settings.phrase("ensembling from layer ", sparsity.map(SparsityFigures::firstEnsemblingLayer)));
        parts.add(Settings.phrase("\u03b5 = ", sparsity.flatMap(SparsityFigures::epsilon)));
        String joined = Settings.join(parts);
        return joined.isEmpty() ? "" : "; " + joined;
    }

    private static CombinedDomainCategoryPlot combined(String label) {
        CategoryAxis axis = new CategoryAxis(label);
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        axis.setCategoryMargin(0.25);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(axis);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(18);
        return plot;
    }

    private static CategoryPlot stacked(DefaultCategoryDataset ds, String label) {
        StackedBarRenderer r = ChartStyle.ownColours(new StackedBarRenderer());
        for (int i = 0; i < ds.getRowCount(); i++) {
            r.setSeriesPaint(i, ChartStyle.palette(i));
        }
        r.setMaximumBarWidth(0.08);
        NumberAxis axis = new NumberAxis(label);
        return plot(ds, axis, r);
    }

    private static CategoryPlot bars(DefaultCategoryDataset ds, String label) {
        BarRenderer r = ChartStyle.ownColours(new BarRenderer());
        r.setIncludeBaseInRange(false); // a log axis cannot include the bars' base 0
        for (int i = 0; i < ds.getRowCount(); i++) {
            r.setSeriesPaint(i, ChartStyle.palette(i == 0 ? 0 : i == 1 ? 3 : i + 1));
        }
        r.setItemMargin(0.05);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int row = 0; row < ds.getRowCount(); row++) {
            for (int col = 0; col < ds.getColumnCount(); col++) {
                Number v = ds.getValue(row, col);
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        LogAxis axis = ChartStyle.logAxis(label, min, max);
        return plot(ds, axis, r);
    }

    private static CategoryPlot plot(DefaultCategoryDataset ds, ValueAxis axis, BarRenderer r) {
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot p = new CategoryPlot(ds, null, axis, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        return p;
    }

    private static void add(DefaultCategoryDataset ds, double v, String series, String category) {
        if (Double.isFinite(v)) {
            ds.addValue(v, series, category);
        }
    }

    private static void addPositive(DefaultCategoryDataset ds, double v, String series, String category) {
        if (Double.isFinite(v) && v > 0) {
            ds.addValue(v, series, category);
        }
    }

    /** Bar labels from the configuration fields that vary; constant ones go to the caption instead. */
    private static final class Labels {
        private final List<String> varying = new ArrayList<>();
        private final List<String> constant = new ArrayList<>();

        Labels(List<Map<String, String>> rows, String... keys) {
            for (String key : keys) {
                Set<String> values = new LinkedHashSet<>();
                rows.forEach(r -> values.add(Objects.requireNonNullElse(r.get(key), "")));
                if (values.size() > 1) {
                    varying.add(key);
                } else if (!values.iterator().next().isEmpty()) {
                    constant.add(key + " " + values.iterator().next());
                }
            }
            if (varying.isEmpty()) {
                varying.add(keys[0]);
            }
        }

        String of(Map<String, String> row) {
            List<String> parts = new ArrayList<>();
            for (String key : varying) {
                parts.add(Objects.requireNonNullElse(row.get(key), "\u2014"));
            }
            return String.join(" \u00b7 ", parts);
        }

        String axisLabel() {
            return String.join(" \u00b7 ", varying);
        }

        String constantPhrase() {
            return constant.isEmpty() ? "" : " (" + String.join(", ", constant) + ")";
        }
    }
}

package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.sparsity.SparsityReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the posterior stays uncertain: per-layer fraction of probabilistic synapses and the histogram of p = P(w = +1). */
final class SparsityFigures {
    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    private SparsityFigures() {
    }

    /** Bars per layer; from software.posterior.layers (ε = 0.01 and 0.001) or else sparsity.layers (its ε). */
    static Optional<Figure> layers(Results r) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        List<JsonNode> posterior = r.rows("software", "posterior", "layers");
        String source;
        if (!posterior.isEmpty()) {
            source = "trained posterior (software.posterior)";
            for (int i = 0; i < posterior.size(); i++) {
                JsonNode l = posterior.get(i);
                String layer = layerName(l, i);
                add(ds, Results.number(l, "probabilistic_fraction"), "\u03b5 = 0.01", layer);
                add(ds, Results.number(l, "probabilistic_fraction_eps_0_001"), "\u03b5 = 0.001", layer);
            }
        } else {
            List<SparsityReport.Layer> layers = r.records(SparsityReport.Layer.class, "sparsity", "layers");
            String eps = r.record(SparsityReport.class, "sparsity").flatMap(SparsityFigures::epsilon).orElse("?");
            source = "sparsity analysis";
            for (SparsityReport.Layer l : layers) {
                add(ds, l.fraction(), "\u03b5 = " + eps, String.valueOf(l.layer()));
            }
        }
        if (ds.getColumnCount() == 0) {
            return Optional.empty();
        }
        CategoryAxis x = new CategoryAxis("Layer (network order)");
        if (ds.getColumnCount() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = new NumberAxis("Probabilistic synapses (% of the layer's synapses)");
        y.setUpperMargin(0.15);
        BarRenderer bars = ChartStyle.ownColours(new BarRenderer());
        bars.setSeriesPaint(0, ChartStyle.palette(0));
        bars.setSeriesPaint(1, ChartStyle.palette(3));
        bars.setItemMargin(0.05);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.##")));
        bars.setDefaultItemLabelsVisible(ds.getColumnCount() * ds.getRowCount() <= 24);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryPlot plot = new CategoryPlot(ds, x, y, bars);
        JFreeChart chart = ChartStyle.chart("Probabilistic synapses per layer", plot, true);
        bars.setDefaultItemLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        String caption = "Per layer, the percentage of synapses whose posterior is probabilistic (P(w = +1) within "
                + "[\u03b5, 1 \u2212 \u03b5]); from the " + source
                + r.text("software", "posterior", "probabilistic_fraction").map(
                        v -> ", whole network " + Format.percent(r.number("software", "posterior", "probabilistic_fraction"))
                                + " at \u03b5 = 0.01").orElse("")
                + ".";
        return Optional.of(ChartStyle.figure("sparsity-layers", "Probabilistic synapses per layer", caption, chart,
                WIDTH, HEIGHT));
    }

    /** Histogram of p over all synapses, log count axis (most synapses sit at p ≈ 0 or 1). */
    static Optional<Figure> pHistogram(Results r) {
        Optional<JsonNode> h = r.section("software", "posterior", "p_histogram");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        XYIntervalSeries s = Histograms.series("Synapses per bin", h.get(), 1.0, 0.5);
        if (s.getItemCount() == 0) {
            return Optional.empty();
        }
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        ds.addSeries(s);
        NumberAxis x = new NumberAxis("p = posterior probability that w = +1 (dimensionless)");
        x.setRange(0, 1);
        LogAxis y = ChartStyle.logAxis("Synapses (count per bin, log scale)", 1, maxY(s));
        y.setLowerBound(0.5); // bars start at 0.5 so a bin holding one synapse still shows
        XYBarRenderer bars = ChartStyle.ownColours(new XYBarRenderer(0.0));
        bars.setUseYInterval(true);
        bars.setSeriesPaint(0, ChartStyle.palette(0));
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, java.awt.Color.WHITE);
        XYPlot plot = new XYPlot(ds, x, y, bars);
        JFreeChart chart = ChartStyle.chart("Histogram of the posterior p", plot, true);
        String caption = "Histogram of p = P(w = +1) over all synapses of the trained posterior ("
                + h.get().path("counts").size() + " bins, log count axis; empty bins not drawn)"
                + r.text("software", "posterior", "probabilistic_fraction").map(v -> "; "
                + Format.percent(r.number("software", "posterior", "probabilistic_fraction"))
                + " probabilistic at \u03b5 = 0.01").orElse("") + ".";
        return Optional.of(ChartStyle.figure("p-histogram", "Posterior p histogram", caption, chart, WIDTH, HEIGHT));
    }

    private static double maxY(XYIntervalSeries s) {
        double max = 0;
        for (int i = 0; i < s.getItemCount(); i++) {
            max = Math.max(max, s.getYValue(i));
        }
        return max;
    }

    private static void add(DefaultCategoryDataset ds, double fraction, String series, String layer) {
        if (Double.isFinite(fraction)) {
            ds.addValue(100 * fraction, series, layer);
        }
    }

    /** The sparsity analysis' ε as written (e.g. "0.01"); empty where absent. */
    static Optional<String> epsilon(SparsityReport s) {
        return Double.isNaN(s.epsilon()) ? Optional.empty() : Optional.of(Double.toString(s.epsilon()));
    }

    /** The first ensembling layer L* as its index. */
    static String firstEnsemblingLayer(SparsityReport s) {
        return String.valueOf(s.firstEnsemblingLayer());
    }

    private static String layerName(JsonNode l, int index) {
        return Results.text(l, "layer").orElse(String.valueOf(index + 1));
    }
}

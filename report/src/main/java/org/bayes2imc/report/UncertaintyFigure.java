package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.metrics.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Predictive entropy (total uncertainty) and mutual information (epistemic part) of the software ensemble, in- vs
 * out-of-distribution; each histogram is normalised to the fraction of its inputs so unequal set sizes compare.
 */
final class UncertaintyFigure {
    static final int WIDTH = 960;
    static final int HEIGHT = 450;
    private static final Color IN = ChartStyle.withAlpha(new Color(0x0072B2), 150);
    private static final Color OOD = ChartStyle.withAlpha(new Color(0xD55E00), 150);

    private UncertaintyFigure() {
    }

    static Optional<Figure> build(Results r) {
        Optional<JsonNode> h = r.section("software", "ensemble", "histograms");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Settings s = new Settings(r);
        String inName = "In-distribution" + s.dataset().map(d -> " (" + d + ")").orElse("");
        String oodName = "Out-of-distribution" + s.oodDataset().map(d -> " (" + d + ")").orElse("");
        NumberAxis y = new NumberAxis("Fraction of inputs per bin");
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(y);
        plot.setGap(40); // keeps the left panel's last tick label clear of the right panel's first
        List<XYPlot> panels = new ArrayList<>();
        panel(h.get(), "entropy_in", "entropy_ood", inName, oodName, "Predictive entropy (nats)").ifPresent(panels::add);
        panel(h.get(), "mi_in", "mi_ood", inName, oodName, "Mutual information, epistemic (nats)").ifPresent(panels::add);
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        panels.forEach(p -> plot.add(p, 1));
        plot.setFixedLegendItems(panels.get(0).getLegendItems());
        JFreeChart chart = ChartStyle.chart("Uncertainty in- and out-of-distribution (software ensemble)", plot, true);
        List<Optional<String>> parts = new ArrayList<>();
        parts.add(Settings.phrase("S = ", s.samples(), " samples"));
        parts.add(Settings.phrase("in-distribution: ", s.dataset()));
        parts.add(Settings.phrase("OOD: ", s.oodDataset()));
        Optional<Metrics> ensemble = r.record(Metrics.class, "software", "ensemble");
        double auroc = ensemble.map(Metrics::oodAurocEntropy).orElse(Double.NaN);
        double aurocMi = ensemble.map(Metrics::oodAurocMi).orElse(Double.NaN);
        if (Double.isFinite(auroc)) {
            parts.add(Optional.of("OOD AUROC " + Format.number(auroc, 3) + " (entropy)"
                    + (Double.isFinite(aurocMi) ? ", " + Format.number(aurocMi, 3) + " (MI)" : "")));
        }
        String caption = "Histograms of predictive entropy and mutual information of the software ensemble for "
                + "in-distribution and OOD test inputs (each normalised to its number of inputs); "
                + Settings.join(parts) + ".";
        return Optional.of(ChartStyle.figure("uncertainty", "Entropy and mutual information", caption, chart,
                WIDTH, HEIGHT));
    }

    private static Optional<XYPlot> panel(JsonNode h, String inKey, String oodKey, String inName, String oodName,
                                          String label) {
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        XYBarRenderer bars = ChartStyle.ownColours(new XYBarRenderer(0.0));
        bars.setUseYInterval(true);
        bars.setDrawBarOutline(false);
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        for (String[] spec : new String[][]{{inKey, inName}, {oodKey, oodName}}) {
            JsonNode hist = h.path(spec[0]);
            double total = Histograms.total(hist);
            if (total <= 0) {
                continue;
            }
            XYIntervalSeries s = Histograms.series(spec[1], hist, 1.0 / total, 0.0);
            if (s.getItemCount() > 0) {
                ds.addSeries(s);
                bars.setSeriesPaint(ds.getSeriesCount() - 1, spec[0].equals(inKey) ? IN : OOD);
            }
        }
        if (ds.getSeriesCount() == 0) {
            return Optional.empty();
        }
        NumberAxis x = new NumberAxis(label);
        x.setAutoRangeIncludesZero(true);
        XYPlot p = new XYPlot(ds, x, null, bars);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        return Optional.of(p);
    }
}

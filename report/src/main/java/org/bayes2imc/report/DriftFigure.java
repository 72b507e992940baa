package org.bayes2imc.report;

import org.bayes2imc.study.DriftRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Accuracy and ECE against time since programming (conductance drift), one curve per compensation scheme, ±1 std over deployments. */
final class DriftFigure {
    static final int WIDTH = 800;
    static final int HEIGHT = 720;

    private DriftFigure() {
    }

    static Optional<Figure> build(Results r) {
        Map<String, List<DriftRow>> byCompensation = new LinkedHashMap<>();
        int dropped = 0;
        for (DriftRow row : r.records(DriftRow.class, "drift")) {
            double t = row.timeSeconds();
            if (!(t > 0)) {
                dropped++; // a log axis cannot show t <= 0; the table below still lists the row
                continue;
            }
            String name = Optional.ofNullable(row.compensation()).orElse("none");
            byCompensation.computeIfAbsent(name, n -> new ArrayList<>()).add(row);
        }
        if (byCompensation.isEmpty()) {
            return Optional.empty();
        }
        byCompensation.values().forEach(l -> l.sort(Comparator.comparingDouble(DriftRow::timeSeconds)));
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = 0;
        for (List<DriftRow> rows : byCompensation.values()) {
            for (DriftRow row : rows) {
                tMin = Math.min(tMin, row.timeSeconds());
                tMax = Math.max(tMax, row.timeSeconds());
            }
        }
        LogAxis x = ChartStyle.logAxis("Time since programming (s, log scale)", tMin, tMax);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        XYPlot top = panel(byCompensation, DriftRow::accuracyMean, DriftRow::accuracyStd, "Accuracy (%)");
        // Calibrated ECE (the chip's digital temperature stage) leads; raw ECE beside it. Older results: raw only
        // (told by the key's presence, which a record read cannot tell from a null)
        boolean cal = r.rows("drift").stream().anyMatch(n -> n.has("ece_calibrated_mean"));
        plot.add(top, 1);
        if (cal) {
            plot.add(panel(byCompensation, DriftRow::eceCalibratedMean, DriftRow::eceCalibratedStd, "ECE calibrated (%)"), 1);
        }
        plot.add(panel(byCompensation, DriftRow::eceMean, DriftRow::eceStd, cal ? "ECE raw (%)" : "ECE (%, 15 bins)"), 1);
        plot.setFixedLegendItems(top.getLegendItems());
        JFreeChart chart = ChartStyle.chart("Accuracy and ECE against drift time", plot, true);

        Settings s = new Settings(r);
        List<Optional<String>> parts = new ArrayList<>();
        parts.add(Settings.phrase("K = ", s.deployments("drift"), " deployments per time"));
        parts.add(Settings.phrase("S = ", s.samples(), " samples"));
        parts.add(Settings.phrase("device ", s.device("hardware")));
        parts.add(Optional.of("compensation: " + String.join(", ", byCompensation.keySet())));
        if (dropped > 0) {
            parts.add(Optional.of(dropped + " row(s) at t \u2264 0 s only in the table"));
        }
        String caption = "Accuracy and ECE against time since programming, with and without drift compensation "
                + "(markers = mean over deployments, bars = \u00b11 std"
                + (cal ? "; ECE calibrated = logits divided by the model's temperature in the chip's final digital stage, "
                + "ECE raw = without it; 15 bins" : "") + "); " + Settings.join(parts) + ".";
        return Optional.of(ChartStyle.figure("drift", "Against drift time", caption, chart, WIDTH, HEIGHT));
    }

    private static XYPlot panel(Map<String, List<DriftRow>> groups, ToDoubleFunction<DriftRow> mean,
                                ToDoubleFunction<DriftRow> std, String label) {
        XYLines lines = new XYLines();
        int i = 0;
        for (Map.Entry<String, List<DriftRow>> g : groups.entrySet()) {
            List<double[]> pts = new ArrayList<>();
            for (DriftRow row : g.getValue()) {
                pts.add(new double[]{row.timeSeconds(), 100 * mean.applyAsDouble(row), 100 * std.applyAsDouble(row)});
            }
            java.awt.Paint paint = i == 0 ? ChartStyle.HARDWARE : i == 1 ? ChartStyle.CORRECTED : ChartStyle.palette(i + 1);
            lines.add("Compensation: " + g.getKey(), paint, ChartStyle.SOLID,
                    i % 2 == 0 ? XYLines.CIRCLE : XYLines.SQUARE, true, pts.toArray(double[][]::new));
            i++;
        }
        XYPlot p = new XYPlot(lines.dataset(), null, ChartStyle.percentAxis(label), lines.renderer());
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        return p;
    }
}

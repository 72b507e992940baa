package org.bayes2imc.report;

import org.bayes2imc.metrics.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Accuracy and ECE of every hardware deployment (one programming of the chip), raw and logit-corrected, with their means. */
final class DeploymentFigure {
    static final int WIDTH = 800;
    static final int HEIGHT = 560;
    /** Raw and corrected markers of one deployment sit side by side rather than on top of each other. */
    private static final double OFFSET = 0.12;

    private DeploymentFigure() {
    }

    static Optional<Figure> build(Results r) {
        List<Metrics> raw = r.records(Metrics.class, "hardware", "per_deployment");
        List<Metrics> corrected = r.records(Metrics.class, "hardware_corrected", "per_deployment");
        if (raw.isEmpty() && corrected.isEmpty()) {
            return Optional.empty();
        }
        Settings s = new Settings(r);
        String correction = s.correction().orElse("logit");
        int k = Math.max(raw.size(), corrected.size());
        NumberAxis x = new NumberAxis("Deployment (independent programming of the chip, index)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, k + 0.5);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        XYPlot top = panel(r, raw, corrected, correction, "accuracy", Metrics::accuracy, "Accuracy (%)", k);
        // The calibrated chip (temperature in the final digital stage) where results carry it; raw otherwise
        // (told by the key's presence, which a record read cannot tell from a null).
        boolean cal = r.rows("hardware", "per_deployment").stream().anyMatch(n -> n.has("ece_calibrated"));
        XYPlot bottom = cal
                ? panel(r, raw, corrected, correction, "ece_calibrated", Metrics::eceCalibrated,
                "ECE calibrated (%, 15 bins)", k)
                : panel(r, raw, corrected, correction, "ece", Metrics::ece, "ECE (%, 15 bins)", k);
        plot.add(top, 1);
        plot.add(bottom, 1);
        plot.setFixedLegendItems(top.getLegendItems());
        JFreeChart chart = ChartStyle.chart("Accuracy and ECE across deployments", plot, true);

        List<Optional<String>> parts = new ArrayList<>();
        parts.add(Optional.of("K = " + k + " deployments"));
        parts.add(Settings.phrase("S = ", s.samples(), " samples each"));
        parts.add(Settings.phrase("device ", s.device("hardware")));
        parts.add(Settings.phrase("design ", s.design("hardware")));
        parts.add(Settings.phrase("t = ", s.timeAfterProgramming("hardware"), " after programming"));
        parts.add(Settings.phrase("correction: ", corrected.isEmpty() ? Optional.empty() : Optional.of(correction)));
        String caption = "Accuracy and " + (cal ? "calibrated ECE (logits divided by the model's temperature) " : "ECE ")
                + "of each hardware deployment, raw and after logit correction "
                + "(markers; dashed lines = means over deployments; dotted = software ensemble); "
                + Settings.join(parts) + ".";
        return Optional.of(ChartStyle.figure("deployments", "Across deployments", caption, chart, WIDTH, HEIGHT));
    }

    /** {@code key} names {@code figure}'s JSON field, for the software ensemble's line. */
    private static XYPlot panel(Results r, List<Metrics> raw, List<Metrics> corrected, String correction,
                                String key, ToDoubleFunction<Metrics> figure, String label, int k) {
        XYLines lines = new XYLines();
        series(lines, "Hardware, raw", raw, figure, -OFFSET, ChartStyle.HARDWARE, XYLines.CIRCLE);
        series(lines, "Hardware, " + correction + "-corrected", corrected, figure, OFFSET, ChartStyle.CORRECTED,
                XYLines.SQUARE);
        mean(lines, "Mean, raw", raw, figure, ChartStyle.HARDWARE, k);
        mean(lines, "Mean, corrected", corrected, figure, ChartStyle.CORRECTED, k);
        double software = r.number("software", "ensemble", key);
        lines.add("Software ensemble", ChartStyle.SOFTWARE, ChartStyle.DOTTED, null, true,
                new double[]{0.5, 100 * software}, new double[]{k + 0.5, 100 * software});
        NumberAxis y = ChartStyle.percentAxis(label);
        XYPlot p = new XYPlot(lines.dataset(), null, y, lines.renderer());
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(ChartStyle.GRID);
        p.setRangeGridlinePaint(ChartStyle.GRID);
        return p;
    }

    private static void series(XYLines lines, String name, List<Metrics> rows, ToDoubleFunction<Metrics> figure,
                               double offset, java.awt.Paint paint, java.awt.Shape marker) {
        double[][] pts = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            pts[i] = new double[]{i + 1 + offset, 100 * figure.applyAsDouble(rows.get(i))};
        }
        lines.add(name, paint, null, marker, true, pts);
    }

    private static void mean(XYLines lines, String name, List<Metrics> rows, ToDoubleFunction<Metrics> figure,
                             java.awt.Paint paint, int k) {
        double sum = 0;
        int n = 0;
        for (Metrics row : rows) {
            double v = figure.applyAsDouble(row);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n > 0) {
            double m = 100 * sum / n;
            lines.add(name, paint, ChartStyle.DASHED, null, true, new double[]{0.5, m}, new double[]{k + 0.5, m});
        }
    }
}

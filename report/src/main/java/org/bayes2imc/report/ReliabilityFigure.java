package org.bayes2imc.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.metrics.Calibration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reliability diagram (Guo et al. 2017): per confidence bin, mean confidence vs accuracy, software ensemble vs hardware. */
final class ReliabilityFigure {
    static final int WIDTH = 800;
    static final int HEIGHT = 520;

    private ReliabilityFigure() {
    }

    static Optional<Figure> build(Results r) {
        Settings s = new Settings(r);
        XYLines lines = new XYLines();
        lines.add("Perfect calibration", ChartStyle.REFERENCE, ChartStyle.DASHED, null, true,
                new double[]{0, 0}, new double[]{1, 1});
        // The chip applies the model's temperature digitally to its final logits: the calibrated chip leads (solid),
        // the uncalibrated one is drawn beside it (dashed). Results without calibrated bins fall back to raw.
        boolean cal = !r.rows("hardware", "reliability_calibrated").isEmpty();
        String bins = cal ? "reliability_calibrated" : "reliability";
        String tag = cal ? ", calibrated" : "";
        boolean any = false;
        any |= addSeries(lines, "Software ensemble" + s.samples().map(v -> " (S = " + v + ")").orElse("") + tag,
                r.rows("software", "ensemble", bins), ChartStyle.SOFTWARE, ChartStyle.SOLID);
        any |= addSeries(lines, "Hardware" + tag + " (pooled over deployments)", r.rows("hardware", bins),
                ChartStyle.HARDWARE, ChartStyle.SOLID);
        any |= addSeries(lines, "Hardware, " + s.correction().orElse("logit") + "-corrected" + tag,
                r.rows("hardware_corrected", bins), ChartStyle.CORRECTED, ChartStyle.SOLID);
        if (cal) {
            any |= addSeries(lines, "Hardware, raw (no temperature)", r.rows("hardware", "reliability"),
                    ChartStyle.HARDWARE, ChartStyle.DASHED);
        }
        if (!any) {
            return Optional.empty();
        }
        NumberAxis x = new NumberAxis("Confidence (mean max-softmax probability in bin)");
        x.setRange(0, 1.0);
        NumberAxis y = new NumberAxis("Accuracy in bin (fraction correct)");
        y.setRange(0, 1.02);
        XYPlot plot = new XYPlot(lines.dataset(), x, y, lines.renderer());
        JFreeChart chart = ChartStyle.chart("Reliability: software ensemble vs hardware", plot, true);

        List<Optional<String>> parts = new ArrayList<>();
        parts.add(Settings.phrase("software ensemble of S = ", s.samples(), " samples"));
        if (r.section("hardware").isPresent()) {
            parts.add(Settings.phrase("hardware: K = ", s.deployments("hardware"), " deployments"));
            parts.add(Settings.phrase("device ", s.device("hardware")));
            parts.add(Settings.phrase("read at t = ", s.timeAfterProgramming("hardware"), " after programming"));
        }
        parts.add(Settings.phrase("correction: ", r.section("hardware_corrected").flatMap(c -> s.correction())));
        String caption = "Reliability diagram (15 equal-width confidence bins; markers at each non-empty bin's mean "
                + "confidence and accuracy; below the diagonal = over-confident"
                + (cal ? "; solid: logits divided by the model's validation-fitted temperature, as the chip's final "
                + "digital stage does; dashed: the chip without it" : "") + ")"
                + suffix(Settings.join(parts)) + ".";
        return Optional.of(ChartStyle.figure("reliability", "Reliability diagrams", caption, chart, WIDTH, HEIGHT));
    }

    static String suffix(String settings) {
        return settings.isEmpty() ? "" : "; " + settings;
    }

    private static boolean addSeries(XYLines lines, String name, List<JsonNode> bins, Paint paint, java.awt.Stroke stroke) {
        List<double[]> pts = new ArrayList<>();
        for (JsonNode b : bins) {
            // The count is read from the node, not the record: a bin without one is kept, and a typed int count
            // would read it as 0 and drop it.
            double count = Results.number(b, "count");
            if (Double.isFinite(count) && count <= 0) {
                continue;
            }
            Calibration.Bin bin = ResultRecords.read(b, Calibration.Bin.class);
            pts.add(new double[]{bin.meanConfidence(), bin.accuracy()});
        }
        return lines.add(name, paint, stroke, XYLines.CIRCLE, true, pts.toArray(double[][]::new));
    }
}

package org.bayes2imc.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The design-space page's plots (docs/SWEEP.md "Report"): Pareto fronts of two objectives over a sweep's cells, the
 * non-dominated configurations marked and labelled with their cell index, and one sensitivity plot per swept axis.
 */
final class DesignSpaceFigures {
    static final int WIDTH = 960;
    static final int HEIGHT = 560;

    private DesignSpaceFigures() {
    }

    /** A front: the rows it was drawn from, the indices (into them) of the non-dominated ones, and its figure. */
    record Front(String id, List<Map<String, String>> source, List<Integer> rows, Figure figure) {
    }

    /**
     * Scatter of {@code y} against {@code x} over {@code rows}, the front by minimising {@code x} and maximising
     * ({@code maximiseY}) or minimising {@code y}. Empty when fewer than one row has both figures.
     */
    static java.util.Optional<Front> front(String id, String title, String caption, List<Map<String, String>> rows,
                                           String xColumn, String xLabel, String yColumn, String yLabel,
                                           double yScale, boolean maximiseY) {
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        double[] yObjective = new double[rows.size()];
        int finite = 0;
        for (int i = 0; i < rows.size(); i++) {
            x[i] = SweepCsv.number(rows.get(i), xColumn);
            y[i] = SweepCsv.number(rows.get(i), yColumn) * yScale;
            yObjective[i] = maximiseY ? -y[i] : y[i];
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && x[i] > 0) {
                finite++;
            } else {
                x[i] = Double.NaN;
            }
        }
        if (finite == 0) {
            return java.util.Optional.empty();
        }
        List<Integer> front = ParetoFront.of(x, yObjective);
        XYSeries all = new XYSeries("dominated configurations", false, true);
        XYSeries best = new XYSeries("non-dominated (Pareto front)", false, true);
        for (int i = 0; i < rows.size(); i++) {
            if (Double.isFinite(x[i]) && !front.contains(i)) {
                all.add(x[i], y[i]);
            }
        }
        for (int i : front) {
            best.add(x[i], y[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(best);
        data.addSeries(all);
        XYLineAndShapeRenderer r = ChartStyle.ownColours(new XYLineAndShapeRenderer());
        r.setSeriesPaint(0, ChartStyle.HARDWARE);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesStroke(0, ChartStyle.DASHED);
        r.setSeriesShape(0, XYLines.SQUARE);
        r.setSeriesPaint(1, ChartStyle.REFERENCE);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, XYLines.CIRCLE);
        double min = java.util.Arrays.stream(x).filter(Double::isFinite).min().orElse(1);
        double max = java.util.Arrays.stream(x).filter(Double::isFinite).max().orElse(1);
        ValueAxis xAxis = max / min > 20 ? ChartStyle.logAxis(xLabel, min, max) : new NumberAxis(xLabel);
        if (xAxis instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        for (int i : front) {
            XYTextAnnotation a = new XYTextAnnotation("#" + rows.get(i).get("index"), x[i], y[i]);
            a.setFont(font);
            a.setPaint(Color.BLACK);
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        Figure f = new Figure(id, title, caption, ChartStyle.png(chart, WIDTH, HEIGHT), WIDTH, HEIGHT);
        return java.util.Optional.of(new Front(id, rows, front, f));
    }

    /** Mean accuracy and mean energy per image for each value of one swept axis (over the other axes' cells). */
    static java.util.Optional<Figure> sensitivity(String axis, List<Map<String, String>> rows) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // value → {accuracy sum, n, energy sum, m}
        for (Map<String, String> row : rows) {
            double[] s = sums.computeIfAbsent(row.get(axis), k -> new double[4]);
            double a = SweepCsv.number(row, "accuracy_mean");
            double e = SweepCsv.number(row, "energy_per_image_uj");
            if (Double.isFinite(a)) {
                s[0] += a;
                s[1]++;
            }
            if (Double.isFinite(e)) {
                s[2] += e;
                s[3]++;
            }
        }
        DefaultCategoryDataset acc = new DefaultCategoryDataset();
        DefaultCategoryDataset energy = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> v : sums.entrySet()) {
            double[] s = v.getValue();
            acc.addValue(s[1] == 0 ? null : 100 * s[0] / s[1], "mean accuracy", v.getKey());
            energy.addValue(s[3] == 0 ? null : s[2] / s[3], "mean energy per image", v.getKey());
        }
        if (sums.size() < 2) {
            return java.util.Optional.empty();
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis(axis));
        plot.add(panel(acc, "accuracy (%)", ChartStyle.HARDWARE), 1);
        plot.add(panel(energy, "energy / image (\u00b5J)", ChartStyle.CORRECTED), 1);
        String title = "Sensitivity to " + axis;
        JFreeChart chart = ChartStyle.chart(title, plot, true);
        int h = 480;
        return java.util.Optional.of(new Figure("sensitivity-" + axis.replaceAll("[^a-z0-9]+", "-"), title,
                "Mean accuracy over K deployments and mean PPA energy per image for each value of " + axis
                        + ", averaged over the sweep's other axes (functional figures of adc-imc cells are not simulated "
                        + "and left out of the accuracy mean).", ChartStyle.png(chart, WIDTH, h), WIDTH, h));
    }

    private static CategoryPlot panel(DefaultCategoryDataset d, String label, Color colour) {
        LineAndShapeRenderer r = ChartStyle.ownColours(new LineAndShapeRenderer(true, true));
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, ChartStyle.SOLID);
        r.setSeriesShape(0, XYLines.CIRCLE);
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        return new CategoryPlot(d, null, y, r);
    }

    static List<Figure> figures(List<Front> fronts) {
        List<Figure> out = new ArrayList<>();
        fronts.forEach(f -> out.add(f.figure()));
        return out;
    }
}

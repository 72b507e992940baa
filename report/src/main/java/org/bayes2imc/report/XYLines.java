package org.bayes2imc.report;

import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.Shape;

/**
 * Builds one XY panel's series (lines, markers, optional vertical error bars) together with the renderer that
 * styles each series, so series that are absent from results.json simply never get added.
 */
final class XYLines {
    static final Shape CIRCLE = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    static final Shape SQUARE = new Rectangle2D.Double(-4, -4, 8, 8);

    private final YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    private final XYErrorRenderer renderer = new XYErrorRenderer();

    XYLines() {
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(8);
        renderer.setErrorStroke(new java.awt.BasicStroke(1.5f));
        renderer.setAutoPopulateSeriesShape(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesPaint(false);
    }

    /** Adds a series; points are {x, y} or {x, y, yStd}. Returns false (adds nothing) when it has no finite point. */
    boolean add(String name, Paint paint, Stroke stroke, Shape marker, boolean inLegend, double[]... points) {
        YIntervalSeries s = new YIntervalSeries(name, false, true);
        for (double[] p : points) {
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                continue;
            }
            double e = p.length > 2 && Double.isFinite(p[2]) ? p[2] : 0;
            s.add(p[0], p[1], p[1] - e, p[1] + e);
        }
        if (s.getItemCount() == 0) {
            return false;
        }
        dataset.addSeries(s);
        int i = dataset.getSeriesCount() - 1;
        renderer.setSeriesPaint(i, paint);
        renderer.setSeriesLinesVisible(i, stroke != null);
        if (stroke != null) {
            renderer.setSeriesStroke(i, stroke);
        }
        renderer.setSeriesShapesVisible(i, marker != null);
        if (marker != null) {
            renderer.setSeriesShape(i, marker);
        }
        renderer.setSeriesVisibleInLegend(i, inLegend);
        return true;
    }

    boolean isEmpty() {
        return dataset.getSeriesCount() == 0;
    }

    YIntervalSeriesCollection dataset() {
        return dataset;
    }

    XYErrorRenderer renderer() {
        return renderer;
    }
}

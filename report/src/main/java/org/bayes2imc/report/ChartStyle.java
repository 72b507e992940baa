package org.bayes2imc.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The report's one look for every chart (white background, readable fonts, colour-blind-safe palette) and PNG rendering. */
final class ChartStyle {
    static {
        // Charts are drawn into in-memory images; never touch a display (CI and servers have none).
        System.setProperty("java.awt.headless", "true");
    }

    /** Okabe–Ito palette (colour-blind safe), then a few extra distinct colours for long component lists. */
    static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
            new Color(0x8C564B), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};
    static final Color SOFTWARE = new Color(0x333333);
    static final Color HARDWARE = new Color(0xD55E00);
    static final Color CORRECTED = new Color(0x0072B2);
    static final Color GRID = new Color(0xD0D0D0);
    static final Color REFERENCE = new Color(0x999999);

    static final Stroke SOLID = new BasicStroke(2.0f);
    static final Stroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{7f, 5f}, 0f);
    static final Stroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[]{2f, 4f}, 0f);

    private static final StandardChartTheme THEME = theme();

    private ChartStyle() {
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(Color.GRAY);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(Color.BLACK);
        t.setTickLabelPaint(Color.BLACK);
        t.setItemLabelPaint(Color.BLACK);
        t.setLegendItemPaint(Color.BLACK);
        t.setTitlePaint(Color.BLACK);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return t;
    }

    /** A chart with the report's look; the legend sits below the plot. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        THEME.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    static Paint palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static NumberAxis percentAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** A base-10 log axis with ticks at whole decades (10^k), spanning the decades around [min, max]. */
    static LogAxis logAxis(String label, double min, double max) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-12);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setMinorTickMarksVisible(false);
        if (min > 0 && max >= min && Double.isFinite(max)) {
            double lo = Math.pow(10, Math.floor(Math.log10(min)));
            double hi = Math.pow(10, Math.ceil(Math.log10(max)));
            if (hi <= lo) {
                hi = lo * 10;
            }
            a.setRange(lo, hi);
        }
        return a;
    }

    /**
     * The theme clears series paints that renderers may auto-populate; the report sets every series colour itself,
     * so they must survive the theme (and match the legend).
     */
    static <R extends org.jfree.chart.renderer.AbstractRenderer> R ownColours(R renderer) {
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesFillPaint(false);
        renderer.setAutoPopulateSeriesOutlinePaint(false);
        return renderer;
    }

    /** Renders the chart on white into a PNG of exactly width×height pixels. */
    static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static Figure figure(String id, String title, String caption, JFreeChart chart, int width, int height) {
        return new Figure(id, title, caption, png(chart, width, height), width, height);
    }
}

package ipclab.repl.compare;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.verdict.Figure;
import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Samples;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The comparison's charts: latency and throughput against message size, one line per system
 * through the medians, a bar from min to max at each point, both axes logarithmic (sizes from
 * 64 B to 1 MiB span four orders of magnitude, and so do the figures). Drawn by JFreeChart, written
 * as PNG and as SVG (JFreeSVG).
 */
public final class ComparisonCharts {
    static {
        // Charts are drawn into images, never onto a screen; without this a DISPLAY that is set
        // but unreachable (ssh, CI) makes AWT fail.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 540;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
    };

    /** One chart as written: its figure, a caption, and the two files. */
    public record Chart(Figure figure, String caption, Path png, Path svg) {}

    private ComparisonCharts() {}

    /** The figures drawn, when measured at two sizes or more. */
    public static final List<Figure> FIGURES = List.of(Figure.LATENCY, Figure.THROUGHPUT);

    /** Writes {@code latency.png}, {@code latency.svg}, {@code throughput.png}, ... into {@code dir}; figures measured at fewer than two sizes get no chart. */
    public static List<Chart> write(Comparison c, Path dir) throws IOException {
        List<Chart> out = new ArrayList<>();
        for (Figure f : FIGURES) {
            JFreeChart chart = chart(c, f);
            if (chart == null) continue;
            String name = f.text();
            Path png = dir.resolve(name + ".png"), svg = dir.resolve(name + ".svg");
            try (OutputStream o = Files.newOutputStream(png)) {
                ChartUtils.writeChartAsPNG(o, chart, WIDTH, HEIGHT);
            }
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
            out.add(new Chart(f, caption(c, f), png, svg));
        }
        return out;
    }

    static String caption(Comparison c, Figure f) {
        String what = f == Figure.LATENCY ? "Latency (median)" : "Throughput";
        return what + " against message size; "
                + (c.repeats() > 1
                        ? "median of " + c.repeats() + " runs, bars from min to max, hollow markers noisy"
                        : "one run per point");
    }

    /** The chart, or null when no system has the figure at two sizes. */
    static JFreeChart chart(Comparison c, Figure f) {
        Measurements m = c.measurements();
        boolean latency = f == Figure.LATENCY;
        double scale = latency ? 1e-3 : 1; // latency is drawn in µs: ns would put 10^5 on the axis
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<List<Boolean>> noisy = new ArrayList<>(); // per series and item, in the order added
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (String system : m.systems()) {
            YIntervalSeries s = new YIntervalSeries(system, false, false);
            List<Boolean> noise = new ArrayList<>();
            for (long size : m.sizes(f)) {
                Samples v = m.samples(system, f, size).orElse(null);
                if (v == null || size <= 0 || v.min() <= 0) continue; // a log axis has no place for 0
                s.add(size, v.median() * scale, v.min() * scale, v.max() * scale);
                noise.add(v.noisy());
                lo = Math.min(lo, v.min() * scale);
                hi = Math.max(hi, v.max() * scale);
            }
            // A system measured at one size only (a part of the comparison without a size axis) has no line to draw.
            if (s.getItemCount() > 1) {
                data.addSeries(s);
                noisy.add(noise);
            }
        }
        if (data.getSeriesCount() == 0 || m.sizes(f).size() < 2) return null;

        LogAxis x = new LogAxis("message size");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(2), false, true); // a tick every factor of 4: 64 B, 256 B, 1 KiB ...
        x.setNumberFormatOverride(new ByteFormat());
        x.setSmallestValue(1);
        LogAxis y = new LogAxis(latency ? "latency (µs, log scale)" : "throughput (MiB/s, log scale)");
        y.setSmallestValue(1e-3);
        // Ticks at powers of 10, or of 2 when the figures span less than a factor of 30 (where
        // powers of 10 would leave one label or none).
        if (hi / lo < 30) y.setBase(2);
        y.setTickUnit(new NumberTickUnit(1), false, true);
        y.setMinorTickCount(y.getBase() == 2 ? 1 : 9);
        NumberFormat ticks = NumberFormat.getNumberInstance(java.util.Locale.ROOT);
        ticks.setMaximumFractionDigits(3);
        y.setNumberFormatOverride(ticks);
        // A noisy point (spread over 10% of its median) is drawn hollow, so that no one reads a
        // conclusion into it without seeing that.
        XYErrorRenderer r = new XYErrorRenderer() {
            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return !noisy.get(series).get(item);
            }
        };
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setCapLength(6);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        r.setErrorStroke(new BasicStroke(1.2f));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        String title = latency ? "Latency against message size" : "Throughput against message size";
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.addSubtitle(new TextTitle(
                c.title() + " · " + caption(c, f).substring(caption(c, f).indexOf(';') + 2),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Tick labels as sizes: 64 B, 1 KiB, 1 MiB. */
    private static final class ByteFormat extends NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            long b = Math.round(v);
            return to.append(
                    b > 0 && Math.abs(v - b) < 1e-6 * v
                            ? ByteSize.of(b).toString().replaceAll("([0-9])([A-Z])", "$1 $2")
                            : String.valueOf(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}

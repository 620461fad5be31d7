package uk.xborder.gateway.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The results as pictures: {@code exchange.png}, throughput and latency percentiles of the gateway against the
 * relay; {@code soak.png}, heap and resident memory over the soak. Drawn headless.
 */
final class BenchCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 520;

    private BenchCharts() {
    }

    static void write(BenchResults results, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            throughput(results).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            latency(results).draw(g, new Rectangle2D.Double(WIDTH, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", directory.resolve("exchange.png").toFile());
        if (results.soak() != null) {
            BufferedImage soak = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D s = soak.createGraphics();
            try {
                soak(results.soak()).draw(s, new Rectangle2D.Double(0, 0, 2 * WIDTH, HEIGHT));
            } finally {
                s.dispose();
            }
            ImageIO.write(soak, "png", directory.resolve("soak.png").toFile());
        }
    }

    private static JFreeChart throughput(BenchResults r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(r.gateway().saturation().perSecond(), "gateway", "outbound (3 recipients)");
        data.addValue(r.baseline().saturation().perSecond(), "bare relay", "outbound (3 recipients)");
        if (r.inbound() != null) {
            data.addValue(r.inbound().saturation().perSecond(), "gateway", "inbound (with receipts)");
        }
        JFreeChart chart = ChartFactory.createBarChart("Most sustained throughput, " + BenchReport.consumers(r), null,
                "messages per second", data, PlotOrientation.VERTICAL, true, false, false);
        return chart;
    }

    private static JFreeChart latency(BenchResults r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (double p : new double[] {50, 95, 99}) {
            data.addValue(ExchangeBenchmark.millis(r.gateway().paced(), p), "gateway", "p" + (int) p);
            data.addValue(ExchangeBenchmark.millis(r.baseline().paced(), p), "bare relay", "p" + (int) p);
        }
        data.addValue(r.gateway().paced().latencyMicros().getMaxValue() / 1000.0, "gateway", "max");
        data.addValue(r.baseline().paced().latencyMicros().getMaxValue() / 1000.0, "bare relay", "max");
        JFreeChart chart = ChartFactory.createBarChart(String.format(java.util.Locale.ROOT,
                        "Send to status notice at half rate (%.1f / %.1f msg/s)", r.gateway().paced().targetPerSecond(),
                        r.baseline().paced().targetPerSecond()), null, "milliseconds", data,
                PlotOrientation.VERTICAL, true, false, false);
        ValueMarker target = new ValueMarker(BenchReport.P99_TARGET_MS, Color.RED, new BasicStroke(1.5f));
        target.setLabel("p99 target");
        target.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        chart.getCategoryPlot().addRangeMarker(target);
        return chart;
    }

    private static JFreeChart soak(BenchResults.Soak soak) {
        XYSeries resident = new XYSeries("resident (VmRSS)");
        XYSeries heap = new XYSeries("heap used");
        for (MonitoredProcess.MemorySample s : soak.samples()) {
            resident.add(s.atSeconds() / 60, s.residentMiB());
            heap.add(s.atSeconds() / 60, s.heapUsedMiB());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(resident);
        data.addSeries(heap);
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(java.util.Locale.ROOT,
                        "Gateway memory over a %s soak at %.1f msg/s", soak.duration(), soak.rate()), "minutes",
                "MiB", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ValueMarker target = new ValueMarker(BenchReport.RESIDENT_TARGET_MIB, Color.RED, new BasicStroke(1.5f));
        target.setLabel("resident target");
        target.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(target);
        // Keep the target in sight even when memory stays well below it.
        plot.getRangeAxis().setRange(0, Math.max(plot.getRangeAxis().getUpperBound(),
                BenchReport.RESIDENT_TARGET_MIB * 1.1));
        return chart;
    }
}

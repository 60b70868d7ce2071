package io.leadloop.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency distributions of a run as one PNG, the way HdrHistogram plots them: x is the percentile on a scale that
 * gives each "nine" the same width (0 %, 90 %, 99 %, 99.9 %, 99.99 %), y the latency in milliseconds on a log scale.
 * Plain Java2D and ImageIO: nothing to install.
 */
final class LatencyPlot {

    private static final int WIDTH = 1060;
    private static final int HEIGHT = 620;
    private static final int LEFT = 80;
    private static final int RIGHT = 330;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double MAX_NINES = 4; // up to 99.99 %
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private final Map<String, Histogram> series = new LinkedHashMap<>();

    void add(String name, Histogram micros) {
        if (micros.getTotalCount() > 0) {
            series.put(name, micros);
        }
    }

    void write(Path file, String title) throws IOException {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double minMs = series.values().stream().mapToDouble(h -> h.getMinValue() / 1000.0).min().orElse(0.1);
        double maxMs = series.values().stream().mapToDouble(h -> h.getMaxValue() / 1000.0).max().orElse(1000);
        double lo = Math.floor(Math.log10(Math.max(0.01, minMs)));
        double hi = Math.ceil(Math.log10(Math.max(maxMs, Math.pow(10, lo + 1))));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // Grid: one line per decade of latency, one per "nine" of percentile.
        for (int d = (int) lo; d <= (int) hi; d++) {
            int y = TOP + plotH - (int) ((d - lo) / (hi - lo) * plotH);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, d < 0 ? "%.2f ms" : "%.0f ms", Math.pow(10, d)), 8, y + 4);
        }
        String[] nines = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int n = 0; n <= MAX_NINES; n++) {
            int x = LEFT + (int) (n / MAX_NINES * plotW);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            g.drawString(nines[n], x - 15, TOP + plotH + 20);
        }
        g.drawString("percentile", LEFT + plotW / 2 - 30, TOP + plotH + 45);
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);

        int i = 0;
        g.setStroke(new BasicStroke(2f));
        for (var entry : series.entrySet()) {
            Color color = COLORS[i % COLORS.length];
            g.setColor(color);
            int px = -1;
            int py = -1;
            for (HistogramIterationValue v : entry.getValue().percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                double nine = p >= 1 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(1 / (1 - p)));
                double ms = Math.max(Math.pow(10, lo), v.getValueIteratedTo() / 1000.0);
                int x = LEFT + (int) (nine / MAX_NINES * plotW);
                int y = TOP + plotH - (int) ((Math.log10(ms) - lo) / (hi - lo) * plotH);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
                if (nine >= MAX_NINES) {
                    break;
                }
            }
            int ly = TOP + 10 + i * 36;
            g.fillRect(WIDTH - RIGHT + 20, ly, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), WIDTH - RIGHT + 40, ly + 6);
            var h = entry.getValue();
            g.drawString(String.format(Locale.ROOT, "p50 %.1f  p99 %.1f  p99.9 %.1f ms", h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0), WIDTH - RIGHT + 40, ly + 22);
            i++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}

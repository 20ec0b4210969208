package dev.hprune.cli.report;

import dev.hprune.cli.CliException;
import dev.hprune.cli.run.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run's report: {@code report.html} with the summary table and two PNG charts beside it (XChart): kernels per
 * convolution before and after pruning, and held-out accuracy against the pruned percentage, with and without
 * retraining.
 */
public final class Report {
    private Report() {}

    public static final String HTML = "report.html";
    public static final String KERNELS_PNG = "kernels-per-layer.png";
    public static final String ACCURACY_PNG = "accuracy-vs-percentage.png";

    /** Writes the report into {@code dir} (created if needed) and returns the HTML file. */
    public static Path write(Path dir, String title, String subtitle, List<Outcome> outcomes, TextTable summary) {
        try {
            Files.createDirectories(dir);
            kernelsChart(outcomes, dir.resolve(KERNELS_PNG));
            accuracyChart(outcomes, dir.resolve(ACCURACY_PNG));
            Path html = dir.resolve(HTML);
            Files.writeString(html, html(title, subtitle, outcomes, summary), StandardCharsets.UTF_8);
            return html;
        } catch (IOException e) {
            throw new CliException("cannot write the report into " + dir + ": " + e.getMessage(), 5200);
        }
    }

    private static void kernelsChart(List<Outcome> outcomes, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480)
                .title("Kernels per convolution").xAxisTitle("convolution").yAxisTitle("kernels").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setYAxisMin(0.0);
        Map<String, Outcome> variants = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (!o.retrained()) {
                variants.putIfAbsent(o.percentage() == 0 ? "original" : "pruned " + pct(o.percentage()), o);
            }
        }
        List<String> layers = new ArrayList<>(variants.values().iterator().next().stats().kernelsPerConv().keySet());
        variants.forEach((name, o) -> {
            Map<String, Integer> kernels = o.stats().kernelsPerConv();
            chart.addSeries(name, layers, layers.stream().map(l -> (Number) kernels.getOrDefault(l, 0)).toList());
        });
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void accuracyChart(List<Outcome> outcomes, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(480)
                .title("Held-out accuracy vs pruned percentage")
                .xAxisTitle("percentage of prunable kernels removed").yAxisTitle("accuracy (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        double lowest = outcomes.stream().mapToDouble(Outcome::accuracy).filter(a -> !Double.isNaN(a)).min().orElse(0);
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(100 * lowest / 5) * 5 - 5));
        chart.getStyler().setYAxisMax(100.0);
        Outcome original = outcomes.stream().filter(o -> o.percentage() == 0).findFirst().orElse(null);
        for (boolean retrained : new boolean[] {false, true}) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            if (original != null && !Double.isNaN(original.accuracy())) {
                x.add(0.0);
                y.add(100 * original.accuracy());
            }
            for (Outcome o : outcomes) {
                if (o.percentage() > 0 && o.retrained() == retrained && !Double.isNaN(o.accuracy())) {
                    x.add(o.percentage());
                    y.add(100 * o.accuracy());
                }
            }
            if (x.size() > (original == null ? 0 : 1)) {
                XYSeries series = chart.addSeries(retrained ? "pruned and retrained" : "pruned, not retrained", x, y);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no accuracy measured", List.of(0.0), List.of(0.0));
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String html(String title, String subtitle, List<Outcome> outcomes, TextTable summary) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:960px}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px}"
                        + "td{text-align:right}td:first-child{text-align:left}</style></head><body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(subtitle)).append("</p>\n");
        h.append("<h2>Summary</h2>\n").append(table(summary));
        h.append("<h2>Kernels per convolution</h2>\n<img src=\"").append(KERNELS_PNG)
                .append("\" alt=\"kernels per convolution before and after pruning\">\n");
        h.append("<h2>Accuracy vs percentage</h2>\n<img src=\"").append(ACCURACY_PNG)
                .append("\" alt=\"held-out accuracy against the pruned percentage\">\n");
        h.append("<h2>Kernels per convolution, in numbers</h2>\n").append(table(layerTable(outcomes)));
        return h.append("</body></html>\n").toString();
    }

    private static TextTable layerTable(List<Outcome> outcomes) {
        List<Outcome> variants = outcomes.stream().filter(o -> !o.retrained()).toList();
        String[] header = new String[variants.size() + 1];
        header[0] = "convolution";
        for (int i = 0; i < variants.size(); i++) {
            header[i + 1] = variants.get(i).label();
        }
        TextTable table = new TextTable(header);
        for (String layer : variants.get(0).stats().kernelsPerConv().keySet()) {
            Object[] row = new Object[header.length];
            row[0] = layer;
            for (int i = 0; i < variants.size(); i++) {
                row[i + 1] = variants.get(i).stats().kernelsPerConv().getOrDefault(layer, 0);
            }
            table.row(row);
        }
        return table;
    }

    private static String table(TextTable table) {
        StringBuilder h = new StringBuilder("<table>\n<tr>");
        table.header().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : table.rows()) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    static String pct(double percentage) {
        return (percentage == Math.rint(percentage) ? Long.toString((long) percentage) : Double.toString(percentage))
                + " %";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

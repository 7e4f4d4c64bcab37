package dev.mqttchat.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn with XChart from the recorded histograms and search results. */
final class Charts {

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
			new Color(0xff7f0e), new Color(0x9467bd) };

	private Charts() {
	}

	/**
	 * Latency against percentile, one line per target: x is log10(1/(1-p)), so 90 %, 99 %, 99.9 % are evenly
	 * spaced as in HdrHistogram's own plots (XChart's log axis labels its decades itself, hence the transform).
	 * @param title chart title
	 * @param series target name and its histogram of microseconds
	 * @param file where to write the PNG
	 */
	static void latency(String title, List<Named<Histogram>> series, Path file) throws IOException {
		XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("percentile")
			.yAxisTitle("latency (ms, log)").build();
		style(chart);
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setXAxisMin(0.0);
		chart.getStyler().setXAxisMax(5.0);
		chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::percentileLabel);
		int i = 0;
		for (Named<Histogram> named : series) {
			List<Double> x = new ArrayList<>();
			List<Double> y = new ArrayList<>();
			for (HistogramIterationValue value : named.value().percentiles(5)) {
				double percentile = value.getPercentileLevelIteratedTo() / 100.0;
				if (percentile >= 0.99999) {
					break;
				}
				x.add(Math.log10(1 / (1 - percentile)));
				y.add(Math.max(0.01, value.getValueIteratedTo() / 1000.0));
			}
			if (x.isEmpty()) {
				continue;
			}
			XYSeries line = chart.addSeries(named.name(), x, y);
			line.setMarker(SeriesMarkers.NONE);
			line.setLineColor(COLORS[i++ % COLORS.length]);
		}
		save(chart, file);
	}

	/**
	 * Highest sustained deliveries per second against subscribers of one room, one line per target.
	 * @param series target name and its (subscribers, deliveries/s) points
	 * @param file where to write the PNG
	 */
	static void fanOut(List<Named<List<double[]>>> series, Path file) throws IOException {
		XYChart chart = new XYChartBuilder().width(900).height(500)
			.title("W3 highest sustained fan-out (>= 99.9 % delivered, p99 < 100 ms)")
			.xAxisTitle("subscribers of one room (log scale)")
			.yAxisTitle("deliveries/s")
			.build();
		style(chart);
		// log10 of the subscriber count on a linear axis, labelled with the count itself.
		chart.getStyler().setXAxisMin(0.0);
		chart.getStyler().setXAxisMax(3.0);
		chart.getStyler().setxAxisTickLabelsFormattingFunction((x) -> String.format(Locale.ROOT, "%,.0f", Math.pow(10, x)));
		int i = 0;
		for (Named<List<double[]>> named : series) {
			if (named.value().isEmpty()) {
				continue;
			}
			List<Double> x = named.value().stream().map((p) -> Math.log10(p[0])).toList();
			List<Double> y = named.value().stream().map((p) -> p[1]).toList();
			XYSeries line = chart.addSeries(named.name(), x, y);
			line.setMarker(SeriesMarkers.CIRCLE);
			line.setLineColor(COLORS[i % COLORS.length]);
			line.setMarkerColor(COLORS[i++ % COLORS.length]);
		}
		save(chart, file);
	}

	private static void style(XYChart chart) {
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		chart.getStyler().setChartBackgroundColor(Color.WHITE);
		chart.getStyler().setPlotGridLinesVisible(true);
		chart.getStyler().setMarkerSize(6);
	}

	private static String percentileLabel(double x) {
		double percentile = (1 - Math.pow(10, -x)) * 100;
		int decimals = Math.max(0, (int) Math.ceil(x) - 2);
		return String.format(Locale.ROOT, "%." + decimals + "f%%", percentile);
	}

	private static void save(XYChart chart, Path file) throws IOException {
		if (chart.getSeriesMap().isEmpty()) {
			return;
		}
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

	/**
	 * A value with the name it is shown under.
	 *
	 * @param <T> the value's type
	 * @param name legend name
	 * @param value the data
	 */
	record Named<T>(String name, T value) {
	}

}

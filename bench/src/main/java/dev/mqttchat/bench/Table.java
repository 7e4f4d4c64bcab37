package dev.mqttchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row, with the number formats the report uses. */
final class Table {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	Table(String... header) {
		this.header = List.of(header);
	}

	Table row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add((cell == null) ? "–" : cell.toString());
		}
		this.rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return this.rows.isEmpty();
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder();
		out.append("| ").append(String.join(" | ", this.header)).append(" |\n");
		out.append("|").append("---|".repeat(this.header.size())).append("\n");
		for (List<String> row : this.rows) {
			out.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		return out.toString();
	}

	/** Milliseconds with sensible precision; a dash for no value. */
	static String ms(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (value >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : (value >= 10) ? "%.1f" : "%.2f", value);
	}

	static String count(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
	}

	static String percent(double ratio) {
		return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
	}

	static String ratio(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
	}

	static String decimal(double value, int digits) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", value);
	}

	static String mib(long bytes) {
		return (bytes < 0) ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
	}

}

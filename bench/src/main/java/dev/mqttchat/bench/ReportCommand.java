package dev.mqttchat.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code report}: reads {@code DIR/raw/target-*.json}, {@code coldstart-*.json} and {@code meta.properties}, writes the
 * Markdown report and the PNG charts next to it.
 */
final class ReportCommand {

	private ReportCommand() {
	}

	static void run(Flags flags) throws IOException {
		Path dir = Path.of(flags.required("dir"));
		Path out = Path.of(flags.required("out"));
		Path raw = dir.resolve("raw");
		if (Files.exists(raw.resolve("scale.json"))) {
			Files.writeString(out, new ScaleReport(Json.read(raw.resolve("scale.json"), ScaleResults.class),
					meta(raw)).markdown());
			System.out.println("wrote " + out);
			return;
		}
		List<Results.TargetRun> targets = new ArrayList<>();
		List<Results.ColdStart> coldStarts = new ArrayList<>();
		try (Stream<Path> files = Files.list(raw)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.startsWith("target-") && name.endsWith(".json")) {
					targets.add(Json.read(file, Results.TargetRun.class));
				}
				else if (name.startsWith("coldstart-") && name.endsWith(".json")) {
					coldStarts.add(Json.read(file, Results.ColdStart.class));
				}
			}
		}
		coldStarts.sort(Comparator.comparing(Results.ColdStart::label));
		// Gateways first, then the peers, so every table reads the same way.
		targets.sort(Comparator.comparing((Results.TargetRun t) -> !t.style.equals("gateway"))
			.thenComparing((t) -> t.target));
		Report report = new Report(targets, coldStarts, meta(raw), dir, out.toAbsolutePath().getParent().relativize(
				dir.toAbsolutePath()));
		Files.writeString(out, report.markdown());
		System.out.println("wrote " + out);
	}

	private static Properties meta(Path raw) throws IOException {
		Properties meta = new Properties();
		Path metaFile = raw.resolve("meta.properties");
		if (Files.exists(metaFile)) {
			try (Reader reader = Files.newBufferedReader(metaFile)) {
				meta.load(reader);
			}
		}
		return meta;
	}

}

package dev.mqttchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line flags of the form {@code --name value} or {@code --name=value}; a bare {@code --name} is {@code true}. */
final class Flags {

	private final Map<String, String> values = new LinkedHashMap<>();

	private final List<String> positional = new ArrayList<>();

	private Flags() {
	}

	static Flags parse(String[] args) {
		Flags flags = new Flags();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				flags.positional.add(arg);
				continue;
			}
			String name = arg.substring(2);
			int eq = name.indexOf('=');
			if (eq >= 0) {
				flags.values.put(name.substring(0, eq), name.substring(eq + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				flags.values.put(name, args[++i]);
			}
			else {
				flags.values.put(name, "true");
			}
		}
		return flags;
	}

	List<String> positional() {
		return this.positional;
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	String required(String name) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	int integer(String name, int fallback) {
		return has(name) ? Integer.parseInt(this.values.get(name).replace("_", "")) : fallback;
	}

	double decimal(String name, double fallback) {
		return has(name) ? Double.parseDouble(this.values.get(name).replace("_", "")) : fallback;
	}

	boolean bool(String name) {
		return Boolean.parseBoolean(this.values.getOrDefault(name, "false"));
	}

	/** A duration such as {@code 500ms}, {@code 10s} or {@code 2m}. */
	Duration duration(String name, Duration fallback) {
		return has(name) ? parseDuration(this.values.get(name)) : fallback;
	}

	/** A comma-separated list; empty when the flag is absent. */
	List<String> list(String name) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	List<Integer> integers(String name, List<Integer> fallback) {
		List<String> items = list(name);
		return items.isEmpty() ? fallback : items.stream().map((s) -> Integer.parseInt(s.replace("_", ""))).toList();
	}

	static Duration parseDuration(String text) {
		String value = text.strip().toLowerCase();
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s")) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
		}
		if (value.endsWith("m")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
		}
		return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
	}

}

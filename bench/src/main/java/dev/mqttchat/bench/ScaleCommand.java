package dev.mqttchat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scale}: the scale-out workload (W-scale), phases named by {@code --phases}, appended to the result file
 * {@code --out}; a later call with more gateways running continues the same file with the same rooms.
 */
final class ScaleCommand {

	private ScaleCommand() {
	}

	static void run(Flags flags) throws Exception {
		ScaleSetup setup = ScaleSetup.fromFlags(flags);
		Path out = Path.of(flags.required("out"));
		ScaleResults results = Files.exists(out) ? Json.read(out, ScaleResults.class) : new ScaleResults();
		if (results.startedAt == null) {
			results.startedAt = Instant.now().toString();
			results.loadJava = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
			results.nodes = setup.nodes();
			results.readersPerRoom = setup.readersPerRoom();
			results.ratePerSec = setup.ratePerSec();
			results.qos = setup.settings().qos();
			results.payloadBytes = setup.settings().payloadBytes();
		}
		setup.webSockets().stream().map(Object::toString).filter((ws) -> !results.gateways.contains(ws))
			.forEach(results.gateways::add);
		if (results.rooms.isEmpty()) {
			// Gateway 1 issues every room; the others know them from the shared database.
			Target issuer = new Target("gateway", Style.GATEWAY, setup.webSockets().get(0), setup.nodes().get(0),
					setup.http(), "", List.of(), List.of());
			Rooms.create(issuer, setup.roomCount()).forEach((room) -> results.rooms.add(room.id()));
		}
		List<Room> rooms = new ArrayList<>();
		for (int i = 0; i < results.rooms.size(); i++) {
			String id = results.rooms.get(i);
			rooms.add(new Room(i, id, Style.GATEWAY.topic(id), Style.GATEWAY.subscription(id)));
		}
		ScaleWorkload.log("%d gateways, %d rooms x %d readers, %.0f msg/s QoS %d through %d nodes", setup.running(),
				rooms.size(), setup.readersPerRoom(), setup.ratePerSec(), setup.settings().qos(), setup.nodes().size());
		try (ScaleWorkload workload = new ScaleWorkload(setup, rooms)) {
			boolean first = true;
			int calls = 0;
			for (String name : flags.list("phases")) {
				ScalePlan plan = ScalePlan.of(name, rooms.size(), setup.running());
				// Any number no earlier phase used, so late messages of an earlier phase never count.
				int run = 1000 * (results.phases.size() + 1) + (++calls);
				try {
					ScaleResults.Phase phase = workload.run(plan, run, first ? setup.firstWarmup() : setup.warmup());
					if (!plan.name().equals("warm")) {
						results.phases.add(phase);
					}
				}
				catch (Exception ex) {
					ScaleWorkload.log("%s failed: %s", name, ex);
					results.notes.add(name + " failed: " + ex);
				}
				first = false;
				results.finishedAt = Instant.now().toString();
				Json.write(out, results);
			}
		}
	}

}

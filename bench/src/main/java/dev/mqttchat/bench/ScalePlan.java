package dev.mqttchat.bench;

import java.util.Arrays;

/**
 * Where one phase of the scale-out workload puts each room's readers: every reader of a room on one gateway,
 * the room's home, or none at all.
 *
 * @param name the phase's name
 * @param description what it does, for the report
 * @param home each room's gateway (from 0), or -1 for a room without readers
 * @param traffic whether messages are published during the phase
 */
record ScalePlan(String name, String description, int[] home, boolean traffic) {

	/**
	 * The phase called {@code name}: {@code single} (one gateway running, every reader on it), {@code spread} (room
	 * i's readers on gateway i modulo the running gateways), {@code onK} (every reader on gateway K, the others
	 * serve nobody), {@code idle} (no readers, no messages: each gateway's background CPU).
	 */
	static ScalePlan of(String name, int rooms, int running) {
		int[] home = new int[rooms];
		if (name.equals("idle")) {
			Arrays.fill(home, -1);
			return new ScalePlan(name, running + " gateways, no readers, no messages: background CPU", home, false);
		}
		if (name.equals("single")) {
			return new ScalePlan(name, "gateway 1 alone (the others not started), every reader on it", home, true);
		}
		if (name.equals("warm")) {
			// The same placement as spread, run to warm the gateways' JVMs up; not reported.
			for (int i = 0; i < rooms; i++) {
				home[i] = i % running;
			}
			return new ScalePlan(name, "warm-up of the JIT compilers, not reported", home, true);
		}
		if (name.equals("spread")) {
			for (int i = 0; i < rooms; i++) {
				home[i] = i % running;
			}
			return new ScalePlan(name, running + " gateways, room i's readers on gateway (i mod " + running + ") + 1",
					home, true);
		}
		if (name.matches("on\\d+")) {
			int gateway = Integer.parseInt(name.substring(2));
			if (gateway < 1 || gateway > running) {
				throw new IllegalArgumentException(name + ": only " + running + " gateways run");
			}
			Arrays.fill(home, gateway - 1);
			return new ScalePlan(name, running + " gateways, every reader on gateway " + gateway
					+ ", the others serve no room", home, true);
		}
		throw new IllegalArgumentException("unknown phase " + name + " (warm, single, spread, onK, idle)");
	}

}

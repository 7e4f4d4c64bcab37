package dev.mqttchat.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a room's whole stored history over the REST API and counts, against what was
 * sent, the messages lost, stored twice, stored out of their sender's order, and the gaps
 * in the room's sequence numbers.
 *
 * @param lost sent but not stored
 * @param duplicated stored more than once
 * @param outOfOrder stored before a message its sender sent earlier
 * @param gaps sequence numbers missing between 1 and the newest
 * @param unexpected stored but never sent
 * @param stored how many messages the room holds
 */
public record HistoryAudit(int lost, int duplicated, int outOfOrder, int gaps, int unexpected, int stored) {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Audits room {@code roomId} on the gateway at {@code port} against {@code sent}:
	 * each sender's texts in the order it sent them.
	 */
	public static HistoryAudit of(int port, String roomId, Map<String, List<String>> sent) throws Exception {
		List<JsonNode> history = history(port, roomId);
		Map<String, Integer> seen = new HashMap<>();
		Map<String, String> senderOf = new HashMap<>();
		Map<String, Integer> positionOf = new HashMap<>();
		sent.forEach((sender, texts) -> {
			for (int i = 0; i < texts.size(); i++) {
				senderOf.put(texts.get(i), sender);
				positionOf.put(texts.get(i), i);
			}
		});
		Map<String, Integer> lastPosition = new HashMap<>();
		int duplicated = 0;
		int outOfOrder = 0;
		int unexpected = 0;
		int gaps = 0;
		long expectedSeq = 1;
		for (JsonNode message : history) {
			long seq = message.get("seq").asLong();
			gaps += (int) Math.max(0, seq - expectedSeq);
			expectedSeq = seq + 1;
			String text = message.get("text").asString();
			if (!senderOf.containsKey(text)) {
				unexpected++;
				continue;
			}
			if (seen.merge(text, 1, Integer::sum) > 1) {
				duplicated++;
				continue;
			}
			String sender = senderOf.get(text);
			int position = positionOf.get(text);
			if (position < lastPosition.getOrDefault(sender, -1)) {
				outOfOrder++;
			}
			lastPosition.merge(sender, position, Math::max);
		}
		int lost = (int) senderOf.keySet().stream().filter((text) -> !seen.containsKey(text)).count();
		return new HistoryAudit(lost, duplicated, outOfOrder, gaps, unexpected, history.size());
	}

	/** Whether every figure is 0. */
	public boolean isClean() {
		return this.lost == 0 && this.duplicated == 0 && this.outOfOrder == 0 && this.gaps == 0 && this.unexpected == 0;
	}

	@Override
	public String toString() {
		return "lost=" + this.lost + " duplicated=" + this.duplicated + " outOfOrder=" + this.outOfOrder + " gaps="
				+ this.gaps + " unexpected=" + this.unexpected + " stored=" + this.stored;
	}

	private static List<JsonNode> history(int port, String roomId) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		long after = 0;
		while (true) {
			URI uri = URI
				.create("http://127.0.0.1:" + port + "/api/rooms/" + roomId + "/messages?limit=200&after=" + after);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("History of " + roomId + ": HTTP " + response.statusCode());
			}
			JsonNode page = json.readTree(response.body());
			if (page.isEmpty()) {
				return all;
			}
			page.forEach(all::add);
			after = page.get(page.size() - 1).get("seq").asLong();
		}
	}

}

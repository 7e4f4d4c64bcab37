package dev.mqttchat.gateway.bridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.mqttchat.gateway.mqttaccess.CredentialBrokerException;
import dev.mqttchat.gateway.mqttaccess.MqttCredentialIssuedEvent;
import dev.mqttchat.gateway.mqttaccess.MqttCredentialRevokedEvent;
import dev.mqttchat.gateway.mqttaccess.MqttCredentials;
import dev.mqttchat.gateway.room.RoomDeletedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps Mosquitto's dynamic-security plugin in step with the room credentials: one role
 * per room (its topic, typing, presence and read topics), one client per credential,
 * removed on revocation, expiry and room deletion, and a role for the gateways, the only
 * users that may write {@code live}, {@code deleted}, {@code stored} and
 * {@code _gateways}.
 */
final class DynamicSecurity {

	static final String GATEWAY_ROLE = "chat-gateways";

	private static final Logger logger = LoggerFactory.getLogger(DynamicSecurity.class);

	private final DynamicSecurityClient control;

	private final CredentialTopics topics;

	private final MqttCredentials credentials;

	// What this deployment's credential clients are called in the plugin, so that other
	// deployments' clients on the same broker are never touched.
	private final String marker;

	DynamicSecurity(DynamicSecurityClient control, CredentialTopics topics, MqttCredentials credentials,
			String topicPrefix, String gatewayUser) {
		this.control = control;
		this.topics = topics;
		this.credentials = credentials;
		this.marker = "mqtt-chat credential of " + topicPrefix + " issued ";
		// Before any adapter starts: the gateway's own clients need their rights first.
		control.send(List.of(Map.of("command", "createRole", "rolename", GATEWAY_ROLE, "acls",
				List.of(acl("publishClientSend", topicPrefix + "/#"), acl("subscribePattern", topicPrefix + "/#")))));
		if (!hasGatewayRole(gatewayUser)) {
			control
				.sendUnanswered(Map.of("command", "addClientRole", "username", gatewayUser, "rolename", GATEWAY_ROLE));
			control.awaitTrue(() -> hasGatewayRole(gatewayUser));
		}
	}

	private boolean hasGatewayRole(String user) {
		JsonNode client = this.control.send(List.of(Map.of("command", "getClient", "username", user))).get(0);
		for (JsonNode role : client.path("data").path("client").path("roles")) {
			if (GATEWAY_ROLE.equals(role.path("rolename").asString())) {
				return true;
			}
		}
		return false;
	}

	@EventListener
	void issued(MqttCredentialIssuedEvent event) {
		String room = event.credential().roomId();
		try {
			List<JsonNode> answers = this.control
				.send(List.of(Map.of("command", "createRole", "rolename", roleOf(room), "acls", roomAcls(room)),
						Map.of("command", "createClient", "username", event.credential().username(), "password",
								event.password(), "textname", this.marker + Instant.now().getEpochSecond(), "roles",
								List.of(Map.of("rolename", roleOf(room))))));
			failOn(answers.get(1), "createClient");
		}
		catch (RuntimeException ex) {
			throw new CredentialBrokerException("Mosquitto's dynamic security refused the credential", ex);
		}
	}

	@EventListener
	void revoked(MqttCredentialRevokedEvent event) {
		try {
			// Deleting a client disconnects it.
			this.control.send(List.of(Map.of("command", "deleteClient", "username", event.username())));
		}
		catch (RuntimeException ex) {
			logger.warn("Mosquitto not told of a revoked credential now ({}); the next sweep removes it",
					ex.getMessage());
		}
	}

	@EventListener
	void roomDeleted(RoomDeletedEvent event) {
		try {
			// Its clients first: a client's roles say which room it was for.
			removeStale(roleOf(event.roomId()));
			this.control.send(List.of(Map.of("command", "deleteRole", "rolename", roleOf(event.roomId()))));
		}
		catch (RuntimeException ex) {
			logger.warn("Mosquitto not told of a deleted room now ({}); the next sweep removes its credentials",
					ex.getMessage());
		}
	}

	/**
	 * Deletes the plugin's credential clients the database no longer has: expired,
	 * revoked through another instance, or their room deleted.
	 */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void removeStale() {
		removeStale("");
	}

	/**
	 * As {@link #removeStale()}, also deleting every client of role {@code deletedRole}.
	 */
	private void removeStale(String deletedRole) {
		JsonNode listed = this.control
			.send(List.of(Map.of("command", "listClients", "verbose", true, "count", -1, "offset", 0)))
			.get(0);
		Set<String> valid = new HashSet<>(this.credentials.validUsernames());
		Set<String> known = new HashSet<>(this.credentials.knownUsernames());
		// A client is created before its row is written: one without a row issued just
		// now
		// is left alone.
		long settled = Instant.now().getEpochSecond() - 30;
		List<Map<String, Object>> deletions = new ArrayList<>();
		for (JsonNode client : listed.path("data").path("clients")) {
			String username = client.path("username").asString();
			String textname = client.path("textname").asString();
			if (!textname.startsWith(this.marker) || valid.contains(username)) {
				continue;
			}
			if (known.contains(username) || issuedAt(textname.substring(this.marker.length())) < settled
					|| client.path("roles").findValuesAsString("rolename").contains(deletedRole)) {
				deletions.add(Map.of("command", "deleteClient", "username", username));
			}
		}
		if (!deletions.isEmpty()) {
			logger.info("Removing {} MQTT credential(s) no longer valid from Mosquitto", deletions.size());
			this.control.send(deletions);
		}
	}

	private List<Map<String, Object>> roomAcls(String roomId) {
		List<Map<String, Object>> acls = new ArrayList<>();
		for (String topic : this.topics.topicsOf(roomId)) {
			acls.add(acl("publishClientSend", topic));
			acls.add(acl(topic.endsWith("/+") ? "subscribePattern" : "subscribeLiteral", topic));
		}
		return acls;
	}

	private static long issuedAt(String epochSecond) {
		try {
			return Long.parseLong(epochSecond);
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static String roleOf(String roomId) {
		return "chat-room-" + roomId;
	}

	private static Map<String, Object> acl(String type, String topic) {
		return Map.of("acltype", type, "topic", topic, "allow", true);
	}

	private static void failOn(JsonNode answer, String what) {
		if (answer.hasNonNull("error")) {
			throw new IllegalStateException(what + ": " + answer.path("error").asString());
		}
	}

}

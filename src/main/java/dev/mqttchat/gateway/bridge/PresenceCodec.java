package dev.mqttchat.gateway.bridge;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.AuthorSignature;
import dev.mqttchat.gateway.chat.Usernames;
import dev.mqttchat.gateway.presence.PresenceEntry;

import org.springframework.stereotype.Component;

/**
 * The JSON of the presence, typing, read and gateway topics, both ways. What an MQTT
 * client publishes there is read leniently (unknown fields ignored, {@code source} and
 * {@code since} optional) but never trusted further: a username must meet the chat's
 * rule, and anything else is dropped. An author key is taken only from a gateway's web
 * entry (the gateway publishes one only after the browser proved it); an MQTT client's
 * entry has none, whatever it says.
 */
@Component
class PresenceCodec {

	/** Larger payloads on these topics are not presence and are dropped unread. */
	private static final int MAX_PAYLOAD = 2048;

	static final String ONLINE = "online";

	static final String OFFLINE = "offline";

	private final JsonMapper json;

	private final MeterRegistry meters;

	PresenceCodec(JsonMapper json, MeterRegistry meters) {
		this.json = json;
		this.meters = meters;
	}

	/**
	 * A presence entry that says a connection is online, or empty for an offline one
	 * (status {@code offline}, or the empty payload that clears a retained entry).
	 */
	Optional<Optional<PresenceEntry>> presence(byte[] payload) {
		if (payload.length == 0) {
			return Optional.of(Optional.empty());
		}
		return read(payload).flatMap((wire) -> {
			if (OFFLINE.equals(wire.status())) {
				return Optional.of(Optional.<PresenceEntry>empty());
			}
			String username = username(wire);
			if (!ONLINE.equals(wire.status()) || username == null) {
				return Optional.empty();
			}
			String instance = (wire.instance() instanceof String id && !id.isBlank() && UnicodeText.isWellFormed(id))
					? id : null;
			boolean web = instance != null && PresenceEntry.WEB.equals(wire.source());
			String author = (web && wire.author() instanceof String key && key.length() == 43
					&& AuthorSignature.isWellFormedKey(key)) ? key : null;
			return Optional.of(Optional.of(new PresenceEntry(username, web ? PresenceEntry.WEB : PresenceEntry.MQTT,
					since(wire), instance, author)));
		});
	}

	/** Who is typing and from where, or empty for anything else. */
	Optional<PresenceEntry> typing(byte[] payload) {
		return read(payload).flatMap((wire) -> Optional.ofNullable(username(wire))
			.map((username) -> new PresenceEntry(username, source(wire), Instant.now(), null, null)));
	}

	/** A read marker's username, source and seq, or empty for anything else. */
	Optional<Marker> marker(byte[] payload) {
		return read(payload).flatMap((wire) -> {
			String username = username(wire);
			long seq = (wire.seq() instanceof Integer i) ? i : (wire.seq() instanceof Long l) ? l : 0;
			if (username == null || seq < 1) {
				return Optional.empty();
			}
			return Optional.of(new Marker(username, source(wire), seq));
		});
	}

	/** Whether a gateway topic says its instance is online ({@code true}) or gone. */
	Optional<Boolean> gateway(byte[] payload) {
		return read(payload).map((wire) -> ONLINE.equals(wire.status()));
	}

	byte[] online(String username, Instant since, String instance, @Nullable String author) {
		return write("username", username, "status", ONLINE, "source", PresenceEntry.WEB, "since", since.toString(),
				"instance", instance, "author", author);
	}

	byte[] offline(String username, String instance, @Nullable String author) {
		return write("username", username, "status", OFFLINE, "source", PresenceEntry.WEB, "instance", instance,
				"author", author);
	}

	byte[] typing(String username, String instance) {
		return write("username", username, "source", PresenceEntry.WEB, "instance", instance);
	}

	byte[] read(String username, long seq) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("seq", seq);
		fields.put("source", PresenceEntry.WEB);
		return this.json.writeValueAsBytes(fields);
	}

	byte[] gateway(String instance, boolean online) {
		return write("instance", instance, "status", online ? ONLINE : OFFLINE);
	}

	private byte[] write(@Nullable String... keysAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				fields.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
			}
		}
		return this.json.writeValueAsBytes(fields);
	}

	private Optional<Wire> read(byte[] payload) {
		if (payload.length > MAX_PAYLOAD) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.json.readValue(payload, Wire.class));
		}
		catch (JacksonException ex) {
			// Not ours to understand: someone published something else there.
			return Optional.empty();
		}
	}

	private @Nullable String username(Wire wire) {
		if (wire.username() instanceof String name && Usernames.deceptive(name) != null) {
			// A name that would pass for another: counted, as the room topics' drops are.
			this.meters.counter("chat.mqtt.payloads.dropped", "reason", "deceptive-username").increment();
			return null;
		}
		return (wire.username() instanceof String name) ? Usernames.normalized(name) : null;
	}

	private static String source(Wire wire) {
		return PresenceEntry.WEB.equals(wire.source()) ? PresenceEntry.WEB : PresenceEntry.MQTT;
	}

	private static Instant since(Wire wire) {
		if (wire.since() instanceof String text) {
			try {
				Instant since = Instant.parse(text);
				return since.isAfter(Instant.now()) ? Instant.now() : since;
			}
			catch (DateTimeParseException ex) {
				// An MQTT client's own clock format: the time it was seen will do.
			}
		}
		return Instant.now();
	}

	/**
	 * A read marker as published.
	 *
	 * @param username the reader
	 * @param source {@code web} or {@code mqtt}
	 * @param seq the newest message read
	 */
	record Marker(String username, String source, long seq) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Wire(@Nullable Object username, @Nullable Object status, @Nullable Object source, @Nullable Object since,
			@Nullable Object instance, @Nullable Object seq, @Nullable Object author) {
	}

}

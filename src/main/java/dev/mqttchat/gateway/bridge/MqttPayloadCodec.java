package dev.mqttchat.gateway.bridge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.Usernames;
import dev.mqttchat.gateway.history.Incoming;

import org.springframework.stereotype.Component;

/**
 * The MQTT payload format of chat messages: writes the gateway's JSON, and reads whatever
 * arrives on a room's topic: the gateway's JSON, the reference client's
 * {@code username (clientId): text}, or any other UTF-8 text.
 * <p>
 * Payloads that cannot be shown (not UTF-8, not valid Unicode text, empty, too large) are
 * dropped, counted and logged in one line.
 */
@Component
class MqttPayloadCodec {

	private static final Logger logger = LoggerFactory.getLogger(MqttPayloadCodec.class);

	private static final Pattern REFERENCE_FORM = Pattern.compile("([^()\\r\\n]{1,32}) \\(([^()\\r\\n]{0,64})\\): (.*)",
			Pattern.DOTALL);

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final int maxTextLength;

	private final long maxPayloadBytes;

	MqttPayloadCodec(JsonMapper json, MeterRegistry meters, ChatProperties properties) {
		this.json = json;
		this.meters = meters;
		this.maxTextLength = properties.messages().maxTextLength();
		this.maxPayloadBytes = properties.mqtt().maxPayloadSize().toBytes();
	}

	/** The payload as JSON bytes for the room's topic. */
	byte[] encode(ChatMessage message) {
		return this.json.writeValueAsBytes(message);
	}

	/**
	 * The message carried by {@code payload} on the topic of room {@code roomId}, or
	 * {@code null} if it was dropped.
	 * @param roomId the room whose topic the payload arrived on; the payload cannot
	 * change it
	 * @param payload the raw MQTT payload
	 * @return the message, or {@code null}
	 */
	@Nullable ChatMessage decode(String roomId, byte[] payload) {
		Incoming incoming = incoming(roomId, false, payload, false);
		return (incoming != null) ? incoming.message() : null;
	}

	/**
	 * As {@link #decode}, for storing: a redelivered message that had no id of its own
	 * may repeat one stored under the id it was given the first time. In an end-to-end
	 * encrypted room ({@code encrypted}) whatever is not sealed text is dropped.
	 */
	@Nullable Incoming incoming(String roomId, boolean encrypted, byte[] payload, boolean redelivered) {
		return incoming(roomId, encrypted, payload, redelivered, (refusal) -> {
		});
	}

	/**
	 * As {@link #incoming(String, boolean, byte[], boolean)}, telling {@code refused} of
	 * a drop.
	 */
	@Nullable Incoming incoming(String roomId, boolean encrypted, byte[] payload, boolean redelivered,
			Consumer<Refusal> refused) {
		if (payload.length > this.maxPayloadBytes) {
			return drop(refused,
					Refusal.of(roomId, "too-large", payload.length + " bytes, limit " + this.maxPayloadBytes));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(payload))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return drop(refused, Refusal.of(roomId, "not-utf8", "payload is not valid UTF-8"));
		}
		Incoming json;
		try {
			json = fromJson(roomId, text);
		}
		catch (Dropped ex) {
			return drop(refused, ex.refusal);
		}
		// possibleRepeat marks, until the checks below, whether the sender gave no id.
		if (json == null && !UnicodeText.isText(text)) {
			return drop(refused,
					Refusal.of(roomId, "invalid-unicode", "text with a control character or a noncharacter"));
		}
		ChatMessage message = (json != null) ? json.message() : fromText(roomId, text);
		boolean ownId = json != null && !json.possibleRepeat();
		MessageEnvelope envelope = message.envelope();
		if (encrypted && (envelope.isSealed() ? !envelope.sealed().isWellFormed(6 * this.maxTextLength + 64)
				: envelope.type() != MessageType.DELETE && envelope.type() != MessageType.MUTE)) {
			return drop(refused,
					Refusal.of(message, "encrypted-room", "not sealed text, in an end-to-end encrypted room"));
		}
		if (message.text().isEmpty() && !envelope.isAction() && !envelope.isSealed()
				&& message.attachments().isEmpty()) {
			return drop(refused, Refusal.of(message, "empty", "empty message"));
		}
		if (message.text().length() > this.maxTextLength) {
			return drop(refused, Refusal.of(message, "text-too-long",
					message.text().length() + " UTF-16 code units, limit " + this.maxTextLength));
		}
		return new Incoming(message, redelivered && !ownId);
	}

	private @Nullable Incoming fromJson(String roomId, String text) {
		if (!text.stripLeading().startsWith("{")) {
			return null;
		}
		WireMessageReader.WireMessage wire;
		try {
			wire = this.json.readValue(text, WireMessageReader.WireMessage.class);
		}
		catch (JacksonException ex) {
			return null;
		}
		WireMessageReader.Outcome outcome = WireMessageReader.read(roomId, wire);
		if (outcome == null) {
			return null;
		}
		if (outcome.message() == null) {
			throw new Dropped(Refusal.of(roomId, wire, String.valueOf(outcome.dropReason())));
		}
		return new Incoming(outcome.message(), !outcome.ownId());
	}

	/**
	 * The reference client's form, or any text (so also that form with a name the rule
	 * refuses, shown as text from nobody).
	 */
	private ChatMessage fromText(String roomId, String text) {
		Matcher matcher = REFERENCE_FORM.matcher(text);
		String username = matcher.matches() ? Usernames.normalized(matcher.group(1)) : null;
		if (username != null) {
			String clientId = matcher.group(2).isEmpty() ? null : matcher.group(2);
			return new ChatMessage(ChatMessage.newId(), roomId, username, clientId, matcher.group(3), Instant.now(),
					MessageSource.MQTT);
		}
		return new ChatMessage(ChatMessage.newId(), roomId, null, null, text, Instant.now(), MessageSource.MQTT);
	}

	private @Nullable Incoming drop(Consumer<Refusal> refused, Refusal refusal) {
		this.meters.counter("chat.mqtt.payloads.dropped", "reason", refusal.reason()).increment();
		logger.warn("Dropped MQTT payload for room {}: {}", refusal.roomId(), refusal.detail());
		refused.accept(refusal);
		return null;
	}

	/** A JSON entry that is dropped, and why. */
	private static final class Dropped extends RuntimeException {

		private final transient Refusal refusal;

		Dropped(Refusal refusal) {
			super(refusal.reason(), null, false, false);
			this.refusal = refusal;
		}

	}

}

package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.DeploymentSecret;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Vouches that a moderator's entry (a moderated delete, a mute) was made by a gateway of
 * this deployment, which checked the sender's role: an HMAC under the deployment secret
 * over the entry's fields. It travels to the store through the broker, where MQTT clients
 * could publish a look-alike without it; the store keeps only entries whose proof holds.
 */
@Component
public class ModerationProof {

	private static final int HEX_DIGITS = 64;

	private final ObjectProvider<DeploymentSecret> secret;

	ModerationProof(ObjectProvider<DeploymentSecret> secret) {
		this.secret = secret;
	}

	/** The proof for {@code message}, or {@code null} when this gateway has no secret. */
	public @Nullable String of(ChatMessage message) {
		DeploymentSecret key = this.secret.getIfAvailable();
		return (key != null) ? key.derive(signed(message), HEX_DIGITS) : null;
	}

	/** Whether {@code message} carries a proof that holds for its fields. */
	public boolean holds(ChatMessage message) {
		String proof = message.envelope().proof();
		String expected = (proof != null) ? of(message) : null;
		return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				proof.getBytes(StandardCharsets.US_ASCII));
	}

	private static String signed(ChatMessage message) {
		MessageEnvelope envelope = message.envelope();
		MuteUntil until = envelope.until();
		return "chat-moderation\n" + message.roomId() + "\n" + message.id() + "\n" + message.username() + "\n"
				+ envelope.type().wireName() + "\n" + envelope.target() + "\n" + envelope.moderated() + "\n"
				+ ((until != null) ? until.json() : "-");
	}

}

package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.DeploymentSecret;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Vouches that a message marked {@code bot} was posted by a gateway of this deployment
 * for one of its incoming webhooks: an HMAC under the deployment secret over the
 * message's room, id, name and text, in its {@code proof}. MQTT clients may publish
 * {@code "bot": true} too; the store keeps the mark only where the proof holds.
 */
@Component
public class BotProof {

	private static final int HEX_DIGITS = 64;

	private final ObjectProvider<DeploymentSecret> secret;

	BotProof(ObjectProvider<DeploymentSecret> secret) {
		this.secret = secret;
	}

	/** {@code message} marked {@code bot} and carrying its proof. */
	public ChatMessage vouched(ChatMessage message) {
		ChatMessage bot = message.withBot(true);
		return bot.withEnvelope(bot.envelope().withProof(of(bot)));
	}

	/** Whether {@code message} carries a proof that holds for its fields. */
	public boolean holds(ChatMessage message) {
		String proof = message.envelope().proof();
		String expected = (proof != null) ? of(message) : null;
		return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				proof.getBytes(StandardCharsets.US_ASCII));
	}

	private @Nullable String of(ChatMessage message) {
		DeploymentSecret key = this.secret.getIfAvailable();
		// Another purpose than a moderator's proof: neither passes for the other.
		return (key != null) ? key.derive("chat-bot\n" + message.roomId() + "\n" + message.id() + "\n"
				+ message.username() + "\n" + message.text(), HEX_DIGITS) : null;
	}

}

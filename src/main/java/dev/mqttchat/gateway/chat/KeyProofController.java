package dev.mqttchat.gateway.chat;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.SessionQueue;
import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Lets a STOMP session prove the author key it signs with: a SUBSCRIBE to
 * {@code /app/author-key/challenge} is answered with a nonce, and one to
 * {@code /app/author-key/proof} with {@code author} and {@code sig} headers (the key's
 * signature over {@link KeyProof#signedBytes}) records the key for the session, which
 * presence then shows. A claimed key is never taken without a proof: a wrong one leaves
 * the session without a key and is told on {@code /user/queue/errors}.
 */
@Controller
class KeyProofController {

	private static final Logger logger = LoggerFactory.getLogger(KeyProofController.class);

	private final SimpMessageSendingOperations messaging;

	private final ChatMetrics metrics;

	KeyProofController(SimpMessageSendingOperations messaging, ChatMetrics metrics) {
		this.messaging = messaging;
		this.metrics = metrics;
	}

	@SubscribeMapping("/author-key/challenge")
	Challenge challenge(SimpMessageHeaderAccessor headers) {
		return new Challenge(SessionIdentity.challenge(session(headers)), KeyProof.VERSION);
	}

	@SubscribeMapping("/author-key/proof")
	Answer prove(@Header(name = "author", required = false) @Nullable String author,
			@Header(name = "sig", required = false) @Nullable String sig, SimpMessageHeaderAccessor headers) {
		Map<String, Object> session = session(headers);
		String nonce = SessionIdentity.takeChallenge(session);
		String proven = SessionIdentity.keyOf(session);
		if (nonce == null) {
			return refuse(headers, proven, "No key challenge to answer: subscribe to " + StompDestinations.KEY_CHALLENGE
					+ " first, and answer each nonce once.");
		}
		if (!KeyProof.holds(author, nonce, sig)) {
			return refuse(headers, proven,
					"The key proof does not hold: sig must be the Ed25519 signature, by the "
							+ "key in the author header (base64url, 43 characters), over the netstrings of "
							+ KeyProof.VERSION + " and the nonce. This session has no proven key.");
		}
		if (proven != null && !proven.equals(author)) {
			return refuse(headers, proven, "This session proved another key already; a session has one key.");
		}
		SessionIdentity.proveKey(session, Objects.requireNonNull(author));
		return new Answer(true, author, null);
	}

	private Answer refuse(SimpMessageHeaderAccessor frame, @Nullable String proven, String reason) {
		logger.debug("Key proof refused in session {}: {}", frame.getSessionId(), reason);
		this.metrics.rejected("invalid-key-proof");
		String sessionId = frame.getSessionId();
		if (sessionId != null) {
			SessionQueue.send(this.messaging, sessionId, StompDestinations.USER_ERROR_QUEUE,
					new ChatError("invalid-key-proof", reason, null, null));
		}
		return new Answer(proven != null, proven, reason);
	}

	private static Map<String, Object> session(SimpMessageHeaderAccessor headers) {
		return Objects.requireNonNull(headers.getSessionAttributes());
	}

	/**
	 * The answer to a challenge subscription.
	 *
	 * @param nonce what to sign, after the netstring of {@code version}
	 * @param version the signed bytes' first netstring
	 */
	record Challenge(String nonce, String version) {
	}

	/**
	 * The answer to a proof subscription.
	 *
	 * @param proven whether the session now has a proven key
	 * @param author that key
	 * @param message why the proof was refused
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Answer(boolean proven, @Nullable String author, @Nullable String message) {
	}

}

package dev.mqttchat.gateway.chat;

import java.util.Map;

import dev.mqttchat.gateway.AddressAllowance;
import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.ClientAddress;
import dev.mqttchat.gateway.TokenBucket;
import dev.mqttchat.gateway.WebSettings;

import org.springframework.stereotype.Component;

/**
 * How fast browsers may send messages and actions: each STOMP session at its rate, and
 * all the sessions of one client address together at the address's rate, so that opening
 * more connections does not multiply it.
 */
@Component
class SendAllowance {

	private static final String SESSION_BUCKET = "chat.sendAllowance";

	private final WebSettings web;

	private final AddressAllowance perAddress;

	SendAllowance(ChatProperties properties) {
		this.web = properties.web();
		// An address's burst is a session's, scaled like its rate.
		double scale = (double) this.web.sendRatePerAddress() / this.web.sendRate();
		this.perAddress = new AddressAllowance(Math.max(1, this.web.sendBurst() * scale),
				this.web.sendRatePerAddress());
	}

	/**
	 * Takes one SEND from the session's allowance and its address's.
	 * @throws ChatRejectedException {@code rate-limited} if either is spent
	 */
	void take(Map<String, Object> session) {
		TokenBucket bucket = (TokenBucket) session.computeIfAbsent(SESSION_BUCKET,
				(key) -> new TokenBucket(this.web.sendBurst(), this.web.sendRate()));
		if (!bucket.tryTake()) {
			throw new ChatRejectedException("rate-limited", "Not sent: slow down, at most " + this.web.sendRate()
					+ " messages per second (bursts of " + this.web.sendBurst() + ").");
		}
		// Every session comes through a WebSocket handshake, which names its address.
		String address = ClientAddress.of(session);
		if (address != null && this.perAddress.secondsToWait(address) > 0) {
			throw new ChatRejectedException("rate-limited", "Not sent: slow down, at most "
					+ this.web.sendRatePerAddress() + " messages per second from all connections of one address.");
		}
	}

}

package dev.mqttchat.gateway.testsupport;

import java.time.Duration;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;

import org.awaitility.Awaitility;

/**
 * Waits until the gateway's STOMP broker holds a subscription: it takes SUBSCRIBE frames
 * asynchronously and sends no receipt, so a message published right after subscribing
 * could otherwise pass before it.
 */
public final class BrokerSubscriptions {

	private BrokerSubscriptions() {
	}

	/**
	 * Returns once {@code broker} has at least {@code count} subscriptions to
	 * {@code destination}.
	 */
	public static void await(SimpleBrokerMessageHandler broker, String destination, int count) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setDestination(destination);
		Message<byte[]> probe = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> broker.getSubscriptionRegistry().findSubscriptions(probe).size() >= count);
	}

}

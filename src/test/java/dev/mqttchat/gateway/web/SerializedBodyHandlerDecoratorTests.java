package dev.mqttchat.gateway.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.SerializedBody;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames written around a body serialized once are the MESSAGE frames Spring's own
 * decoder reads: every header, escaped, and the body byte for byte.
 */
class SerializedBodyHandlerDecoratorTests {

	private final SerializedBodyHandlerDecorator decorator = new SerializedBodyHandlerDecorator(
			new StompSubProtocolHandler());

	@Test
	void eachSubscribersFrameCarriesTheSameBodyUnderItsOwnSubscription() {
		SerializedBody body = SerializedBody.of("{\"text\":\"héllo 🙂\",\"username\":\"ada\"}");
		StompHeaderAccessor first = decode(this.decorator.frame(toSubscriber(body, "session-1", "sub-0"), body));
		StompHeaderAccessor second = decode(this.decorator.frame(toSubscriber(body, "session-2", "a:b\\c"), body));

		assertThat(first.getCommand()).isEqualTo(StompCommand.MESSAGE);
		assertThat(first.getDestination()).isEqualTo("/topic/rooms/Room1");
		assertThat(first.getSubscriptionId()).isEqualTo("sub-0");
		assertThat(first.getContentType()).isEqualTo(MimeTypeUtils.APPLICATION_JSON);
		assertThat(first.getContentLength()).isEqualTo(body.json().getBytes(StandardCharsets.UTF_8).length);
		assertThat(first.getMessageId()).startsWith("session-1-");
		assertThat(second.getSubscriptionId()).as("a subscription id that needs escaping").isEqualTo("a:b\\c");
		assertThat(second.getMessageId()).startsWith("session-2-").isNotEqualTo(first.getMessageId());
	}

	private Message<SerializedBody> toSubscriber(SerializedBody body, String session, String subscription) {
		// As Spring's simple broker addresses a message to each subscriber.
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setDestination("/topic/rooms/Room1");
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription);
		return MessageBuilder.createMessage(body, headers.getMessageHeaders());
	}

	private static StompHeaderAccessor decode(String frame) {
		List<Message<byte[]>> messages = new StompDecoder()
			.decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
		assertThat(messages).hasSize(1);
		assertThat(new String(messages.get(0).getPayload(), StandardCharsets.UTF_8))
			.isEqualTo("{\"text\":\"héllo 🙂\",\"username\":\"ada\"}");
		return StompHeaderAccessor.wrap(messages.get(0));
	}

}

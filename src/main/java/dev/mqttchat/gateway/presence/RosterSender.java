package dev.mqttchat.gateway.presence;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.StompDestinations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Answers each subscription to {@code /topic/rooms/{id}/presence} with the room's roster,
 * to that subscriber alone, so a page knows who is there before the first join or leave.
 * It answers once the broker holds the subscription (a refused one never gets there), so
 * no join or leave falls between the roster and the first event.
 */
@Component
class RosterSender implements ExecutorChannelInterceptor, SmartInitializingSingleton {

	private final RoomPresence presence;

	private final JsonMapper json;

	private final ObjectProvider<AbstractSubscribableChannel> clientInboundChannel;

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	RosterSender(RoomPresence presence, JsonMapper json,
			@Qualifier("clientInboundChannel") ObjectProvider<AbstractSubscribableChannel> clientInboundChannel,
			@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
		this.presence = presence;
		this.json = json;
		this.clientInboundChannel = clientInboundChannel;
		this.clientOutboundChannel = clientOutboundChannel;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.clientInboundChannel.getObject().addInterceptor(this);
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
			@Nullable Exception ex) {
		if (ex != null || !(handler instanceof AbstractBrokerMessageHandler)
				|| SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.SUBSCRIBE) {
			return;
		}
		SimpMessageHeaderAccessor frame = SimpMessageHeaderAccessor.wrap(message);
		String destination = frame.getDestination();
		String roomId = StompDestinations.roomOfTopic(destination, StompDestinations.PRESENCE);
		if (roomId == null || frame.getSessionId() == null || frame.getSubscriptionId() == null) {
			return;
		}
		this.presence.roster(roomId, (members) -> {
			StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.MESSAGE);
			headers.setSessionId(frame.getSessionId());
			headers.setSubscriptionId(frame.getSubscriptionId());
			headers.setDestination(destination);
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			headers.setLeaveMutable(true);
			byte[] body = this.json.writeValueAsBytes(PresenceNotice.roster(members));
			this.clientOutboundChannel.getObject()
				.send(MessageBuilder.createMessage(body, headers.getMessageHeaders()));
		});
	}

}

package dev.mqttchat.gateway.presence;

import java.util.ArrayList;
import java.util.List;

import dev.mqttchat.gateway.SessionQueue;
import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.chat.ChatError;
import dev.mqttchat.gateway.room.MemberRemovedEvent;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Closes a removed member's subscriptions to a room on this instance at once: each is
 * taken out of the broker as if the client had unsubscribed (so the roster and the room's
 * readers follow), and the session hears {@code removed-from-room} on its errors queue.
 */
@Component
public class MemberEvictions {

	/** The code the removed member's sessions are told. */
	public static final String CODE = "removed-from-room";

	private final SimpUserRegistry users;

	private final MessageChannel broker;

	private final SimpMessageSendingOperations stomp;

	private final ApplicationEventPublisher events;

	MemberEvictions(SimpUserRegistry users, @Qualifier("brokerChannel") MessageChannel broker,
			SimpMessageSendingOperations stomp, ApplicationEventPublisher events) {
		this.users = users;
		this.broker = broker;
		this.stomp = stomp;
		this.events = events;
	}

	/** {@code username} is no longer a member of room {@code roomId}. */
	public void removed(String roomId, String username) {
		SimpUser user = this.users.getUser(username);
		if (user == null) {
			return;
		}
		for (SimpSession session : List.copyOf(user.getSessions())) {
			List<SimpSubscription> closed = new ArrayList<>();
			for (SimpSubscription subscription : List.copyOf(session.getSubscriptions())) {
				if (roomId.equals(StompDestinations.roomOfAnyTopic(subscription.getDestination()))) {
					unsubscribe(session.getId(), subscription, user);
					closed.add(subscription);
				}
			}
			if (!closed.isEmpty()) {
				tell(session.getId(), roomId);
			}
		}
	}

	@EventListener
	void onRemoved(MemberRemovedEvent event) {
		removed(event.roomId(), event.username());
	}

	private void unsubscribe(String session, SimpSubscription subscription, SimpUser user) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription.getId());
		headers.setDestination(subscription.getDestination());
		headers.setUser(user.getPrincipal());
		Message<byte[]> message = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		this.broker.send(message);
		// What a client's own UNSUBSCRIBE announces: presence, readers and the user
		// registry let go too.
		this.events.publishEvent(new SessionUnsubscribeEvent(this, message, user.getPrincipal()));
	}

	private void tell(String session, String roomId) {
		SessionQueue.send(this.stomp, session, StompDestinations.USER_ERROR_QUEUE, new ChatError(CODE,
				"You were removed from this room: its messages no longer reach you.", roomId, null));
	}

}

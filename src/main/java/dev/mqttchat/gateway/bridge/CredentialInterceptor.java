package dev.mqttchat.gateway.bridge;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;

/**
 * What the embedded broker tells of its clients in {@code rooms} access: who published
 * each room message (for {@link PublisherNames}), and which credential clients left (so
 * that {@link CredentialSessions} forgets them).
 */
final class CredentialInterceptor extends AbstractInterceptHandler {

	private final String gatewayUser;

	private final CredentialSessions sessions;

	private final PublisherNames names;

	CredentialInterceptor(String gatewayUser, CredentialSessions sessions, PublisherNames names) {
		this.gatewayUser = gatewayUser;
		this.sessions = sessions;
		this.names = names;
	}

	@Override
	public String getID() {
		return "room-credentials";
	}

	@Override
	public void onPublish(InterceptPublishMessage message) {
		try {
			if (this.names.enforced() && this.names.isRoomTopic(message.getTopicName())) {
				String user = message.getUsername();
				PublisherNames.Publisher publisher = this.gatewayUser.equals(user) ? PublisherNames.GATEWAY
						: new PublisherNames.Publisher(this.sessions.ownerOf(user).orElse(null));
				this.names.published(message.getTopicName(), ByteBufUtil.getBytes(message.getPayload()), publisher);
			}
		}
		finally {
			// The broker hands each interceptor a retained copy.
			message.getPayload().release();
		}
	}

	@Override
	public void onDisconnect(InterceptDisconnectMessage message) {
		this.sessions.left(message.getUsername(), message.getClientID());
	}

	@Override
	public void onConnectionLost(InterceptConnectionLostMessage message) {
		this.sessions.left(message.getUsername(), message.getClientID());
	}

	@Override
	public void onSessionLoopError(Throwable error) {
	}

}

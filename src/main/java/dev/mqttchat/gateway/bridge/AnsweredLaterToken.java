package dev.mqttchat.gateway.bridge;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.jspecify.annotations.Nullable;

/**
 * A SUBSCRIBE's token that its caller need not wait for: complete at once, as if what was
 * asked were granted, while the real SUBACK is checked when it arrives
 * ({@link RefusedSubscriptions#whenAnswered}).
 */
final class AnsweredLaterToken implements IMqttToken {

	private final IMqttToken sent;

	private final int[] asked;

	AnsweredLaterToken(IMqttToken sent, int[] asked) {
		this.sent = sent;
		this.asked = asked.clone();
	}

	@Override
	public void waitForCompletion() {
	}

	@Override
	public void waitForCompletion(long timeout) {
	}

	@Override
	public boolean isComplete() {
		return true;
	}

	@Override
	public @Nullable MqttException getException() {
		return null;
	}

	@Override
	public void setActionCallback(IMqttActionListener listener) {
		throw new UnsupportedOperationException("The SUBACK of this subscription is checked elsewhere");
	}

	@Override
	public @Nullable IMqttActionListener getActionCallback() {
		return null;
	}

	@Override
	public IMqttAsyncClient getClient() {
		return this.sent.getClient();
	}

	@Override
	public String[] getTopics() {
		return this.sent.getTopics();
	}

	@Override
	public void setUserContext(Object userContext) {
		this.sent.setUserContext(userContext);
	}

	@Override
	public Object getUserContext() {
		return this.sent.getUserContext();
	}

	@Override
	public int getMessageId() {
		return this.sent.getMessageId();
	}

	@Override
	public int[] getGrantedQos() {
		return this.asked.clone();
	}

	@Override
	public boolean getSessionPresent() {
		return true;
	}

	@Override
	public @Nullable MqttWireMessage getResponse() {
		return null;
	}

}

package dev.mqttchat.gateway.bridge;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttToken;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Paho client that tells its {@link MqttLink} about every connect, failure and loss,
 * including the attempts of Paho's own reconnect cycle, which Spring Integration does not
 * report.
 */
final class ReportingMqttClient extends MqttAsyncClient {

	private static final Logger logger = LoggerFactory.getLogger(ReportingMqttClient.class);

	private final MqttLink link;

	private final RefusedSubscriptions subscriptions;

	/**
	 * Set once the owner stopped this client: a connect still under way then ends at
	 * once, or it would hold the session against the owner's next client.
	 */
	private volatile boolean retired;

	/** Whether the broker said, in its last CONNACK, that it kept this session. */
	private volatile boolean sessionPresent;

	ReportingMqttClient(String url, String clientId, MqttLink link) throws MqttException {
		super(url, clientId, new MemoryPersistence());
		this.link = link;
		this.subscriptions = new RefusedSubscriptions(link, this::subscribeUnchecked, this::isConnected);
	}

	@Override
	public IMqttToken connect(MqttConnectOptions options, @Nullable Object userContext,
			@Nullable IMqttActionListener callback) throws MqttException {
		return super.connect(options, userContext, new IMqttActionListener() {

			@Override
			public void onSuccess(IMqttToken token) {
				if (endIfRetired()) {
					return;
				}
				ReportingMqttClient.this.sessionPresent = token.getSessionPresent();
				ReportingMqttClient.this.link.connected(getCurrentServerURI());
				if (callback != null) {
					callback.onSuccess(token);
				}
			}

			@Override
			public void onFailure(IMqttToken token, Throwable exception) {
				ReportingMqttClient.this.link.failed(exception);
				if (callback != null) {
					callback.onFailure(token, exception);
				}
			}

		});
	}

	@Override
	public IMqttToken disconnect(long quiesceTimeout, @Nullable Object userContext,
			@Nullable IMqttActionListener callback) throws MqttException {
		this.link.disconnected();
		return super.disconnect(quiesceTimeout, userContext, callback);
	}

	@Override
	public void disconnectForcibly(long quiesceTimeout, long disconnectTimeout) throws MqttException {
		// Paho's two-argument form does not go through the three-argument one.
		disconnectForcibly(quiesceTimeout, disconnectTimeout, true);
	}

	@Override
	public void disconnectForcibly(long quiesceTimeout, long disconnectTimeout, boolean sendDisconnectPacket)
			throws MqttException {
		this.retired = true;
		this.link.disconnected();
		if (!isConnected()) {
			// Stopping while the broker is away: end the retry cycle, whose timer thread
			// would keep the JVM alive.
			PahoReconnectCycle.stop(this);
			return;
		}
		// Paho's forcible disconnect always waits out disconnectTimeout (its DISCONNECT
		// token completes only with the connection): 2 s more per stop. A plain one
		// returns once DISCONNECT is sent and the connection closed.
		try {
			if (sendDisconnectPacket) {
				super.disconnect(quiesceTimeout).waitForCompletion(disconnectTimeout);
				return;
			}
		}
		catch (MqttException ex) {
			logger.debug("A clean disconnect did not complete: closing the connection", ex);
		}
		super.disconnectForcibly(0, disconnectTimeout, false);
	}

	/**
	 * Subscribes and checks what the broker granted: a refused filter is never taken for
	 * success ({@link RefusedSubscriptions}).
	 */
	@Override
	public IMqttToken subscribe(String[] topicFilters, int[] qos, IMqttMessageListener[] messageListeners)
			throws MqttException {
		if (this.sessionPresent) {
			// A kept session's queued messages follow the CONNACK. Spring Integration
			// subscribes again from Paho's callback thread and waits there for the
			// SUBACK, but Paho's reader stops once 10 messages wait for that thread, so
			// the SUBACK is not read before the wait times out (30 s of no storing after
			// a takeover, seen on NATS): checked when it arrives, not waited for.
			IMqttToken token = super.subscribe(topicFilters, qos, null,
					this.subscriptions.whenAnswered(topicFilters, qos, messageListeners), messageListeners);
			return new AnsweredLaterToken(token, qos);
		}
		IMqttToken token = super.subscribe(topicFilters, qos, messageListeners);
		this.subscriptions.check(token, topicFilters, qos, messageListeners);
		return token;
	}

	/** One filter, as Spring Integration adds a topic: checked the same way. */
	@Override
	public IMqttToken subscribe(String topicFilter, int qos, IMqttMessageListener messageListener)
			throws MqttException {
		return subscribe(new String[] { topicFilter }, new int[] { qos },
				new IMqttMessageListener[] { messageListener });
	}

	private IMqttToken subscribeUnchecked(String[] topicFilters, int[] qos, IMqttMessageListener[] messageListeners)
			throws MqttException {
		return super.subscribe(topicFilters, qos, messageListeners);
	}

	@Override
	public IMqttToken unsubscribe(String[] topicFilters, @Nullable Object userContext,
			@Nullable IMqttActionListener callback) throws MqttException {
		this.subscriptions.forget(topicFilters);
		if (!isConnected()) {
			// A clean session ends with the connection: there is nothing to unsubscribe
			// from, and nothing to log.
			return new MqttToken(getClientId());
		}
		return super.unsubscribe(topicFilters, userContext, callback);
	}

	MqttLink link() {
		return this.link;
	}

	/**
	 * Ends a connection made after the owner stopped this client; whether it did.
	 */
	boolean endIfRetired() {
		if (!this.retired) {
			return false;
		}
		// Not on Paho's callback thread, which a disconnect waits for.
		Thread thread = new Thread(() -> {
			try {
				super.disconnectForcibly(0, 1000, true);
			}
			catch (MqttException ex) {
				logger.debug("A stopped client's late connection did not close", ex);
			}
		}, "mqtt-retired-client");
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	@Override
	public void close(boolean force) throws MqttException {
		this.retired = true;
		PahoReconnectCycle.stop(this);
		super.close(force);
	}

	@Override
	public void setCallback(@Nullable MqttCallback callback) {
		super.setCallback((callback != null) ? new ReportingCallback(callback, this) : null);
	}

}

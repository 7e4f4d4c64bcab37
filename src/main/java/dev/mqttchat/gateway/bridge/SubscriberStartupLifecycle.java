package dev.mqttchat.gateway.bridge;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.springframework.context.SmartLifecycle;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;

/**
 * Starts and stops the subscribing adapters side by side: every Paho 1.2.5 connect spends
 * about 300 ms polling for its own threads to start, and one after the other that waiting
 * adds up at every start-up.
 */
class SubscriberStartupLifecycle implements SmartLifecycle {

	private final List<MqttPahoMessageDrivenChannelAdapter> adapters;

	private volatile boolean running;

	SubscriberStartupLifecycle(List<MqttPahoMessageDrivenChannelAdapter> adapters) {
		this.adapters = adapters;
		// The adapters are started here, in their own phase, once the flows they feed are
		// ready.
		adapters.forEach((adapter) -> adapter.setAutoStartup(false));
	}

	@Override
	public void start() {
		// An adapter that cannot connect retries on its own; only an unexpected error
		// fails the start-up.
		sideBySide("mqtt-start-", MqttPahoMessageDrivenChannelAdapter::start);
		this.running = true;
	}

	@Override
	public void stop() {
		// Each disconnect waits for the broker's answer: side by side, they wait once.
		sideBySide("mqtt-stop-", MqttPahoMessageDrivenChannelAdapter::stop);
		this.running = false;
	}

	private void sideBySide(String threadPrefix, Consumer<MqttPahoMessageDrivenChannelAdapter> action) {
		CompletableFuture<?>[] tasks = this.adapters.stream()
			.map((adapter) -> CompletableFuture.runAsync(() -> action.accept(adapter),
					(task) -> new Thread(task, threadPrefix + adapter.getComponentName()).start()))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(tasks).join();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.adapters.get(0).getPhase();
	}

}

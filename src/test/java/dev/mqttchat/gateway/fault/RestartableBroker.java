package dev.mqttchat.gateway.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mqttchat.gateway.bridge.TestBrokers;
import dev.mqttchat.gateway.testsupport.MosquittoProcess;
import dev.mqttchat.gateway.testsupport.FreePorts;

/**
 * A broker a fault test stops and starts: the embedded one, or Mosquitto as a process.
 */
interface RestartableBroker extends AutoCloseable {

	String url();

	void stop() throws Exception;

	void start() throws Exception;

	/**
	 * The embedded broker on a free port, with its persistence on: a broker that forgets
	 * what it acknowledged when it restarts loses messages no gateway can get back.
	 */
	static RestartableBroker embedded() throws IOException {
		int port = FreePorts.next();
		Path data = Files.createTempDirectory("moquette-");
		return new RestartableBroker() {

			private AutoCloseable broker = TestBrokers.embedded(port, data);

			@Override
			public String url() {
				return "tcp://127.0.0.1:" + port;
			}

			@Override
			public void stop() throws Exception {
				this.broker.close();
			}

			@Override
			public void start() throws Exception {
				this.broker = TestBrokers.embedded(port, data);
			}

			@Override
			public void close() throws Exception {
				this.broker.close();
			}

		};
	}

	/** Mosquitto as a process of its own. */
	static RestartableBroker mosquitto() throws IOException {
		MosquittoProcess mosquitto = MosquittoProcess.start();
		return new RestartableBroker() {

			@Override
			public String url() {
				return mosquitto.url();
			}

			@Override
			public void stop() throws Exception {
				mosquitto.stop();
			}

			@Override
			public void start() throws Exception {
				mosquitto.startAgain();
			}

			@Override
			public void close() throws Exception {
				mosquitto.close();
			}

		};
	}

}

package dev.mqttchat.gateway.deploy;

import java.util.List;
import java.util.UUID;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateways in this JVM behind Debian's nginx, splitting the storing over a shared
 * subscription on the broker {@code CHAT_TEST_MQTT_URL} names, on the PostgreSQL
 * {@code CHAT_TEST_POSTGRES_URL} names or else on one in-memory H2 database both open.
 */
final class InProcessStack implements SmokeStack {

	private final ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private final NginxProcess nginx;

	private final String mqttUrl;

	private InProcessStack(ConfigurableApplicationContext first, ConfigurableApplicationContext second,
			NginxProcess nginx) {
		this.first = first;
		this.second = second;
		this.nginx = nginx;
		this.mqttUrl = first.getBean(BrokerEndpoint.class).url();
	}

	static InProcessStack start(String broker) throws Exception {
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		String[] database = (postgres != null && !postgres.isBlank()) ? TestDatabases.postgres(postgres)
				: new String[] {
						"--spring.datasource.url=jdbc:h2:mem:smoke-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" };
		String prefix = "chat.rooms.topic-prefix=test/" + UUID.randomUUID() + "/rooms";
		String[] shared = { prefix, "chat.storage.shared-group=smoke", "chat.mqtt.url=" + broker };
		ConfigurableApplicationContext first = TestGateway.start(database, shared);
		ConfigurableApplicationContext second = TestGateway.start(database, shared);
		NginxProcess nginx = NginxProcess.start("127.0.0.1:" + TestGateway.port(first),
				"127.0.0.1:" + TestGateway.port(second));
		return new InProcessStack(first, second, nginx);
	}

	@Override
	public String proxyUrl() {
		return this.nginx.url();
	}

	@Override
	public String mqttUrl() {
		return this.mqttUrl;
	}

	@Override
	public List<String> readinessUrls() {
		return List.of(readiness(this.first), readiness(this.second));
	}

	private static String readiness(ConfigurableApplicationContext gateway) {
		return "http://127.0.0.1:" + TestGateway.port(gateway) + "/actuator/health/readiness";
	}

	@Override
	public void stopOne() {
		this.second.close();
	}

	@Override
	public void close() throws Exception {
		this.nginx.close();
		this.second.close();
		this.first.close();
	}

}

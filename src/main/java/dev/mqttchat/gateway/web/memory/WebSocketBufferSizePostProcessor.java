package dev.mqttchat.gateway.web.memory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sizes the WebSocket container's per-connection frame and write buffers (8 KB each by
 * default) for chat frames of a few hundred bytes, before the container reads the
 * setting; larger frames go through in several chunks.
 */
class WebSocketBufferSizePostProcessor implements EnvironmentPostProcessor {

	private static final String PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	private static final String SIZE = "1024";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// An operator's own -D setting wins.
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, SIZE);
		}
	}

}

package dev.mqttchat.gateway;

import java.nio.charset.StandardCharsets;

/**
 * A message body serialized once for all of a destination's subscribers: the STOMP frames
 * around it are written per subscriber by the web package's STOMP handler decorator,
 * without encoding the body again.
 *
 * @param json the body, JSON
 * @param length its length in UTF-8 bytes, the frame's {@code content-length}
 */
public record SerializedBody(String json, int length) {

	/** The body {@code json}, its length counted once. */
	public static SerializedBody of(String json) {
		return new SerializedBody(json, json.getBytes(StandardCharsets.UTF_8).length);
	}

}

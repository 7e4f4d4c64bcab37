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

	/**
	 * A body that can be encoded as UTF-8.
	 * @throws IllegalArgumentException if {@code json} holds a lone surrogate: found here
	 * once, rather than by each subscriber's connection, which would close over it
	 */
	public SerializedBody {
		if (!UnicodeText.isEncodable(json)) {
			throw new IllegalArgumentException("The body is not valid Unicode (a lone surrogate): no UTF-8 for it");
		}
	}

	/**
	 * The body {@code json}, its length counted once.
	 * @throws IllegalArgumentException if {@code json} cannot be encoded as UTF-8
	 */
	public static SerializedBody of(String json) {
		return new SerializedBody(json, json.getBytes(StandardCharsets.UTF_8).length);
	}

}

package dev.mqttchat.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The few MQTT 3.1.1 packets an MQTT-over-WebSocket subscriber sends, encoded by hand. */
final class MqttPackets {

	static final int CONNACK = 2;

	static final int PUBLISH = 3;

	static final int SUBACK = 9;

	private MqttPackets() {
	}

	/** CONNECT with a clean session and a keep-alive long enough that no run needs a ping. */
	static ByteBuffer connect(String clientId, int keepAliveSeconds) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		string(body, "MQTT");
		body.write(4);
		body.write(0x02);
		body.write(keepAliveSeconds >> 8);
		body.write(keepAliveSeconds & 0xff);
		string(body, clientId);
		return packet(0x10, body.toByteArray());
	}

	static ByteBuffer subscribe(int packetId, String topicFilter, int qos) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(packetId >> 8);
		body.write(packetId & 0xff);
		string(body, topicFilter);
		body.write(qos);
		return packet(0x82, body.toByteArray());
	}

	static ByteBuffer disconnect() {
		return ByteBuffer.wrap(new byte[] { (byte) 0xe0, 0 });
	}

	private static ByteBuffer packet(int header, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
		out.write(header);
		int remaining = body.length;
		do {
			int digit = remaining % 128;
			remaining /= 128;
			out.write((remaining > 0) ? (digit | 0x80) : digit);
		}
		while (remaining > 0);
		out.writeBytes(body);
		return ByteBuffer.wrap(out.toByteArray());
	}

	private static void string(ByteArrayOutputStream out, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.write(bytes.length >> 8);
		out.write(bytes.length & 0xff);
		out.writeBytes(bytes);
	}

}

package dev.mqttchat.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** An MQTT 3.1.1 subscriber over a WebSocket (subprotocol {@code mqtt}), subscribed at QoS 0 to one room's topic. */
final class MqttWsSubscriber extends Subscriber {

	private static final String[] SUBPROTOCOLS = { "mqtt" };

	private static final AtomicInteger ids = new AtomicInteger();

	private ByteBuffer pending;

	MqttWsSubscriber(Room room, Group group, boolean stallable) {
		super(room, group, stallable);
	}

	@Override
	String[] subprotocols() {
		return SUBPROTOCOLS;
	}

	@Override
	void start() {
		// A client may send SUBSCRIBE right after CONNECT, without waiting for CONNACK.
		send(MqttPackets.connect("bench-ws-" + ProcessHandle.current().pid() + "-" + ids.incrementAndGet(), 600));
		send(MqttPackets.subscribe(1, room().subscription(), 0));
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		long now = System.nanoTime();
		ByteBuffer bytes = data;
		if (this.pending != null) {
			// Packets split across WebSocket messages are rare; only they pay for a copy.
			ByteBuffer joined = ByteBuffer.allocate(this.pending.remaining() + data.remaining());
			joined.put(this.pending).put(data).flip();
			bytes = joined;
			this.pending = null;
		}
		packets(now, bytes);
		demand(webSocket);
		return null;
	}

	private void packets(long now, ByteBuffer bytes) {
		int position = bytes.position();
		int limit = bytes.limit();
		while (position < limit) {
			int header = bytes.get(position) & 0xff;
			int length = 0;
			int multiplier = 1;
			int cursor = position + 1;
			boolean complete = false;
			while (cursor < limit && cursor - position <= 4) {
				int digit = bytes.get(cursor++) & 0xff;
				length += (digit & 0x7f) * multiplier;
				multiplier *= 128;
				if ((digit & 0x80) == 0) {
					complete = true;
					break;
				}
			}
			if (!complete || cursor + length > limit) {
				ByteBuffer rest = ByteBuffer.allocate(limit - position);
				for (int i = position; i < limit; i++) {
					rest.put(bytes.get(i));
				}
				this.pending = rest.flip();
				return;
			}
			packet(now, header, bytes, cursor, cursor + length);
			position = cursor + length;
		}
	}

	private void packet(long now, int header, ByteBuffer bytes, int from, int to) {
		int type = header >> 4;
		if (type == MqttPackets.PUBLISH) {
			int topicLength = ((bytes.get(from) & 0xff) << 8) | (bytes.get(from + 1) & 0xff);
			int payload = from + 2 + topicLength + ((((header >> 1) & 3) > 0) ? 2 : 0);
			message(now, bytes, payload, to);
		}
		else if (type == MqttPackets.CONNACK) {
			int code = bytes.get(from + 1) & 0xff;
			if (code != 0) {
				failed("CONNACK refused with code " + code);
			}
		}
		else if (type == MqttPackets.SUBACK) {
			int granted = bytes.get(to - 1) & 0xff;
			if (granted == 0x80) {
				failed("SUBACK refused " + room().subscription());
			}
			else {
				this.subscribed.complete(null);
			}
		}
	}

}

package dev.mqttchat.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bench's message: chat JSON whose {@code text} carries the run, phase, sequence number, intended and actual
 * send times (this JVM's {@code System.nanoTime()}), so every system passes it through unchanged.
 */
final class Wire {

	/** Messages that only prove a subscription is live; never measured. */
	static final int PROBE = 0;

	/** Messages sent before measuring starts, so caches, JIT and buffers are warm. */
	static final int WARMUP = 1;

	/** Measured messages. */
	static final int MEASURE = 2;

	private static final String MARKER = "\"text\":\"bench ";

	private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.US_ASCII);

	private Wire() {
	}

	/** The MQTT payload of one message, padded with {@code x} to at least {@code size} bytes. */
	static byte[] payload(String clientId, int run, int phase, long seq, long intendedNanos, long actualNanos,
			int size) {
		StringBuilder text = new StringBuilder(Math.max(size, 128));
		text.append("{\"username\":\"bench\",\"clientId\":\"").append(clientId).append("\",\"text\":\"bench ");
		text.append(run).append(' ').append(phase).append(' ').append(seq).append(' ');
		text.append(intendedNanos).append(' ').append(actualNanos).append(' ');
		int pad = size - text.length() - 2;
		for (int i = 0; i < pad; i++) {
			text.append('x');
		}
		text.append("\"}");
		return text.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** Reads the bench fields out of a STOMP frame or JSON text; false if it carries none. */
	static boolean parse(CharSequence text, Fields into) {
		int at = indexOf(text, 0);
		if (at < 0) {
			return false;
		}
		int[] cursor = { at + MARKER.length() };
		into.run = (int) number(text, cursor);
		into.phase = (int) number(text, cursor);
		into.seq = number(text, cursor);
		into.intendedNanos = number(text, cursor);
		into.actualNanos = number(text, cursor);
		return into.run >= 0 && into.actualNanos >= 0;
	}

	/** Reads the bench fields out of bytes {@code [from, to)} of an MQTT payload; false if it carries none. */
	static boolean parse(ByteBuffer bytes, int from, int to, Fields into) {
		int at = indexOf(bytes, from, to);
		if (at < 0) {
			return false;
		}
		int[] cursor = { at + MARKER_BYTES.length };
		into.run = (int) number(bytes, cursor, to);
		into.phase = (int) number(bytes, cursor, to);
		into.seq = number(bytes, cursor, to);
		into.intendedNanos = number(bytes, cursor, to);
		into.actualNanos = number(bytes, cursor, to);
		return into.run >= 0 && into.actualNanos >= 0;
	}

	private static int indexOf(CharSequence text, int from) {
		int last = text.length() - MARKER.length();
		outer: for (int i = from; i <= last; i++) {
			for (int j = 0; j < MARKER.length(); j++) {
				if (text.charAt(i + j) != MARKER.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static int indexOf(ByteBuffer bytes, int from, int to) {
		int last = to - MARKER_BYTES.length;
		outer: for (int i = from; i <= last; i++) {
			for (int j = 0; j < MARKER_BYTES.length; j++) {
				if (bytes.get(i + j) != MARKER_BYTES[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static long number(CharSequence text, int[] cursor) {
		int i = cursor[0];
		long value = 0;
		boolean digits = false;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (c >= '0' && c <= '9') {
				value = value * 10 + (c - '0');
				digits = true;
			}
			else {
				break;
			}
		}
		cursor[0] = i;
		return digits ? value : -1;
	}

	private static long number(ByteBuffer bytes, int[] cursor, int to) {
		int i = cursor[0];
		long value = 0;
		boolean digits = false;
		while (i < to) {
			byte c = bytes.get(i++);
			if (c >= '0' && c <= '9') {
				value = value * 10 + (c - '0');
				digits = true;
			}
			else {
				break;
			}
		}
		cursor[0] = i;
		return digits ? value : -1;
	}

	/** The bench fields of one received message; reused per subscriber so parsing allocates nothing. */
	static final class Fields {

		int run;

		int phase;

		long seq;

		long intendedNanos;

		long actualNanos;

	}

}

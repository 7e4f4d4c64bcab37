package dev.mqttchat.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random and hostile input for the two parsers open to the world, MQTT payloads and STOMP
 * frames: invalid UTF-8 and UTF-16, deep nesting, huge numbers, control characters, and
 * fields of the wrong shape. The same {@link Random} seed gives the same input.
 */
public final class HostileInput {

	private static final List<String> FIELDS = List.of("username", "text", "clientId", "clientMsgId", "replyTo", "type",
			"target", "emoji", "author", "sig", "kid", "iv", "ciphertext", "sentAt", "source", "id", "seq", "status",
			"instance", "since", "unknown");

	private static final List<String> ESCAPES = List.of("\\ud800", "\\udfff", "\\udc00\\ud800", "\\u0000", "\\u001b",
			"\\uffff", "\\ufffe", "\\ud83d", "\\ud83d\\ude00", "\\u202e", "\\\"", "\\\\");

	private static final List<byte[]> BAD_UTF8 = List.of(new byte[] { (byte) 0xc0, (byte) 0x80 },
			new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, new byte[] { (byte) 0xe2, (byte) 0x82 },
			new byte[] { (byte) 0xff }, new byte[] { (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
			new byte[] { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0x80 });

	private HostileInput() {
	}

	/** One MQTT payload, or STOMP body. */
	public static byte[] payload(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> randomBytes(random, 300);
			case 1 -> withBadUtf8(random, json(random).getBytes(StandardCharsets.UTF_8));
			case 2 -> nested(random).getBytes(StandardCharsets.UTF_8);
			case 3 -> hugeNumbers(random).getBytes(StandardCharsets.UTF_8);
			case 4 -> controls(random).getBytes(StandardCharsets.UTF_8);
			default -> json(random).getBytes(StandardCharsets.UTF_8);
		};
	}

	/**
	 * One JSON object of the chat's fields, some holding escapes of lone surrogates,
	 * controls or noncharacters, some of the wrong type.
	 */
	public static String json(Random random) {
		// A message that could pass (a username and text) but for its hostile values,
		// with extra fields of any type, sometimes unterminated.
		StringBuilder json = new StringBuilder("{\"username\":\"").append(random.nextBoolean() ? "fuzz" : text(random))
			.append("\",\"text\":\"")
			.append(text(random))
			.append("x\"");
		int fields = random.nextInt(4);
		for (int i = 0; i < fields; i++) {
			json.append(",\"").append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":");
			switch (random.nextInt(5)) {
				case 0 -> json.append(random.nextInt());
				case 1 ->
					json.append("[\"").append(text(random)).append("\",{\"id\":\"").append(text(random)).append("\"}]");
				case 2 -> json.append(random.nextBoolean() ? "null" : "{\"" + text(random) + "\":1}");
				default -> json.append('"').append(text(random)).append('"');
			}
		}
		if (random.nextInt(4) == 0) {
			json.append(",\"type\":\"reaction\",\"target\":\"t-1\",\"emoji\":\"").append(text(random)).append('"');
		}
		return json.append(random.nextInt(10) == 0 ? "" : "}").toString();
	}

	/** JSON string content: plain text with escapes among it. */
	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int parts = random.nextInt(5);
		for (int i = 0; i < parts; i++) {
			text.append(random.nextBoolean() ? ESCAPES.get(random.nextInt(ESCAPES.size())) : "ab c\u00e9\u20ac");
		}
		return text.toString();
	}

	private static String nested(Random random) {
		int depth = 1 + random.nextInt(5000);
		String open = random.nextBoolean() ? "[" : "{\"text\":";
		return "{\"username\":\"deep\",\"text\":" + open.repeat(depth) + "1"
				+ (open.equals("[") ? "]" : "}").repeat(depth) + "}";
	}

	private static String hugeNumbers(Random random) {
		String digits = "9".repeat(1 + random.nextInt(5000));
		return switch (random.nextInt(4)) {
			case 0 -> "{\"text\":\"n\",\"v\":" + digits + ",\"seq\":" + digits + "}";
			case 1 -> "{\"text\":" + digits + "}";
			case 2 -> "{\"username\":\"n\",\"text\":\"x\",\"sentAt\":1e" + digits + "}";
			default -> "{\"text\":\"n\",\"v\":-" + digits + "." + digits + "e-" + digits + "}";
		};
	}

	private static String controls(Random random) {
		StringBuilder text = new StringBuilder(random.nextBoolean() ? "ada (c1): " : "");
		for (int i = 0; i < 1 + random.nextInt(20); i++) {
			text.append((char) random.nextInt(0x20)).append('x');
		}
		return text.toString();
	}

	private static byte[] randomBytes(Random random, int max) {
		byte[] bytes = new byte[random.nextInt(max + 1)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] withBadUtf8(Random random, byte[] valid) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = random.nextInt(valid.length + 1);
		out.write(valid, 0, at);
		out.writeBytes(BAD_UTF8.get(random.nextInt(BAD_UTF8.size())));
		out.write(valid, at, valid.length - at);
		return out.toByteArray();
	}

	/**
	 * One hostile STOMP frame (text) for a connected session: a SEND of a hostile body to
	 * {@code sendDestination}, or a frame whose headers, command or framing are wrong.
	 */
	public static String stompFrame(Random random, String sendDestination) {
		String body = json(random);
		return switch (random.nextInt(10)) {
			case 0 -> "SEND\ndestination:" + sendDestination + "\ncontent-length:"
					+ (random.nextBoolean() ? "-1" : "99999999999999999999") + "\n\n" + body + "\u0000";
			case 1 -> "SEND\ndestination:" + sendDestination + "\\x\\c\n" + "h:".repeat(random.nextInt(200)) + "\n\n"
					+ body + "\u0000";
			case 2 -> "SEND\ndestination:" + sendDestination + "\ncontent-type:application/json\n\n" + nested(random)
					+ "\u0000";
			case 3 -> "SEND\ndestination:" + sendDestination + "\ncontent-type:application/json\n\n"
					+ hugeNumbers(random) + "\u0000";
			case 4 -> "SUBSCRIBE\nid:" + text(random) + "\ndestination:/topic/rooms/" + text(random) + "\n\n\u0000";
			case 5 -> "\u0000\u0000\n\n" + controls(random) + "\u0000";
			case 6 -> "SEND\ndestination:" + sendDestination + "\ncontent-type:application/json\n\n" + body;
			default -> "SEND\ndestination:" + sendDestination + "\ncontent-type:application/json\n\n" + body + "\u0000";
		};
	}

	/**
	 * A SEND of a hostile body as bytes (a binary WebSocket message), so its body may be
	 * invalid UTF-8.
	 */
	public static byte[] binaryStompFrame(Random random, String sendDestination) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.writeBytes(("SEND\ndestination:" + sendDestination + "\ncontent-type:application/json\n\n")
			.getBytes(StandardCharsets.UTF_8));
		frame.writeBytes(payload(random));
		frame.write(0);
		return frame.toByteArray();
	}

}

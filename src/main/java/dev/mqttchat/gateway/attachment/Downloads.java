package dev.mqttchat.gateway.attachment;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a file served as a download (RFC 6266): its name as
 * plain ASCII in {@code filename}, for old clients, and exactly in {@code filename*} (RFC
 * 8187, UTF-8 percent-encoded), which every current browser prefers.
 */
final class Downloads {

	private static final String ATTR_CHARS = "!#$&+-.^_`|~";

	private Downloads() {
	}

	/**
	 * {@code attachment; filename="..."; filename*=UTF-8''...} for a name FileNames made.
	 */
	static String contentDisposition(String name) {
		return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
	}

	/**
	 * Printable ASCII only, without what would end or escape the quoted string, or be
	 * percent-decoded by some browsers.
	 */
	private static String ascii(String name) {
		StringBuilder text = new StringBuilder(name.length());
		name.codePoints()
			.forEach((c) -> text.append((c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%') ? (char) c : '_'));
		return text.toString();
	}

	private static String encoded(String name) {
		StringBuilder text = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ATTR_CHARS.indexOf(c) >= 0) {
				text.append((char) c);
			}
			else {
				text.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return text.toString();
	}

}

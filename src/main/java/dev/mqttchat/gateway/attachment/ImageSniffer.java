package dev.mqttchat.gateway.attachment;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Tells a picture's type and size from its first bytes (the file's own header, never the
 * name or the type a client claims): PNG, JPEG, GIF or WebP, or nothing. The size is the
 * one a viewer would decode: a WebP's extended canvas, a GIF's largest frame.
 */
final class ImageSniffer {

	/** A picture's type and its width and height in pixels. */
	record Sniffed(ImageType type, int width, int height) {
	}

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private ImageSniffer() {
	}

	/** What {@code bytes} are, or {@code null} if they are none of the four types. */
	static @Nullable Sniffed sniff(byte[] bytes) {
		if (startsWith(bytes, 0, PNG) && ascii(bytes, 12, "IHDR")) {
			return sized(ImageType.PNG, int32(bytes, 16), int32(bytes, 20));
		}
		if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
			long[] canvas = GifCanvas.of(bytes, u16le(bytes, 6), u16le(bytes, 8));
			return sized(ImageType.GIF, canvas[0], canvas[1]);
		}
		if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
			return webp(bytes);
		}
		if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
			return jpeg(bytes);
		}
		return null;
	}

	private static @Nullable Sniffed webp(byte[] bytes) {
		if (ascii(bytes, 12, "VP8X") && bytes.length >= 30) {
			return sized(ImageType.WEBP, u24le(bytes, 24) + 1, u24le(bytes, 27) + 1);
		}
		if (ascii(bytes, 12, "VP8L") && bytes.length >= 25 && bytes[20] == 0x2f) {
			int bits = u16le(bytes, 21) | (u16le(bytes, 23) << 16);
			return sized(ImageType.WEBP, (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
		}
		if (ascii(bytes, 12, "VP8 ") && bytes.length >= 30 && (bytes[23] & 0xff) == 0x9d && (bytes[24] & 0xff) == 0x01
				&& (bytes[25] & 0xff) == 0x2a) {
			return sized(ImageType.WEBP, u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
		}
		return null;
	}

	private static @Nullable Sniffed jpeg(byte[] bytes) {
		int at = 2;
		while (at + 3 < bytes.length) {
			if ((bytes[at] & 0xff) != 0xff) {
				return null;
			}
			int marker = bytes[at + 1] & 0xff;
			if (marker == 0xff) {
				at++;
				continue;
			}
			if ((marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
				at += 2;
				continue;
			}
			if (marker == 0xd9 || marker == 0xda) {
				// The image data begins, or it ends, without a frame header.
				return null;
			}
			boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
			if (frame && at + 8 < bytes.length) {
				return sized(ImageType.JPEG, u16be(bytes, at + 7), u16be(bytes, at + 5));
			}
			at += 2 + u16be(bytes, at + 2);
		}
		return null;
	}

	private static @Nullable Sniffed sized(ImageType type, long width, long height) {
		return (width > 0 && height > 0 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE)
				? new Sniffed(type, (int) width, (int) height) : null;
	}

	private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
		if (bytes.length < at + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean ascii(byte[] bytes, int at, String text) {
		return startsWith(bytes, at, text.getBytes(StandardCharsets.US_ASCII));
	}

	private static long int32(byte[] bytes, int at) {
		return (bytes.length < at + 4) ? 0 : ((long) u16be(bytes, at) << 16) | u16be(bytes, at + 2);
	}

	private static int u16be(byte[] bytes, int at) {
		return (bytes.length < at + 2) ? 0 : ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
	}

	private static int u16le(byte[] bytes, int at) {
		return (bytes.length < at + 2) ? 0 : (bytes[at] & 0xff) | ((bytes[at + 1] & 0xff) << 8);
	}

	private static int u24le(byte[] bytes, int at) {
		return (bytes.length < at + 3) ? 0 : u16le(bytes, at) | ((bytes[at + 2] & 0xff) << 16);
	}

}

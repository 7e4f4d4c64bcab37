package dev.mqttchat.gateway.attachment;

/**
 * The area a GIF asks a viewer to draw: its logical screen, grown to hold every frame
 * (browsers enlarge the canvas for a frame that does not fit, so a tiny screen can hide
 * huge frames).
 */
final class GifCanvas {

	private static final int HEADER = 13;

	private GifCanvas() {
	}

	/**
	 * The width and height of the GIF in {@code bytes} with the given logical screen, as
	 * {@code {width, height}}; frames cut off by the end of the file end the scan.
	 */
	static long[] of(byte[] bytes, long screenWidth, long screenHeight) {
		long width = screenWidth;
		long height = screenHeight;
		int at = HEADER + colorTable(bytes, 10);
		while (at < bytes.length) {
			int block = bytes[at] & 0xff;
			if (block == 0x21) {
				at = skipSubBlocks(bytes, at + 2);
			}
			else if (block == 0x2c && at + 9 < bytes.length) {
				width = Math.max(width, (long) u16le(bytes, at + 1) + u16le(bytes, at + 5));
				height = Math.max(height, (long) u16le(bytes, at + 3) + u16le(bytes, at + 7));
				at = skipSubBlocks(bytes, at + 10 + colorTable(bytes, at + 9) + 1);
			}
			else {
				// The trailer, or something no decoder reads further.
				break;
			}
		}
		return new long[] { width, height };
	}

	/** The size of the color table the packed byte at {@code at} announces. */
	private static int colorTable(byte[] bytes, int at) {
		if (at >= bytes.length || (bytes[at] & 0x80) == 0) {
			return 0;
		}
		return 3 * (1 << ((bytes[at] & 0x07) + 1));
	}

	private static int skipSubBlocks(byte[] bytes, int from) {
		int at = from;
		while (at < bytes.length && bytes[at] != 0) {
			at += (bytes[at] & 0xff) + 1;
		}
		return at + 1;
	}

	private static int u16le(byte[] bytes, int at) {
		return (bytes[at] & 0xff) | ((bytes[at + 1] & 0xff) << 8);
	}

}
